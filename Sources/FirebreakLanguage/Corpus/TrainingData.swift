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
        let sentimentFiles = ["train2016-noTopic.txt", "dev2016-noTopic.txt", "devtest2016-noTopic.txt", "test2016-taskA-tweet.txt"]
        var train: [Head: [LabelledText]] = [:]
        var validation: [Head: [LabelledText]] = [:]
        for head in [Head.irony, .offensive] {
            let folder = "tweeteval/\(head.rawValue)"
            train[head] = try CorpusParser.tweetEval(
                text: read("\(folder)/train_text.txt"), labels: read("\(folder)/train_labels.txt"), classes: head.labels.count)
            validation[head] = try CorpusParser.tweetEval(
                text: read("\(folder)/val_text.txt"), labels: read("\(folder)/val_labels.txt"), classes: head.labels.count)
        }
        let sentimentValidation = try CorpusParser.tweetEval(
            text: read("tweeteval/sentiment/val_text.txt"), labels: read("tweeteval/sentiment/val_labels.txt"),
            classes: Head.sentiment.labels.count)
        validation[.sentiment] = sentimentValidation
        train[.stance] =
            CorpusParser.semEvalTopic(try read("semeval2016-task4/training2016-2point.txt"))
            + CorpusParser.semEvalTopic(try read("semeval2016-task4/dev2016-2point.txt"))
        validation[.stance] = CorpusParser.semEvalTopic(try read("semeval2016-task4/devtest2016-2point.txt"))
        let stanceKeys = Set((validation[.stance] ?? []).map { CorpusParser.deduplicationKey($0.text) })
        let held = Set(sentimentValidation.map { CorpusParser.deduplicationKey($0.text) })

        // Each 4A file is read and keyed once: the sentiment head and the stance figure's held-out head draw on them.
        let messages = try sentimentFiles.map { file in
            CorpusParser.semEvalMessage(try read("semeval2016-task4/\(file)")).map { (example: $0, key: CorpusParser.deduplicationKey($0.text)) }
        }
        // Each tweet once, in file order, from every file but `skipped`, leaving out the keys in `excluded`.
        func unique(skipping skipped: String?, excluding excluded: Set<String>) -> [LabelledText] {
            var seen = excluded
            var result: [LabelledText] = []
            for (file, examples) in zip(sentimentFiles, messages) where file != skipped {
                for (example, key) in examples where seen.insert(key).inserted { result.append(example) }
            }
            return result
        }
        // 4A devtest holds the stance validation tweets and others on the same topics; a few of them are in the other
        // files as well.
        let devtest = "devtest2016-noTopic.txt"
        let sentimentSkipped = holdOutTopicValidation ? devtest : nil
        train[.sentiment] = unique(skipping: sentimentSkipped, excluding: holdOutTopicValidation ? held.union(stanceKeys) : held)
        var dropped = 0
        for (file, examples) in zip(sentimentFiles, messages) where file != sentimentSkipped {
            dropped += examples.count { held.contains($0.key) }
        }
        let sentimentForStance = unique(skipping: devtest, excluding: stanceKeys)
        let lexicon = Lexicon.vader(
            lexiconText: try read("lexicons/vader_lexicon.txt"), emojiText: try? read("lexicons/emoji_utf8_lexicon.txt"))
        return TrainingData(
            train: train, validation: validation, lexicon: lexicon, droppedOverlap: dropped,
            sentimentForStanceValidation: sentimentForStance)
    }
}
