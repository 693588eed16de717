import FirebreakLanguage
import Foundation
import Testing

@Suite("firebreak train")
struct TrainCommandTests {
    /// A data folder in the shared layout with a few tweets per file.
    static let files: [String: String] = [
        "tweeteval/irony/train_text.txt": "so ironic, love mondays\nplain words about lunch\nwhat a great start, rain again\nthe bus came on time\n",
        "tweeteval/irony/train_labels.txt": "1\n0\n1\n0\n",
        "tweeteval/irony/val_text.txt": "love waiting in line\nlunch was fine\n",
        "tweeteval/irony/val_labels.txt": "1\n0\n",
        "tweeteval/offensive/train_text.txt": "rude words\nkind words\n",
        "tweeteval/offensive/train_labels.txt": "1\n0\n",
        "tweeteval/offensive/val_text.txt": "kind words\n",
        "tweeteval/offensive/val_labels.txt": "0\n",
        "tweeteval/sentiment/val_text.txt": "Great concert tonight\n",
        "tweeteval/sentiment/val_labels.txt": "2\n",
        "semeval2016-task4/train2016-noTopic.txt": "1\tpositive\tGreat game tonight\n2\tnegative\tRain again today\n",
        "semeval2016-task4/dev2016-noTopic.txt": "3\tneutral\tThe bus comes at nine\n",
        "semeval2016-task4/devtest2016-noTopic.txt": "10\tpositive\tLoving the new Dunkin coffee\n",
        "semeval2016-task4/test2016-taskA-tweet.txt": "20\tnegative\tawful service\n",
        "semeval2016-task4/training2016-2point.txt": "30\tapple\tpositive\tMy apple phone is great\n",
        "semeval2016-task4/dev2016-2point.txt": "31\tkanye\tnegative\tkanye was awful tonight\n",
        "semeval2016-task4/devtest2016-2point.txt": "10\tdunkin\tpositive\tLoving the new Dunkin coffee\n",
        "lexicons/vader_lexicon.txt": "great\t3.1\t0.9\t[3, 3]\r\nawful\t-3.0\t0.8\t[-3, -3]\r\n",
    ]

    static func dataFolder() throws -> URL {
        let root = try CLIRunner.temporaryDirectory()
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return root
    }

    /// The output folder is made when missing, and one that cannot be made is refused before any training.
    @Test func makesTheOutputFolderAndRefusesOneItCannotMake() throws {
        let data = try Self.dataFolder()
        let output = data.appendingPathComponent("models/new")
        let trained = try CLIRunner.run(["train", "--data", data.path, "--head", "irony", "--output", output.path])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("irony.fbm").path))
        #expect(trained.stdout.contains("irony: F1 (irony)"))

        let blocker = data.appendingPathComponent("a-file")
        try Data("not a folder".utf8).write(to: blocker)
        let refused = try CLIRunner.run(["train", "--data", data.path, "--head", "irony", "--output", blocker.appendingPathComponent("sub").path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("cannot write model files to"))
        #expect(!refused.stdout.contains("irony: F1"))
    }

    /// A data folder that is not the shared layout, or a label file with a label outside its task, is named plainly.
    @Test func namesTheFileAMissingOrBrokenDataFolderLacks() throws {
        let empty = try CLIRunner.temporaryDirectory()
        let missing = try CLIRunner.run(["train", "--data", empty.path, "--dry-run"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot read \(empty.path)/tweeteval/irony/train_text.txt: no such file"), "\(missing.stderr)")
        #expect(missing.stderr.contains("--data must be the shared data folder"))

        let data = try Self.dataFolder()
        try Data("1\n0\n5\n0\n".utf8).write(to: data.appendingPathComponent("tweeteval/irony/train_labels.txt"))
        let badLabel = try CLIRunner.run(["train", "--data", data.path, "--dry-run", "--head", "irony"])
        #expect(badLabel.status != 0)
        #expect(badLabel.stderr.contains("label on line 3 is 5, not one of 0…1"), "\(badLabel.stderr)")
    }

    /// The sentiment and irony models `train` writes from `data` with `flags`, by head name.
    static func trainedModels(from data: URL, _ flags: [String]) throws -> [String: LinearModel] {
        let output = try CLIRunner.temporaryDirectory()
        let trained = try CLIRunner.run(
            ["train", "--data", data.path, "--head", "sentiment", "--head", "irony", "--output", output.path] + flags)
        #expect(trained.status == 0, "\(trained.stderr)")
        var models: [String: LinearModel] = [:]
        for head in [Head.sentiment, .irony] {
            let bytes = try Data(contentsOf: output.appendingPathComponent(head.fileName))
            models[head.rawValue] = try ModelFile.decode([UInt8](bytes))
        }
        return models
    }

    /// Word valences go to the sentiment head by default (as shipped); `--word-valences` gives them to every head and
    /// `--no-word-valences` to none.
    @Test func givesWordValencesToTheSentimentHeadUnlessToldOtherwise() throws {
        let data = try Self.dataFolder()
        func valences(_ flags: [String]) throws -> [String: Int] { try Self.trainedModels(from: data, flags).mapValues(\.lexicon.count) }
        // The data folder's lexicon holds "great" and "awful".
        #expect(try valences([]) == ["sentiment": 2, "irony": 0])
        #expect(try valences(["--word-valences"]) == ["sentiment": 2, "irony": 2])
        #expect(try valences(["--no-word-valences"]) == ["sentiment": 0, "irony": 0])
    }

    /// The sentiment head averages its weights over the steps by default (as shipped) and irony does not;
    /// `--average-from` sets it for every head trained, and the model file's options say which.
    @Test func averagesTheWeightsAsShippedUnlessToldOtherwise() throws {
        let data = try Self.dataFolder()
        func options(_ flags: [String]) throws -> [String: String] {
            try Self.trainedModels(from: data, flags).mapValues { $0.metadata["options"] ?? "" }
        }
        let shipped = try options([])
        #expect(shipped["sentiment"]?.hasSuffix("averageFrom=1") == true, "\(shipped)")
        #expect(shipped["irony"]?.contains("averageFrom") == false, "\(shipped)")
        let fromTwo = try options(["--average-from", "2"])
        #expect(fromTwo.values.allSatisfy { $0.hasSuffix("averageFrom=2") }, "\(fromTwo)")
        let off = try options(["--average-from", "0"])
        #expect(off.values.allSatisfy { !$0.contains("averageFrom") }, "\(off)")
        // An epoch past the last would quietly average nothing.
        let past = try CLIRunner.run(["train", "--data", data.path, "--dry-run", "--head", "irony", "--average-from", "11"])
        #expect(past.status != 0)
        #expect(past.stderr.contains("--average-from 11 is not an epoch of irony's 1…10"), "\(past.stderr)")
    }

    /// Settings the trainer or the model file cannot take are refused by name, before any data is read; some used to
    /// crash the command (a negative epoch count, 40 hash bits, a character range running backwards).
    @Test(arguments: [
        ("--epochs=-1", "--epochs must be at least 1"), ("--epochs=0", "--epochs must be at least 1"),
        ("--learning-rate=0", "--learning-rate must be a positive number"), ("--learning-rate=nan", "--learning-rate must be"),
        ("--l2=-1", "--l2 must be zero or a positive number"), ("--hash-bits=40", "--hash-bits must be 8…24"),
        ("--hash-bits=-3", "--hash-bits must be 8…24"), ("--chars=5-2", "--chars must be 0 (off) or a range"),
        ("--chars=abc", "--chars must be"), ("--chars=0-3", "--chars must be"), ("--dense-scale=inf", "--dense-scale must be"),
        ("--bias-folds=1", "--bias-folds must be 0 (off) or at least 2"), ("--naive-bayes=-1", "--naive-bayes must be"),
        ("--average-from=-1", "--average-from must be 0 (off) or an epoch"),
    ])
    func refusesSettingsItCannotTrainWith(flag: String, message: String) throws {
        let empty = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run(["train", "--data", empty.path, "--dry-run", flag])
        #expect(result.status == 64, "\(flag): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(flag): \(result.stderr)")
    }

    /// The character range forms that are taken.
    @Test func takesTheCharacterRangesItDocuments() throws {
        let data = try Self.dataFolder()
        for chars in ["0", "3", "2-5", "1-16"] {
            let result = try CLIRunner.run(["train", "--data", data.path, "--dry-run", "--head", "irony", "--chars", chars])
            #expect(result.status == 0, "\(chars): \(result.stderr)")
        }
    }
}
