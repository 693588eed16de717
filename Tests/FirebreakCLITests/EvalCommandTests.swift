import Foundation
import Testing

@Suite("firebreak eval and classify on broken inputs")
struct EvalCommandTests {
    private func write(_ text: String, _ name: String, in dir: URL) throws -> String { try CLIRunner.write(text, to: name, in: dir).path }

    @Test("a label outside the task's classes, an unknown task or a topic file with no usable line is a clear error")
    func brokenLabelFiles() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let text = try write("a\nb\nc\n", "text.txt", in: dir)
        let outOfRange = try CLIRunner.run(["eval", "--task", "irony", "--text", text, "--labels", try write("0\n1\n7\n", "l.txt", in: dir)])
        #expect(outOfRange.status == 1, "\(outOfRange.stderr)")
        #expect(outOfRange.stderr.contains("label on line 3 is 7, not one of 0…1"))
        let unknown = try CLIRunner.run(["eval", "--task", "ironic", "--text", text, "--labels", try write("0\n1\n0\n", "l2.txt", in: dir)])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown task ironic"))
        let topics = try CLIRunner.run(["eval", "--topic-file", try write("x\tt\tnegative\n1\ttopic\tmaybe\thello\n", "t.txt", in: dir)])
        #expect(topics.status == 1 && topics.stderr.contains("no line of the form id<TAB>topic<TAB>negative|positive<TAB>text"))
        _ = try write("a\nb\n", "tweeteval/irony/val_text.txt", in: dir)
        let labels = try write("0\n3\n", "tweeteval/irony/val_labels.txt", in: dir)
        let tweeteval = try CLIRunner.run(["eval", "--tweeteval", dir.appendingPathComponent("tweeteval").path])
        #expect(tweeteval.status == 1 && tweeteval.stderr.contains("\(labels): label on line 2 is 3, not one of 0…1"), "\(tweeteval.stderr)")
        let partly = try CLIRunner.run(["eval", "--topic-file", try write("1\tt\tnegative\tawful\n2\tt\tneutral\tmeh\n", "t2.txt", in: dir)])
        #expect(partly.status == 0 && partly.stderr.contains("1 of 2 lines left out") && partly.stdout.contains("(n=1)"))
    }

    @Test("classify skips a line over 1 MB with a message and reads on; a rejected record says why")
    func classifyRejects() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let text = try write("first post\n" + String(repeating: "a", count: (1 << 20) + 10) + "\nthird post\n", "posts.txt", in: dir)
        let result = try CLIRunner.run(["classify", text, "--format", "text"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("line 2 rejected: longer than 1 MB"))
        let ids = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ["1", "3"])
        let json = try write(
            "{\"id\": \"1\", \"text\": \"ok\", \"created_at\": \"2014-04-22T17:55:00Z\", \"author_id\": \"9\"}\n{\"id\": \"2\"}\n", "p.jsonl", in: dir
        )
        let rejected = try CLIRunner.run(["classify", json, "--format", "x-v2"])
        #expect(rejected.stderr.contains("record 2 rejected: "), "\(rejected.stderr)")
        #expect(rejected.stdout.split(separator: "\n").count == 1)
    }
}
