import ArgumentParser
import FirebreakLanguage
import Foundation

/// `firebreak train`: rebuilds the shipped language models from the shared data and prints validation figures.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the sentiment, irony, offensive and stance models and print validation figures.",
        discussion: """
            Reads the labelled data folder (see its README.md), trains each head deterministically from the \
            seed, prints the official metric on the validation split, and writes the model files.
            """
    )

    @Option(name: .long, help: "The shared data folder.")
    var data: String = "../shared/data"

    @Option(name: .long, help: "Where to write the model files.")
    var output: String = "Sources/FirebreakModels/Resources"

    @Option(name: .long, help: "Train only these heads (sentiment, irony, offensive, stance); repeatable.")
    var head: [String] = []

    @Flag(name: .long, help: "Print figures without writing model files.")
    var dryRun = false

    @Option(name: .long, help: "Passes over the data (default: the head's shipped setting).")
    var epochs: Int?

    @Option(name: .long, help: "AdaGrad step size.")
    var learningRate: Float?

    @Option(name: .long, help: "L2 penalty.")
    var l2: Float?

    @Option(name: .long, help: "Random seed for the example order.")
    var seed: UInt64?

    @Option(name: .long, help: "log2 of the number of hash buckets.")
    var hashBits: Int?

    @Option(name: .long, help: "Character n-gram range, e.g. 2-5, or 0 to turn them off.")
    var chars: String?

    @Option(name: .long, help: "Scale of the lexicon summary features against the unit-norm word and character groups.")
    var denseScale: Float?

    @Flag(name: .long, help: "Leave out word bigrams.")
    var noBigrams = false

    @Flag(name: .long, help: "Leave out the summary features (capitals, negation, ! or ?, and any word valences).")
    var noLexicon = false

    @Flag(
        name: .long, inversion: .prefixedNo,
        help:
            "Give every head VADER's word and emoji valences (the lexicon features' positive, negative, compound, contrast and emoji scores), or none (default: the sentiment head only, as shipped; see docs/language.md)."
    )
    var wordValences: Bool?

    @Flag(name: .long, help: "Do not weight classes by inverse frequency.")
    var unbalanced = false

    @Option(
        name: .long,
        help:
            "Folds of the cross-validation on the training data that picks per-class bias offsets (0 turns it off; default: the head's shipped setting)."
    )
    var biasFolds: Int?

    @Option(
        name: .long,
        help:
            "Smoothing of Naive-Bayes log-count-ratio feature scaling, folded into the weights (0 turns it off; default: the head's shipped setting)."
    )
    var naiveBayes: Float?

    @Option(
        name: .long,
        help: "Average the weights over the steps from this epoch on (1-based; 0 keeps the last step's; default: the head's shipped setting)."
    )
    var averageFrom: Int?

    @Flag(
        name: .long,
        help:
            "Leave the SemEval-2016 4A devtest file out of the sentiment head, so no head has seen the 4B devtest tweets or their topics (for scoring streams built from them; not for the shipped models)."
    )
    var holdOutTopicValidation = false

    /// Refuses settings the trainer or the model file cannot take, before any data is read.
    func validate() throws {
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, not \(epochs)") }
        if let learningRate, !(learningRate.isFinite && learningRate > 0) {
            throw ValidationError("--learning-rate must be a positive number, not \(learningRate)")
        }
        if let l2, !(l2.isFinite && l2 >= 0) { throw ValidationError("--l2 must be zero or a positive number, not \(l2)") }
        let bits = FeatureConfiguration.hashBitsRange
        if let hashBits, !bits.contains(hashBits) {
            throw ValidationError("--hash-bits must be \(bits.lowerBound)…\(bits.upperBound) (a model file's range), not \(hashBits)")
        }
        if let chars, characterRange(chars) == nil {
            throw ValidationError(
                "--chars must be 0 (off) or a range such as 2-5 within 1…\(FeatureConfiguration.longestCharacterGram), not \(chars)")
        }
        if let denseScale, !(denseScale.isFinite && denseScale >= 0) {
            throw ValidationError("--dense-scale must be zero or a positive number, not \(denseScale)")
        }
        if let biasFolds, biasFolds != 0 && biasFolds < 2 { throw ValidationError("--bias-folds must be 0 (off) or at least 2, not \(biasFolds)") }
        if let naiveBayes, !(naiveBayes.isFinite && naiveBayes >= 0) {
            throw ValidationError("--naive-bayes must be 0 (off) or a positive smoothing, not \(naiveBayes)")
        }
        if let averageFrom, averageFrom < 0 { throw ValidationError("--average-from must be 0 (off) or an epoch, not \(averageFrom)") }
    }

    /// The character n-gram bounds `--chars` names: 0 for none, or `a-b` (or a single `n`) within 1 and the longest a
    /// model file may use.
    private func characterRange(_ text: String) -> (min: Int, max: Int)? {
        if text == "0" { return (0, 0) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...2).contains(parts.count), let low = parts.first ?? nil, let high = parts.last ?? nil,
            1 <= low, low <= high, high <= FeatureConfiguration.longestCharacterGram
        else { return nil }
        return (low, high)
    }

    func run() throws {
        let root = URL(fileURLWithPath: data, isDirectory: true)
        if !dryRun {
            // Made (or refused) before training, so a typo costs no training run and gets a plain message.
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw ValidationError("cannot write model files to \(output): \(error.localizedDescription)")
            }
        }
        let trainingData: TrainingData
        do {
            trainingData = try TrainingData.load(holdOutTopicValidation: holdOutTopicValidation) { path in
                let file = root.appendingPathComponent(path)
                do {
                    return try String(contentsOf: file, encoding: .utf8)
                } catch {
                    let why = FileManager.default.fileExists(atPath: file.path) ? "not readable as UTF-8 text" : "no such file"
                    throw CommandFailure(
                        "cannot read \(file.path): \(why) (--data must be the shared data folder, with tweeteval/ and semeval2016-task4/ as its README describes)"
                    )
                }
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("cannot read the training data in \(data): \(error)")
        }
        let heads =
            try head.isEmpty
            ? Head.allCases
            : head.map { name in
                guard let value = Head(rawValue: name) else { throw ValidationError("unknown head \(name)") }
                return value
            }
        print("data: \(root.path) (\(trainingData.droppedOverlap) sentiment training tweets dropped: also in val)")
        var trained: [Head: LinearModel] = [:]
        for head in heads {
            var configuration = head.defaultConfiguration
            if let hashBits { configuration.hashBits = hashBits }
            if noBigrams { configuration.wordBigrams = false }
            if noLexicon { configuration.lexiconFeatures = false }
            if let denseScale { configuration.denseScale = denseScale }
            if let chars {
                let bounds = characterRange(chars) ?? (0, 0)  // validated
                configuration.charMin = bounds.min
                configuration.charMax = bounds.max
            }
            var options = head.defaultOptions
            if let epochs { options.epochs = epochs }
            if let learningRate { options.learningRate = learningRate }
            if let l2 { options.l2 = l2 }
            if let seed { options.seed = seed }
            if unbalanced { options.balanceClasses = false }
            if let biasFolds { options.biasFolds = biasFolds }
            if let naiveBayes { options.naiveBayesSmoothing = naiveBayes }
            if let averageFrom { options.averageFrom = averageFrom }
            guard (0...options.epochs).contains(options.averageFrom) else {
                throw ValidationError(
                    "--average-from \(options.averageFrom) is not an epoch of \(head.rawValue)'s 1…\(options.epochs) (0 turns averaging off)")
            }
            let train = trainingData.train[head] ?? []
            let validation = trainingData.validation[head] ?? []
            let started = Date()
            let outcome = HeadTrainer(head: head, configuration: configuration, options: options)
                .run(train: train, validation: validation, lexicon: lexicon(for: head, data: trainingData))
            let seconds = Date().timeIntervalSince(started)
            let perClass = head.labels.indices.map {
                "\(head.labels[$0]) P \(percent(outcome.report.precision($0))) R \(percent(outcome.report.recall($0))) F1 \(percent(outcome.report.f1($0)))"
            }.joined(separator: "; ")
            print(
                "\(head.rawValue): \(head.metricName) \(percent(outcome.metric)) on val (\(validation.count)), "
                    + "trained on \(train.count) in \(String(format: "%.1f", seconds)) s [\(options.summary)]")
            print("  \(perClass); accuracy \(percent(outcome.report.accuracy))")
            if let calibration = outcome.calibration {
                let offsets = calibration.offsets.map { String(format: "%+.2f", $0) }.joined(separator: " ")
                print(
                    "  bias offsets \(offsets) from \(options.biasFolds)-fold cross-validation on train (\(head.metricName) \(percent(calibration.before)) -> \(percent(calibration.after)) out of fold)"
                )
            }
            trained[head] = outcome.model
            if head == .stance {
                let irony =
                    try trained[.irony]
                    ?? ModelFile.decode(
                        [UInt8](
                            Data(
                                contentsOf:
                                    URL(fileURLWithPath: output, isDirectory: true).appendingPathComponent(Head.irony.fileName))))
                print("  stance rule on val (macro recall, negative vs positive toward unseen topics):")
                let rows = StanceAblation.run(
                    data: trainingData, stance: outcome.model, irony: irony, options: options,
                    sentimentLexicon: lexicon(for: .sentiment, data: trainingData))
                for row in rows {
                    print("    \(row.variant): \(percent(row.macroRecall))")
                }
            }
            if !dryRun {
                let bytes = ModelFile.encode(outcome.model)
                let url = URL(fileURLWithPath: output, isDirectory: true).appendingPathComponent(head.fileName)
                try Data(bytes).write(to: url, options: .atomic)
                print("  wrote \(url.path) (\(bytes.count / 1024) KiB)")
            }
        }
    }

    /// The word valences `head` is trained with: the flag's choice, or the head's shipped setting.
    private func lexicon(for head: Head, data: TrainingData) -> Lexicon {
        (wordValences ?? head.usesWordValences) ? data.lexicon : Lexicon()
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f", value * 100) }
}
