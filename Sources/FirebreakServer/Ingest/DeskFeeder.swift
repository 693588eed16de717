import Firebreak
import FirebreakFormats
import Foundation

/// The one way posts reach a campaign's desk: a source's record batches go through the assessment pipeline and
/// into `CampaignDesk.ingest`. Replayed archives, the HTTP endpoint and (later) live platform connectors all
/// come through here, so each is decoded, assessed, stored and monitored the same way.
public struct DeskFeeder: Sendable {
    /// The desk fed.
    public let desk: CampaignDesk
    /// Decodes and assesses batches.
    public let pipeline: AssessmentPipeline

    /// Creates a feeder.
    public init(desk: CampaignDesk, assessor: any Assessor, parallelism: Int = 2) {
        self.desk = desk
        pipeline = AssessmentPipeline(campaign: desk.entry.campaign, assessor: assessor, parallelism: parallelism)
    }

    /// Decodes, assesses and ingests batches already read (an HTTP request's body); returns the combined result.
    public func feed(_ batches: [some DecodableBatch]) async throws -> IngestResult {
        var total = IngestResult(records: 0, posts: 0, inserted: 0, duplicates: 0, rejected: 0, rejections: [])
        for batch in batches {
            let processed = await Self.process(batch, with: pipeline)
            let result = try await desk.ingest(processed)
            total.records += result.records
            total.posts += result.posts
            total.inserted += result.inserted
            total.duplicates += result.duplicates
            total.rejected += result.rejected
            total.rejections += result.rejections.prefix(max(0, 20 - total.rejections.count))
        }
        return total
    }

    /// Feeds a whole source (an `ArchiveSource`, a connector's stream) as fast as it comes.
    public func run<Source: AsyncSequence & Sendable>(_ source: Source) async throws where Source.Element: DecodableBatch {
        for try await processed in pipeline.run(source) {
            _ = try await desk.ingest(processed)
        }
    }

    /// Decoding and assessment are CPU work: they run off the caller's task so a request handler or the desk's
    /// actor is never held up by them.
    static func process(_ batch: some DecodableBatch, with pipeline: AssessmentPipeline) async -> ProcessedBatch {
        await Task.detached { pipeline.process(batch) }.value
    }
}
