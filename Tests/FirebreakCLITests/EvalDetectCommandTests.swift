import Foundation
import Testing

@Suite("firebreak eval-detect")
struct EvalDetectCommandTests {
    let posts = CLIRunner.packageRoot.appendingPathComponent("examples/mynypd/posts.jsonl")
    let campaign = CLIRunner.packageRoot.appendingPathComponent("examples/mynypd/campaign.yml")

    /// The Markdown row of Firebreak's hijack alert for `stream`.
    func firebreakRow(_ truth: String, named name: String, in dir: URL) throws -> (CLIRunner.Result, String?) {
        let truthFile = dir.appendingPathComponent("\(name).truth.json")
        try Data(truth.utf8).write(to: truthFile)
        let table = dir.appendingPathComponent("\(name).md")
        let result = try CLIRunner.run([
            "eval-detect", "--stream", posts.path, "--truth", truthFile.path, "--campaign", campaign.path, "--markdown", table.path,
        ])
        let markdown = (try? String(contentsOf: table, encoding: .utf8)) ?? ""
        let row = markdown.split(separator: "\n").first { $0.hasPrefix("| posts.jsonl |") && $0.contains("Firebreak (hijack alert)") }
        return (result, row.map(String.init))
    }

    @Test("a stream from elsewhere needs only an onset in its truth file")
    func minimalTruth() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let (hijack, hijackRow) = try firebreakRow(#"{"onset": "2014-04-22T18:52:00Z"}"#, named: "hijack", in: dir)
        #expect(hijack.status == 0, "\(hijack.stderr)")
        let row = try #require(hijackRow, "no Firebreak row in the table: \(hijack.stdout)")
        #expect(row.contains("| caught |"), "\(row)")
        #expect(row.contains("onset +57.0"), "\(row)")

        // The same stream declared benign: its hijack alert is now a false alarm.
        let (benign, benignRow) = try firebreakRow(#"{"onset": null, "campaign": "myNYPD"}"#, named: "benign", in: dir)
        #expect(benign.status == 0, "\(benign.stderr)")
        #expect(try #require(benignRow).contains("FALSE ALARM"))
    }

    @Test("a truth file without an onset is refused with the reason")
    func truthWithoutOnset() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let (result, _) = try firebreakRow(#"{"launched_at": "2014-04-22T17:55:00Z"}"#, named: "bad", in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot read the truth file"), "\(result.stderr)")
        #expect(result.stderr.contains("onset"), "\(result.stderr)")
    }

    @Test("an onset outside the stream's posts (the wrong archive, a mistyped date) is refused, not scored")
    func onsetOutsideTheStream() throws {
        let dir = try CLIRunner.temporaryDirectory()
        for onset in ["1990-05-03T17:00:00Z", "2014-04-23T18:00:00Z"] {
            let (result, _) = try firebreakRow("{\"onset\": \"\(onset)\"}", named: "far", in: dir)
            #expect(result.status != 0)
            #expect(result.stderr.contains("is outside the posts of"), "\(result.stderr)")
        }
    }
}
