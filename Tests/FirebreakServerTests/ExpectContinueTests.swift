import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FirebreakServer

@Suite struct ExpectContinueTests {
    /// curl asks `Expect: 100-continue` before a large body (over 1 MB in curl 7.88; asked for explicitly here) and
    /// waits a second for the answer; the desk answers at once and takes the batch.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func curlGetsAnInterim100ContinueAndTheBatchIsStored() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        let body = (0..<20).map { flattenedPost(id: "\(500 + $0)", text: "Officer \($0) helped us today #myNYPD", handle: "fan\($0)") }.joined(separator: "\n")
        let file = fixture.folder.appendingPathComponent("batch.jsonl")
        try Data(body.utf8).write(to: file)
        let app = Application(router: fixture.server.makeRouter(), server: DeskServer.http1)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = [
                "-sv", "-H", "Expect: 100-continue", "-H", "Authorization: Bearer \(DeskFixture.ingestToken)", "-H", "Content-Type: application/x-ndjson", "--data-binary",
                "@\(file.path)", "http://127.0.0.1:\(port)/api/campaigns/mynypd/posts",
            ]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let trace = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(trace.contains("> Expect: 100-continue"))
            #expect(trace.contains("< HTTP/1.1 100 Continue"), "\(trace)")
            #expect(trace.contains("< HTTP/1.1 200 OK"))
            #expect(stdout.contains("\"inserted\":20"))
        }
    }
}
