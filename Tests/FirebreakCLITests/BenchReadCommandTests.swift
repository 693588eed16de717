import Foundation
import Testing

@Suite("firebreak bench-read")
struct BenchReadCommandTests {
    /// The benchmark decodes and assesses every post a record holds, the carried originals included, and says how many.
    @Test func timesTheReadingStageOfAJSONLinesArchive() throws {
        let flat = CLIRunner.fixtures.appendingPathComponent("x/v2-flat.jsonl")
        let lines = try String(contentsOf: flat, encoding: .utf8).split(separator: "\n").count
        let result = try CLIRunner.run(["bench-read", flat.path, "--records", "1000", "--repeats", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\(lines) records"))
        #expect(result.stdout.contains("parse + decode: "))
        #expect(result.stdout.contains("parse + decode + assess + text features: "))
        // More posts than records: retweets carry their originals.
        let posts = try #require(result.stdout.firstMatch(of: /\((\d+) posts\)/)).1
        #expect(Int(posts)! > lines)
    }

    /// It reads what `analyze` reads (here plain text, a post a line), and says so when there is nothing to read.
    @Test func readsAnyArchiveAndRefusesAMissingOrEmptyOne() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let text = dir.appendingPathComponent("plain.txt")
        try Data("just words #myNYPD\nmore words\n".utf8).write(to: text)
        let plain = try CLIRunner.run(["bench-read", text.path, "--repeats", "1"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("2 records") && plain.stdout.contains("(2 posts)"))
        let missingPath = dir.appendingPathComponent("none.jsonl").path
        let missing = try CLIRunner.run(["bench-read", missingPath])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains(missingPath))
        let empty = dir.appendingPathComponent("empty.jsonl")
        try Data().write(to: empty)
        let nothing = try CLIRunner.run(["bench-read", empty.path])
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("holds no records"))
    }
}
