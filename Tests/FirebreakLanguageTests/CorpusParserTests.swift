import Testing

@testable import FirebreakLanguage

@Suite("Corpus parsing")
struct CorpusParserTests {
    // These pairs are how the same tweet appears in SemEval-2016 task 4 and in TweetEval sentiment `val`.
    @Test(
        "the deduplication key matches a tweet across its encodings",
        arguments: [
            (
                "@Jess so the thing next Thursday isn't free, you'd have to pay $15 http://t.co/x",
                "@user so the thing next Thursday isn't free,  you'd have to pay $15 "
            ),
            (
                "Rui En’s ex boyfriend was framed for murder probably, by the rich guy.",
                "Rui En\\u2019s ex boyfriend was framed for murder probably\\u002c by the rich guy. "
            ),
            ("Tom & Jerry > everything <3", "Tom &amp;amp; Jerry &gt; everything &lt;3"),
            ("\"Quoted\" and it's fine", "&quot;Quoted&quot; and it&#39;s fine"),
        ])
    func keyMatchesEncodings(original: String, reencoded: String) {
        #expect(CorpusParser.deduplicationKey(original) == CorpusParser.deduplicationKey(reencoded))
        #expect(!CorpusParser.deduplicationKey(original).isEmpty)
    }

    @Test("different tweets keep different keys, in any script")
    func keyKeepsDifferences() {
        #expect(CorpusParser.deduplicationKey("Great game tonight") != CorpusParser.deduplicationKey("Great game today"))
        #expect(CorpusParser.deduplicationKey("Москва сегодня") != CorpusParser.deduplicationKey("Москва завтра"))
        #expect(CorpusParser.deduplicationKey("東京 2 位") == "東京2位")
        // A lone backslash-u that is not an escape stays text.
        #expect(CorpusParser.deduplicationKey("C:\\users\\me") == "cusersme")
    }

    @Test("files with CR LF line ends read line by line, and a line separator inside a tweet stays in its line")
    func crlfFiles() throws {
        let examples = try CorpusParser.tweetEval(text: "so ironic\r\nplain\u{2028}words\r\n", labels: "1\r\n0\r\n")
        #expect(examples.map(\.text) == ["so ironic", "plain\u{2028}words"])
        #expect(examples.map(\.label) == [1, 0])
        let topics = CorpusParser.semEvalTopic("1\tapple\tpositive\tgreat phone\r\n2\tapple\tnegative\tslow\r\n")
        #expect(topics.map(\.label) == [1, 0])
    }

    @Test("a label outside the task's classes is an error naming its line, not an index past the tables")
    func labelsOutOfRange() throws {
        #expect(try CorpusParser.tweetEval(text: "a\nb\n", labels: "0\n1\n", classes: 2).map(\.label) == [0, 1])
        #expect(throws: CorpusParser.Failure.self) { try CorpusParser.tweetEval(text: "a\nb\n", labels: "0\n7\n", classes: 2) }
        #expect(throws: CorpusParser.Failure.self) { try CorpusParser.tweetEval(text: "a\n", labels: "-1\n", classes: 3) }
        do {
            _ = try CorpusParser.tweetEval(text: "a\nb\n", labels: "0\n7\n", classes: 2)
            Issue.record("label 7 of a two-class task was accepted")
        } catch {
            #expect(error.description == "label on line 2 is 7, not one of 0…1")
        }
    }
}
