import ArgumentParser
import Firebreak
import FirebreakFormats
import Foundation

/// `firebreak analyze`: reads archives, assesses every post, runs the monitor and writes the report.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Read campaign archives and write the campaign report.",
        discussion: """
            Reads each FILE (plain or .gz; - for standard input), detecting its format per file unless --format \
            is given. Records that cannot be read are counted and listed in the report; the run goes on. \
            Exits non-zero only when no post could be read.
            """
    )

    @Argument(help: "Archives to read (plain or .gz; - for standard input).")
    var files: [String]

    @Option(help: "Campaign file (YAML) with name, hashtags, owners, target, launched_at and brief.")
    var campaign: String?

    @Option(name: .customLong("hashtag"), help: "A campaign hashtag (repeatable).")
    var hashtags: [String] = []

    @Option(name: .customLong("owner"), help: "An owner's handle (repeatable).")
    var owners: [String] = []

    @Option(name: .customLong("target"), help: "The target's name, then aliases (repeatable).")
    var targets: [String] = []

    @Option(help: "Input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: "|")).")
    var format: InputFormat = .auto

    @Option(help: "Write the JSON report here (- for standard output).")
    var json: String?

    @Option(help: "Write the HTML report here.")
    var html: String?

    @Option(help: "Write the Markdown report here (- for standard output).")
    var markdown: String?

    @Flag(help: "Assess with the lexicon baseline instead of the trained models.")
    var lexicon = false

    // One per core the process may run on (`taskset` and cpusets count, not the machine's): a second batch per core was
    // slower, likely because the two batches' working sets compete for the cache (a million records took 10.9–11.9 s on
    // one core with one batch, 12.6–17.3 s with two; Benchmarks/README.md).
    @Option(help: "Batches decoded and assessed at once (default: one per core this process may use).")
    var parallelism: Int = UsableProcessors.count

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one archive (or - for standard input).") }
        guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1.") }
        if [json, markdown].filter({ $0 == "-" }).count > 1 { throw ValidationError("Only one report can go to standard output.") }
        for tag in hashtags where !CampaignFile.isHashtag(tag.trimmingCharacters(in: .whitespaces)) {
            throw ValidationError("--hashtag \"\(tag)\" is not a hashtag (letters, digits and _ after an optional #).")
        }
        for owner in owners where !CampaignFile.isHandle(owner.trimmingCharacters(in: .whitespaces)) {
            throw ValidationError("--owner \"\(owner)\" is not an account handle (no spaces, an optional @).")
        }
        for target in targets where target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--target must not be empty.")
        }
    }

    func run() async throws {
        let totalBytes =
            files.allSatisfy { $0 != "-" }
            ? files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }.reduce(0, +) : nil
        let source = ArchiveSource(paths: files, format: format)
        let prefetched = try await PrefetchedSource.prefetch(source, records: needsHashtagGuess ? 5_000 : 0)
        let campaign = try resolveCampaign(sample: prefetched.buffered)
        let pipeline = AssessmentPipeline(campaign: campaign, assessor: AssessorChoice.make(lexicon: lexicon), parallelism: parallelism)
        let analysis = CampaignAnalysis(campaign: campaign)
        let progress = ProgressBar(totalBytes: totalBytes)
        var records = 0
        var rejected = 0
        var rejections: [Rejection] = []
        var inputErrors: [Rejection] = []
        for try await var batch in pipeline.run(prefetched) {
            records += batch.records
            rejected += batch.rejections.count
            for rejection in batch.rejections where rejections.count < 100 { rejections.append(rejection) }
            for error in batch.inputErrors {
                inputErrors.append(error)
                Output.warn("firebreak: \(error.file): \(error.reason)")
            }
            analysis.add(contentsOf: &batch.assessed)
            progress.update(records: records, bytes: batch.bytesConsumed)
            // Freeing a batch's posts costs as much as a sixth of the run: do it off the monitor's thread.
            let finished = batch
            DispatchQueue.global(qos: .utility).async { withExtendedLifetime(finished) {} }
        }
        progress.finish()
        let input = InputSummary(
            files: files, records: records, posts: 0, duplicates: 0, rejected: rejected + inputErrors.count,
            rejections: Array((inputErrors + rejections).prefix(100)))
        let report = analysis.report(input: input, generatedBy: "firebreak \(FirebreakVersion.current)")
        // Said on standard error as well as at the top of each report, since the summary alone would read as usual.
        for warning in report.warnings { Output.warn("firebreak: warning: " + warning.message) }
        // A report written to standard output keeps it to itself: the summary goes to standard error then.
        if json == "-" || markdown == "-" {
            Output.warn(SummaryText.render(report))
        } else {
            print(SummaryText.render(report))
        }
        try writeReports(report)
        if report.input.posts == 0 {
            throw CommandFailure("no post could be read from \(files.joined(separator: ", "))")
        }
    }

    private var needsHashtagGuess: Bool { campaign == nil && hashtags.isEmpty }

    /// The campaign file's campaign with the flags added to it (the first `--target` is the name, later
    /// ones aliases); with neither a file nor a hashtag, the sample's most frequent hashtag.
    private func resolveCampaign(sample: [ArchiveBatch]) throws -> Campaign {
        let base = try campaign.map { try CampaignFile.load(path: $0) }
        var tags = hashtags
        if base == nil && tags.isEmpty, let guess = Self.mostFrequentHashtag(in: sample) {
            tags = [guess]
            Output.warn("firebreak: no campaign given; using the most frequent hashtag, \(guess)")
        }
        let name = base?.name ?? targets.first ?? tags.first.map { String($0.drop { $0 == "#" }) } ?? "campaign"
        var target = base?.target ?? Campaign.Target(name: name)
        if let first = targets.first {
            target = Campaign.Target(name: first, aliases: Array(targets.dropFirst()) + (base?.target.aliases ?? []))
        }
        return Campaign(
            name: name, hashtags: (base?.hashtags ?? []) + tags, owners: (base?.owners ?? []) + owners, target: target,
            launchedAt: base?.launchedAt, brief: base?.brief)
    }

    /// The hashtag most posts in the sample carry (case-insensitive), written as most often seen.
    static func mostFrequentHashtag(in sample: [ArchiveBatch]) -> String? {
        var counts: [String: (count: Int, spelling: [String: Int])] = [:]
        for batch in sample {
            for case .posts(let posts) in batch.decode() {
                for post in posts {
                    for tag in Set(post.hashtags.map { $0.lowercased() }) {
                        counts[tag, default: (0, [:])].count += 1
                    }
                    for tag in post.hashtags { counts[tag.lowercased()]?.spelling[tag, default: 0] += 1 }
                }
            }
        }
        guard let best = counts.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else { return nil }
        return best.value.spelling.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? best.key
    }

    private func writeReports(_ report: CampaignReport) throws {
        if let json { try Output.write(JSONReportEncoder().encode(report), to: json) }
        if let html { try Output.write(Data(HTMLReportRenderer().render(report).utf8), to: html) }
        if let markdown { try Output.write(Data(MarkdownReportRenderer().render(report).utf8), to: markdown) }
    }
}

extension InputFormat: ExpressibleByArgument {}
