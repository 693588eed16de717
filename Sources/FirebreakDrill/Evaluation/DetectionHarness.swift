import Firebreak
import Foundation

/// Runs streams through Firebreak's monitor and the two baselines, and scores each against the truth.
///
/// The monitor sees what `firebreak analyze` would: every post and the posts it carries, assessed by the
/// given assessor (the shipped models by default in the command) and added to a `CampaignAnalysis`; its
/// `hijack` alerts are scored. The baselines see the stream's own posts, minute by minute.
public struct DetectionHarness: Sendable {
    /// Assesses posts for the monitor.
    public var assessor: any Assessor
    /// The monitor's thresholds (left at the defaults: the evaluation does not tune them).
    public var configuration: MonitorConfiguration
    /// The volume baseline.
    public var volumeRule: VolumeRule
    /// The mean-sentiment baseline.
    public var sentimentRule: SentimentRule
    /// Batches assessed at once.
    public var parallelism: Int

    /// Creates a harness.
    public init(
        assessor: any Assessor, configuration: MonitorConfiguration = MonitorConfiguration(),
        volumeRule: VolumeRule = VolumeRule(), sentimentRule: SentimentRule = SentimentRule(),
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.assessor = assessor
        self.configuration = configuration
        self.volumeRule = volumeRule
        self.sentimentRule = sentimentRule
        self.parallelism = parallelism
    }

    /// Scores every detector on one stream.
    public func evaluate(_ stream: EvaluationStream) async throws -> StreamEvaluation {
        let times = stream.times
        let start = times.first ?? stream.onset ?? Date(timeIntervalSince1970: 0)
        func result(_ detector: Detector, _ alerts: [Date]) -> DetectionResult {
            DetectionResult(
                stream: stream.name, detector: detector, onset: stream.onset, start: start, rateClass: stream.rateClass,
                postsPerHour: stream.postsPerHour,
                outcome: DetectionOutcome.score(alerts: alerts, onset: stream.onset, postTimes: times))
        }
        let (monitor, stances) = try await runMonitor(stream)
        let hijacks = monitor.filter { $0.kind == .hijack }.map(\.raisedAt)
        let volume = volumeRule.alerts(in: MinuteSeries(times: times))
        let lexicon = LexiconAssessor()
        let scores = stream.posts.map { SentimentRule.score(pSentiment: lexicon.assess($0, in: stream.campaign).pSentiment) }
        let sentiment = sentimentRule.alerts(in: MinuteSeries(times: times, values: scores))
        var breakdown: LexiconBreakdown?
        if let onset = stream.onset, let voices = stream.voices {
            let after = times.indices.filter { times[$0] >= onset }
            breakdown = LexiconBreakdown(voices: after.map { voices[$0] }, scores: after.map { scores[$0] })
        }
        var reading: AssessorReading?
        if let voices = stream.voices {
            reading = AssessorReading(truth: voices.map(\.stance), assessed: stream.posts.map { stances[$0.nativeID] })
        }
        return StreamEvaluation(
            stream: stream.name, posts: stream.posts.count,
            results: [result(.firebreak, hijacks), result(.volumeRule, volume), result(.sentimentRule, sentiment)],
            monitorAlerts: monitor.map { ($0.kind.rawValue, $0.raisedAt.timeIntervalSince(start) / 60) },
            lexicon: breakdown, assessorReading: reading
        )
    }

    /// The monitor's alerts after the whole stream went through the assessment pipeline and the analysis,
    /// with the stance the assessor gave each of the stream's own posts (by native id).
    func runMonitor(_ stream: EvaluationStream) async throws -> (alerts: [Alert], stances: [String: Stance]) {
        let pipeline = AssessmentPipeline(campaign: stream.campaign, assessor: assessor, parallelism: parallelism)
        let batchSize = 2_000
        let batches = stride(from: 0, to: stream.posts.count, by: batchSize).map {
            PostBatch(posts: Array(stream.posts[$0..<min($0 + batchSize, stream.posts.count)]))
        }
        let source = AsyncStream<PostBatch> { continuation in
            for batch in batches { continuation.yield(batch) }
            continuation.finish()
        }
        let analysis = CampaignAnalysis(campaign: stream.campaign, configuration: configuration)
        var stances: [String: Stance] = [:]
        stances.reserveCapacity(stream.posts.count)
        for try await processed in pipeline.run(source) {
            for item in processed.assessed {
                analysis.add(item)
                // A carried original comes after its repost; keep the first reading of each id.
                if stances[item.post.nativeID] == nil { stances[item.post.nativeID] = item.assessment.stance }
            }
        }
        let input = InputSummary(files: [stream.name], records: stream.posts.count, posts: 0, duplicates: 0, rejected: 0, rejections: [])
        return (analysis.report(input: input, generatedBy: "firebreak eval-detect").alerts, stances)
    }
}
