import ArgumentParser
import Foundation
import Firebreak
import FirebreakFormats
import FirebreakLanguage
import FirebreakModels

/// `firebreak classify`: one JSON object a line per post with stance, sentiment, irony and offence.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Assess each post: stance toward the target, sentiment, irony and offence, as JSON lines.",
        discussion: """
            Output, one line per post in input order: {"id": "...", "stance": "supportive|neutral|critical", \
            "p_critical": x, "p_supportive": x, "sentiment": "negative|neutral|positive", "p_sentiment": \
            {"negative": x, "neutral": y, "positive": z}, "irony": x, "offensive": x}. With --format text each \
            line is a post and its id is the line number, starting at 1.
            """
    )

    @Argument(help: "Input files (plain or .gz); - for standard input.")
    var files: [String] = ["-"]

    @Option(name: .long, help: "A name of the target (the owner, its aliases, hashtags, handles); repeatable.")
    var target: [String] = []

    @Option(name: .long, help: "auto, x-v1, x-v2, twarc2, mastodon, bluesky, csv or text.")
    var format: String = "auto"

    @Flag(name: .long, help: "Add the features that pushed each decision (\"reasons\").")
    var explain = false

    @Option(name: .long, help: "Read model files from this folder instead of the shipped ones.")
    var models: String?

    func validate() throws {
        guard InputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format \(format); use one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let languageModels = try ShippedModels.loadAll(from: models.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let assessor = ModelAssessor(models: languageModels, reasonCount: explain ? 5 : 0)
        let matcher = TargetMatcher(names: target)
        var workspace = PostScorer.Workspace()
        var output = LineOutput()
        let inputFormat = InputFormat(rawValue: format) ?? .auto

        func emit(id: String, text: String) {
            let scores = assessor.scorer.score(text, matcher: matcher, in: &workspace)
            let assessment = assessor.assessment(from: scores, text: text, matcher: matcher)
            output.write(ClassificationLine.json(id: id, assessment: assessment, withReasons: explain))
        }

        var readAnything = false
        for file in files {
            do {
                if inputFormat == .text {
                    let input = try ByteInput(path: file)
                    var reader = LineReader(input: input)
                    while let line = try reader.next() {
                        switch line {
                        case .text(let number, let text): emit(id: String(number), text: text)
                        case .tooLong(let number):
                            FileHandle.standardError.write(Data("\(file): line \(number) rejected: longer than 1 MB\n".utf8))
                        }
                    }
                } else {
                    let reader = try ArchiveReader(path: file, format: inputFormat)
                    while let batch = try reader.nextBatch() {
                        for record in batch {
                            switch reader.decoder.decode(record) {
                            case .posts(let posts):
                                for post in posts { emit(id: post.nativeID, text: post.text) }
                            case .rejected(let rejection):
                                FileHandle.standardError.write(Data("\(file): record \(record.number) rejected: \(rejection.reason)\n".utf8))
                            }
                        }
                    }
                }
                readAnything = true
            } catch {
                FileHandle.standardError.write(Data("firebreak classify: \(error)\n".utf8))
            }
            output.flush()
        }
        output.flush()
        if !readAnything { throw ExitCode.failure }
    }
}
