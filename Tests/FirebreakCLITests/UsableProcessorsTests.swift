import Foundation
import Testing

@testable import firebreak

@Suite("usable processors")
struct UsableProcessorsTests {
    @Test func theAllowedMaskIsCountedBitByBit() {
        #expect(UsableProcessors.allowedCount(status: "Name:\tfirebreak\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n") == 2)
        #expect(UsableProcessors.allowedCount(status: "Cpus_allowed:\t2\n") == 1)
        #expect(UsableProcessors.allowedCount(status: "Cpus_allowed:\tffffffff,00000001\n") == 33)
        // No mask (not Linux, an unusual kernel) or one that cannot be read: the caller falls back to the machine's count.
        #expect(UsableProcessors.allowedCount(status: "Name:\tfirebreak\n") == nil)
        #expect(UsableProcessors.allowedCount(status: "Cpus_allowed:\tzz\n") == nil)
        #expect(UsableProcessors.allowedCount(status: "Cpus_allowed:\t0\n") == nil)
    }

    /// On one core (`taskset -c 0`), `analyze` defaults to one batch in flight, not one per processor of the machine.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")))
    func analyzeDefaultsToTheCoresItMayUse() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        process.arguments = ["-c", "0", CLIRunner.binary.path, "analyze", "--help"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let help = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let compact = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(compact.contains("this process may use). (default: 1)"), "\(help)")
    }
}
