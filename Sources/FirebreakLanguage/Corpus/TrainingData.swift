/// The labelled data the heads are trained and validated on, parsed from the shared data folder
/// (see the folder's README). Files are read through a closure so this module does no I/O of its own.
public struct TrainingData: Sendable {
    /// Training and validation examples for each head.
    public var train: [Head: [LabelledText]]
    /// Validation examples for each head.
    public var validation: [Head: [LabelledText]]
    /// The VADER word and emoji valences.
    public var lexicon: Lexicon
    /// Sentiment training tweets dropped because they also occur in the sentiment `val` set.
    public var droppedOverlap: Int
    /// SemEval-2016 4A train, dev and test tweets that are not in the stance validation set: a sentiment model
    /// trained on these measures the stance rule's sentiment step without seeing the validation tweets or their
    /// topics (the shipped sentiment head has seen them, through the 4A devtest file).
    public var sentimentForStanceValidation: [LabelledText]

    /// Reads the corpora through `read`, which maps a path relative to the data folder to its contents.
    ///
    /// - sentiment: SemEval-2016 4A train, dev, devtest and test files, minus tweets that are in TweetEval
    ///   sentiment `val`; validated on TweetEval sentiment `val`.
    /// - irony, offensive: TweetEval `train`; validated on `val`.
    /// - stance: SemEval-2016 4B training and dev (topics masked); validated on devtest, whose topics
    ///   appear in neither.
    ///
    /// With `holdOutTopicValidation` the sentiment head leaves out the 4A devtest file too (the 4B devtest tweets
    /// and others on their 20 topics), so no head has seen them: for scoring anything built from them, such as
    /// the real-tweet campaign streams of docs/detection.md.
    public static func load(holdOutTopicValidation: Bool = false, read: (String) throws -> String) throws -> TrainingData {
        var train: [Head: [LabelledText]] = [:]
        var validation: [Head: [LabelledText]] = [:]
        for head in [Head.irony, .offensive] {
            let folder = "tweeteval/\(head.rawValue)"
            train[head] = try CorpusParser.tweetEval(
                text: read("\(folder)/train_text.txt"), labels: read("\(folder)/train_labels.txt"))
            validation[head] = try CorpusParser.tweetEval(
                text: read("\(folder)/val_text.txt"), labels: read("\(folder)/val_labels.txt"))
        }
        let sentimentValidation = try CorpusParser.tweetEval(
            text: read("tweeteval/sentiment/val_text.txt"), labels: read("tweeteval/sentiment/val_labels.txt"))
        validation[.sentiment] = sentimentValidation
        let held = Set(sentimentValidation.map { CorpusParser.deduplicationKey($0.text) })
        var seen = Set<String>()
        var sentiment: [LabelledText] = []
        var dropped = 0
        let sentimentFiles = ["train2016-noTopic.txt", "dev2016-noTopic.txt", "devtest2016-noTopic.txt", "test2016-taskA-tweet.txt"]
        for file in sentimentFiles where !(holdOutTopicValidation && file == "devtest2016-noTopic.txt") {
            for example in CorpusParser.semEvalMessage(try read("semeval2016-task4/\(file)")) {
                let key = CorpusParser.deduplicationKey(example.text)
                if held.contains(key) {
                    dropped += 1
                    continue
                }
                if seen.insert(key).inserted { sentiment.append(example) }
            }
        }
        train[.sentiment] = sentiment
        train[.stance] =
            CorpusParser.semEvalTopic(try read("semeval2016-task4/training2016-2point.txt"))
            + CorpusParser.semEvalTopic(try read("semeval2016-task4/dev2016-2point.txt"))
        validation[.stance] = CorpusParser.semEvalTopic(try read("semeval2016-task4/devtest2016-2point.txt"))
        let stanceKeys = Set((validation[.stance] ?? []).map { CorpusParser.deduplicationKey($0.text) })
        if holdOutTopicValidation {
            // A few of them are in the other 4A files as well.
            train[.sentiment] = sentiment.filter { !stanceKeys.contains(CorpusParser.deduplicationKey($0.text)) }
        }
        // Every sentiment file but 4A devtest, whose tweets are the stance validation tweets and others on the same topics.
        var sentimentForStance: [LabelledText] = []
        var seenForStance = stanceKeys
        for file in ["train2016-noTopic.txt", "dev2016-noTopic.txt", "test2016-taskA-tweet.txt"] {
            for example in CorpusParser.semEvalMessage(try read("semeval2016-task4/\(file)"))
            where seenForStance.insert(CorpusParser.deduplicationKey(example.text)).inserted {
                sentimentForStance.append(example)
            }
        }
        let lexicon = Lexicon.vader(
            lexiconText: try read("lexicons/vader_lexicon.txt"), emojiText: try? read("lexicons/emoji_utf8_lexicon.txt"))
        return TrainingData(
            train: train, validation: validation, lexicon: lexicon, droppedOverlap: dropped,
            sentimentForStanceValidation: sentimentForStance)
    }
}
