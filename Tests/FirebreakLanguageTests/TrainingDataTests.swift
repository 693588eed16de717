import Testing

@testable import FirebreakLanguage

@Suite("Training data")
struct TrainingDataTests {
    /// A data folder in memory: the README's layout with a few tweets per file.
    static let files: [String: String] = [
        "tweeteval/irony/train_text.txt": "so ironic\nplain words\n",
        "tweeteval/irony/train_labels.txt": "1\n0\n",
        "tweeteval/irony/val_text.txt": "more irony\n",
        "tweeteval/irony/val_labels.txt": "1\n",
        "tweeteval/offensive/train_text.txt": "rude words\n",
        "tweeteval/offensive/train_labels.txt": "1\n",
        "tweeteval/offensive/val_text.txt": "kind words\n",
        "tweeteval/offensive/val_labels.txt": "0\n",
        // TweetEval re-encodes a SemEval tweet: the sentiment heads must not train on it.
        "tweeteval/sentiment/val_text.txt": "@user Tom &amp; Jerry tonight \n",
        "tweeteval/sentiment/val_labels.txt": "2\n",
        "semeval2016-task4/train2016-noTopic.txt": "1\tpositive\tTom & Jerry tonight\n2\tnegative\tRain again today\n",
        "semeval2016-task4/dev2016-noTopic.txt": "3\tneutral\tThe bus comes at nine\n",
        // 4A devtest holds the stance validation tweets (message-level labels) and others on the same topics.
        "semeval2016-task4/devtest2016-noTopic.txt":
            "10\tpositive\tLoving the new Dunkin coffee\n11\tnegative\tdunkin donuts were stale again\n",
        "semeval2016-task4/test2016-taskA-tweet.txt":
            "20\tpositive\t\"Best concert of the year\"\t\n21\tnegative\tRain again today\n22\tnegative\tloving the NEW dunkin coffee!!\n",
        "semeval2016-task4/training2016-2point.txt": "30\tapple\tpositive\tMy apple phone is great\n",
        "semeval2016-task4/dev2016-2point.txt": "31\tkanye\tnegative\tkanye was awful tonight\n",
        "semeval2016-task4/devtest2016-2point.txt": "10\tdunkin\tpositive\tLoving the new Dunkin coffee\n",
        "lexicons/vader_lexicon.txt": "great\t3.1\t0.9\t[3, 3]\nawful\t-3.0\t0.8\t[-3, -3]\n",
    ]

    static func load(holdOutTopicValidation: Bool = false) throws -> TrainingData {
        try TrainingData.load(holdOutTopicValidation: holdOutTopicValidation) { path in
            guard let content = files[path] else { throw MissingFile(path: path) }
            return content
        }
    }

    struct MissingFile: Error { var path: String }

    @Test("the sentiment head trains on every 4A file but the tweets of its val set, each tweet once")
    func sentimentTraining() throws {
        let data = try Self.load()
        let texts = (data.train[.sentiment] ?? []).map(\.text)
        #expect(!texts.contains("Tom & Jerry tonight"))
        #expect(data.droppedOverlap == 1)
        #expect(texts.filter { $0 == "Rain again today" }.count == 1)
        #expect(texts.contains("Loving the new Dunkin coffee"))
        #expect(texts.contains("Best concert of the year"))
    }

    @Test("the sentiment head behind the stance figure has seen neither the stance validation tweets nor 4A devtest")
    func sentimentForStanceValidation() throws {
        let data = try Self.load()
        let texts = data.sentimentForStanceValidation.map(\.text)
        // The validation tweet comes back in 4A test with other capitals and punctuation: the key still matches it.
        #expect(!texts.contains { CorpusParser.deduplicationKey($0) == CorpusParser.deduplicationKey("Loving the new Dunkin coffee") })
        #expect(!texts.contains("dunkin donuts were stale again"))
        #expect(texts.sorted() == ["Best concert of the year", "Rain again today", "The bus comes at nine", "Tom & Jerry tonight"])
    }

    @Test("held out, the sentiment head sees neither the 4A devtest file nor a copy of a stance validation tweet")
    func heldOutSentiment() throws {
        let held = try Self.load(holdOutTopicValidation: true)
        let texts = (held.train[.sentiment] ?? []).map(\.text)
        #expect(texts.sorted() == ["Best concert of the year", "Rain again today", "The bus comes at nine"])
        // Nothing else changes.
        let shipped = try Self.load()
        #expect(held.validation[.sentiment] == shipped.validation[.sentiment])
        #expect(held.train[.stance] == shipped.train[.stance])
        #expect(held.sentimentForStanceValidation == shipped.sentimentForStanceValidation)
    }

    @Test("stance trains on 4B training and dev and validates on devtest, with topics kept for masking")
    func stanceSplits() throws {
        let data = try Self.load()
        #expect((data.train[.stance] ?? []).map(\.topic) == ["apple", "kanye"])
        #expect((data.validation[.stance] ?? []).map(\.label) == [1])
    }
}
