import ArgumentParser
import Firebreak
import FirebreakDrill
import FirebreakFormats
import Foundation

/// `firebreak eval-detect`: scores Firebreak's hijack alert against the volume rule and the mean-sentiment
/// rule on drill scenarios (generated in memory) and on archives with truth files.
struct EvalDetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-detect",
        abstract: "Compare Firebreak's hijack alert with the volume and mean-sentiment rules on streams with known onsets.",
        discussion: """
            Each SCENARIO (a library name or a .yml file; all of the library when none and no --stream) is generated \
            in memory. Each --stream is an archive scored against the --truth file given in the same position \
            (the JSON `firebreak drill --truth` writes: its `onset`, null for a benign stream). Posts are assessed \
            with the shipped models (or the lexicon) and run through the monitor; its `hijack` alerts are scored. \
            The volume rule alerts when the last 60 minutes hold at least 3x the hourly mean of the previous 12 \
            hours (as much of them as the stream has, at least one hour) and at least 50 posts; the mean-sentiment \
            rule alerts when the mean lexicon sentiment of the last 15 minutes is below -0.05 (20 posts or more).
            """
    )

    @Argument(help: "Library scenarios (\(ScenarioLibrary.names.joined(separator: ", "))) or scenario files (.yml).")
    var scenarios: [String] = []

    @Option(name: .customLong("stream"), help: "An archive to score (repeatable; pair each with --truth).")
    var streams: [String] = []

    @Option(name: .customLong("truth"), help: "The ground truth of the --stream in the same position (JSON).")
    var truths: [String] = []

    @Option(help: "Campaign file for the --stream archives (default: their most frequent hashtag).")
    var campaign: String?

    @Option(help: "How the monitor's posts are assessed: models (the shipped models) or lexicon.")
    var assessor: AssessorKind = .models

    @Option(help: "Write the tables as Markdown here (- for standard output).")
    var markdown: String?

    @Option(help: "Random seed for generated scenarios (default: each scenario's own).")
    var seed: UInt64?

    @Option(help: "Volume multiplier for generated scenarios.")
    var scale: Double = 1

    enum AssessorKind: String, ExpressibleByArgument, CaseIterable {
        case models, lexicon
    }

    func validate() throws {
        guard streams.count == truths.count else {
            throw ValidationError("give one --truth per --stream (got \(streams.count) streams, \(truths.count) truth files)")
        }
        guard scale > 0, scale.isFinite else { throw ValidationError("--scale must be a positive number") }
    }

    func run() async throws {
        let harness = DetectionHarness(assessor: AssessorChoice.make(lexicon: assessor == .lexicon), parallelism: UsableProcessors.count)
        var evaluations: [StreamEvaluation] = []
        let names = scenarios.isEmpty && streams.isEmpty ? ScenarioLibrary.names : scenarios
        for name in names {
            let scenario: Scenario
            do {
                scenario = try ScenarioLibrary.resolve(name)
            } catch let error as ScenarioFileError {
                throw CommandFailure(error.description)
            }
            let stream = EvaluationStream(scenario: scenario, seed: seed, scale: scale)
            Output.warn("eval-detect: \(scenario.name): \(stream.posts.count) posts")
            evaluations.append(try await harness.evaluate(stream))
        }
        for (path, truthPath) in zip(streams, truths) {
            let stream = try await Self.readStream(path, truth: truthPath, campaignPath: campaign)
            Output.warn("eval-detect: \(stream.name): \(stream.posts.count) posts")
            evaluations.append(try await harness.evaluate(stream))
        }
        let table = DetectionTable(evaluations: evaluations)
        print(table.text(), terminator: "")
        if let markdown { try Output.write(Data(table.markdown().utf8), to: markdown) }
    }

    /// An archive's posts with the onset from its truth file.
    static func readStream(_ path: String, truth truthPath: String, campaignPath: String?) async throws -> EvaluationStream {
        let truth: StreamTruth
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            decoder.dateDecodingStrategy = .iso8601
            truth = try decoder.decode(StreamTruth.self, from: Data(contentsOf: URL(fileURLWithPath: truthPath)))
        } catch {
            throw CommandFailure("cannot read the truth file \(truthPath): \(error)")
        }
        var batches: [ArchiveBatch] = []
        var posts: [Post] = []
        for try await batch in ArchiveSource(paths: [path]) {
            for error in batch.inputErrors { throw CommandFailure("\(error.file): \(error.reason)") }
            batches.append(batch)
            for case .posts(let decoded) in batch.decode() { posts += decoded }
        }
        guard !posts.isEmpty else { throw CommandFailure("no post could be read from \(path)") }
        // An onset outside the stream (a truth file paired with the wrong archive, a date typed wrong) would score
        // every detector against a change that never happened in it.
        if let onset = truth.onset, let first = posts.lazy.map(\.createdAt).min(), let last = posts.lazy.map(\.createdAt).max(),
            onset < first.addingTimeInterval(-3600) || onset > last
        {
            let (at, from, to) = (Timestamp.format(onset), Timestamp.format(first), Timestamp.format(last))
            throw CommandFailure("the onset in \(truthPath), \(at), is outside the posts of \(path) (\(from) to \(to))")
        }
        var campaign: Campaign
        if let campaignPath {
            campaign = try CampaignFile.load(path: campaignPath)
        } else {
            let name = truth.campaign ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let tag = AnalyzeCommand.mostFrequentHashtag(in: batches) ?? "#\(name)"
            campaign = Campaign(name: name, hashtags: [tag])
        }
        if campaign.launchedAt == nil, let launchedAt = truth.launchedAt { campaign.launchedAt = launchedAt }
        return EvaluationStream(name: (path as NSString).lastPathComponent, campaign: campaign, posts: posts, onset: truth.onset)
    }
}

/// What `eval-detect` reads from a truth file: the `onset` (required, null for a benign stream), and the campaign's
/// name and launch when given. `firebreak drill --truth` writes more; streams from elsewhere need only this.
struct StreamTruth: Decodable {
    var onset: Date?
    var campaign: String?
    var launchedAt: Date?

    private enum CodingKeys: String, CodingKey { case onset, campaign, launchedAt }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.onset) else {
            throw DecodingError.keyNotFound(
                CodingKeys.onset, .init(codingPath: [], debugDescription: "the truth needs an onset (null for a benign stream)"))
        }
        onset = try container.decodeIfPresent(Date.self, forKey: .onset)
        campaign = try container.decodeIfPresent(String.self, forKey: .campaign)
        launchedAt = try container.decodeIfPresent(Date.self, forKey: .launchedAt)
    }
}
