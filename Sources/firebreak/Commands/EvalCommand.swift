import ArgumentParser
import Foundation
import Firebreak
import FirebreakLanguage
import FirebreakModels

/// `firebreak eval`: scores labelled files with the shipped (or given) models and prints each task's
/// official metric.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print each task's official metric on TweetEval-style text and label files.",
        discussion: """
            Tasks and metrics: sentiment (macro recall), irony (F1 of irony), offensive (macro F1), \
            stance-<target> (TweetEval stance: mean of F1 against and F1 favour, using --target names), \
            polarity (SemEval-2016 4B topic files: macro recall, topic masked). Examples:
              firebreak eval --task irony --text val_text.txt --labels val_labels.txt
              firebreak eval --tweeteval ../shared/data/tweeteval --split val
              firebreak eval --topic-file ../shared/data/semeval2016-task4/devtest2016-2point.txt
            """
    )

    @Option(name: .long, help: "The task of --text/--labels: sentiment, irony, offensive, or stance.")
    var task: String?

    @Option(name: .long, help: "A file with one post a line.")
    var text: String?

    @Option(name: .long, help: "The labels, one a line, aligned with --text.")
    var labels: String?

    @Option(name: .long, help: "Names of the target for --task stance; repeatable.")
    var target: [String] = []

    @Option(name: .long, help: "A TweetEval folder: every task found in it is evaluated.")
    var tweeteval: String?

    @Option(name: .long, help: "The split to read from --tweeteval.")
    var split: String = "val"

    @Option(name: .long, help: "SemEval-2016 task 4B files (id, topic, label, text); repeatable.")
    var topicFile: [String] = []

    @Option(name: .long, help: "Read model files from this folder instead of the shipped ones.")
    var models: String?

    @Option(name: .long, help: "The irony prior of the stance rule (see docs/language.md).")
    var ironyPrior: Double = StanceRule().ironyPrior

    @Flag(name: .long, help: "Also print stance ablations (no masking, no irony step, no neutrality step).")
    var ablations = false

    /// The target names used for the TweetEval stance folders.
    static let stanceTargets: [String: [String]] = [
        "abortion": ["abortion", "legalization of abortion", "pro-choice", "prochoice"],
        "atheism": ["atheism", "atheist", "atheists"],
        "climate": ["climate change", "climate", "global warming"],
        "feminist": ["feminist movement", "feminism", "feminist", "feminists"],
        "hillary": ["hillary clinton", "hillary", "clinton", "hillaryclinton", "hrc"],
    ]

    func run() throws {
        let languageModels = try ShippedModels.loadAll(from: models.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let scorer = PostScorer(models: languageModels)
        var jobs: [(name: String, task: String, examples: [LabelledText], targets: [String])] = []
        if let task, let text, let labels {
            guard let classes = Self.classes[task] else {
                throw ValidationError("unknown task \(task); use one of \(Self.classes.keys.sorted().joined(separator: ", "))")
            }
            jobs.append((task, task, try Self.labelled(text, labels, classes: classes), target))
        } else if task != nil || text != nil || labels != nil {
            throw ValidationError("--task, --text and --labels go together")
        }
        if let tweeteval {
            let root = URL(fileURLWithPath: tweeteval, isDirectory: true)
            // (job name, folder, task, target names): the three tasks, then each stance target's folder.
            let sets: [(String, String, String, [String])] =
                ["sentiment", "irony", "offensive"].map { ($0, $0, $0, []) }
                + Self.stanceTargets.sorted(by: { $0.key < $1.key }).map { ("stance-\($0.key)", "stance/\($0.key)", "stance", $0.value) }
            for (name, path, task, targets) in sets {
                let folder = root.appendingPathComponent(path)
                let text = folder.appendingPathComponent("\(split)_text.txt").path
                guard FileManager.default.fileExists(atPath: text) else { continue }
                let labels = folder.appendingPathComponent("\(split)_labels.txt").path
                jobs.append((name, task, try Self.labelled(text, labels, classes: Self.classes[task]), targets))
            }
        }
        for file in topicFile {
            let content = try Self.read(file)
            let examples = CorpusParser.semEvalTopic(content)
            // Lines that are not id, topic, negative|positive and text are left out (the 5-point files' other labels).
            let lines = content.split(whereSeparator: \.isNewline).count { !$0.allSatisfy(\.isWhitespace) }
            guard !examples.isEmpty else {
                throw CommandFailure("\(file): no line of the form id<TAB>topic<TAB>negative|positive<TAB>text")
            }
            if examples.count < lines {
                let left = lines - examples.count
                FileHandle.standardError.write(Data("\(file): \(left) of \(lines) lines left out (not id, topic, negative|positive, text)\n".utf8))
            }
            jobs.append((URL(fileURLWithPath: file).lastPathComponent, "polarity", examples, []))
        }
        guard !jobs.isEmpty else { throw ValidationError("nothing to evaluate: give --task/--text/--labels, --tweeteval or --topic-file") }
        for job in jobs {
            let line = try evaluate(job.task, job.examples, targets: job.targets, scorer: scorer, rule: StanceRule(ironyPrior: ironyPrior), mask: true)
            print("\(job.name): \(line) (n=\(job.examples.count))")
            if ablations, job.task == "polarity" || job.task == "stance" {
                let variants: [(String, StanceRule, Bool)] = [
                    ("no masking", StanceRule(ironyPrior: ironyPrior), false),
                    ("no irony step", StanceRule(usesIrony: false), true),
                    ("no neutrality step", StanceRule(usesNeutrality: false, ironyPrior: ironyPrior), true),
                    ("stance model alone", StanceRule(usesNeutrality: false, usesIrony: false), true),
                ]
                for (name, rule, mask) in variants {
                    let figure = try evaluate(job.task, job.examples, targets: job.targets, scorer: scorer, rule: rule, mask: mask)
                    print("  \(name): \(figure)")
                }
            }
        }
    }

    private func evaluate(
        _ task: String, _ examples: [LabelledText], targets: [String], scorer: PostScorer, rule: StanceRule, mask: Bool
    ) throws -> String {
        var workspace = PostScorer.Workspace()
        var matchers: [String: TargetMatcher] = [:]
        let fixed = TargetMatcher(names: mask ? targets : [])
        func scores(_ example: LabelledText) -> HeadScores {
            var matcher = fixed
            if let topic = example.topic, mask {
                matcher = matchers[topic] ?? TargetMatcher(names: TopicNames.names(for: topic))
                matchers[topic] = matcher
            }
            return scorer.score(example.text, matcher: matcher, in: &workspace)
        }
        func argmax(_ values: [Double]) -> Int { values.indices.max { values[$0] < values[$1] }! }
        switch task {
        case "sentiment":
            var report = ClassificationReport(labels: Head.sentiment.labels)
            for example in examples { report.add(gold: example.label, predicted: argmax(scores(example).sentiment)) }
            return "macro recall \(percent(report.macroRecall)), accuracy \(percent(report.accuracy))"
        case "irony", "offensive":
            let head = task == "irony" ? Head.irony : .offensive
            var report = ClassificationReport(labels: head.labels)
            for example in examples {
                let s = scores(example)
                report.add(gold: example.label, predicted: (head == .irony ? s.irony : s.offensive) >= 0.5 ? 1 : 0)
            }
            return head == .irony
                ? "F1 (irony) \(percent(report.f1(1))), accuracy \(percent(report.accuracy))"
                : "macro F1 \(percent(report.macroF1)), accuracy \(percent(report.accuracy))"
        case "polarity":
            var report = ClassificationReport(labels: Head.stance.labels)
            for example in examples {
                let combined = rule.combine(scores(example))
                report.add(gold: example.label, predicted: combined.critical > combined.supportive ? 0 : 1)
            }
            return "macro recall \(percent(report.macroRecall)), accuracy \(percent(report.accuracy))"
        case "stance":
            // TweetEval stance labels: 0 none, 1 against, 2 favour.
            var report = ClassificationReport(labels: ["none", "against", "favor"])
            for example in examples {
                let combined = rule.combine(scores(example))
                let predicted =
                    combined.critical >= max(combined.supportive, combined.neutral)
                    ? 1 : combined.supportive >= combined.neutral ? 2 : 0
                report.add(gold: example.label, predicted: predicted)
            }
            return "mean F1 (against, favour) \(percent((report.f1(1) + report.f1(2)) / 2)), accuracy \(percent(report.accuracy))"
        default:
            throw ValidationError("unknown task \(task)")
        }
    }

    /// A TweetEval text and labels pair; a broken pair is an error naming the labels file.
    static func labelled(_ text: String, _ labels: String, classes: Int?) throws -> [LabelledText] {
        let texts = try read(text)
        let values = try read(labels)
        do {
            return try CorpusParser.tweetEval(text: texts, labels: values, classes: classes)
        } catch {
            throw CommandFailure("\(labels): \(error)")
        }
    }

    /// The classes of each task's labels: the heads' own, and TweetEval stance's none, against and favour (three, where
    /// the stance head's topic polarity has two).
    static let classes = Dictionary(uniqueKeysWithValues: [Head.sentiment, .irony, .offensive].map { ($0.rawValue, $0.labels.count) })
        .merging(["stance": 3]) { head, _ in head }

    private static func read(_ path: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f", value * 100) }
}
