import Foundation
import Testing

@Suite("firebreak drill")
struct DrillCommandTests {
    @Test("writes the stream and its truth; the same seed gives the same bytes")
    func writesStreamAndTruth() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let posts = dir.appendingPathComponent("p.jsonl")
        let truth = dir.appendingPathComponent("t.json")
        let result = try CLIRunner.run(["drill", "mynypd", "--output", posts.path, "--truth", truth.path, "--seed", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: posts, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 1000)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: truth)) as? [String: Any])
        #expect(json["onset"] is String)
        #expect(result.stderr.contains("drill mynypd: \(lines.count) posts"))
        let again = try CLIRunner.run(["drill", "mynypd", "--seed", "3"])
        #expect(again.stdout == (try String(contentsOf: posts, encoding: .utf8)))
    }

    @Test("a scale past 10 million posts an hour, or a truth path that cannot be written, is refused before generating")
    func refusesBeforeGenerating() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let posts = dir.appendingPathComponent("p.jsonl")
        let huge = try CLIRunner.run(["drill", "steady-success", "--scale", "1e9", "--output", posts.path])
        #expect(huge.status != 0)
        #expect(huge.stderr.contains("above the 10000000 posts/h a scenario may have"), "\(huge.stderr)")
        let truth = dir.appendingPathComponent("missing/t.json")
        let badTruth = try CLIRunner.run(["drill", "steady-success", "--output", posts.path, "--truth", truth.path])
        #expect(badTruth.status != 0)
        #expect(badTruth.stderr.contains("cannot create \(truth.path)"), "\(badTruth.stderr)")
        #expect(((try? Data(contentsOf: posts)) ?? Data()).isEmpty)
    }
}
