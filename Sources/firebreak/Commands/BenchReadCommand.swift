import ArgumentParser
import Firebreak
import FirebreakFormats
import Foundation

/// `firebreak bench-read`: measures the pipeline's parallel stage (JSON parsing and decoding, then assessment and the
/// monitor's text features) on records already in memory, in thread CPU time, so `analyze`'s reading path can be
/// compared between builds on a machine whose speed drifts.
struct BenchReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-read",
        abstract: "Measure decoding and assessment of records in memory, in thread CPU time (build with -c release).",
        shouldDisplay: false
    )

    @Argument(help: "An archive in any format `analyze` reads; its first --records records are read into memory.")
    var file: String

    @Option(help: "Records read into memory.")
    var records: Int = 100_000

    @Option(help: "Times to repeat each measurement; the best run is reported.")
    var repeats: Int = 5

    @Option(help: "The campaign's hashtag, for assessment.")
    var hashtag: String = "myNYPD"

    func run() throws {
        guard records > 0, repeats > 0 else { throw ValidationError("--records and --repeats must be positive.") }
        // Read as `analyze` reads: format and framing worked out by `ArchiveReader`, records left as slices of its buffers.
        let reader: ArchiveReader
        var raws: [RawRecord] = []
        do {
            reader = try ArchiveReader(path: file)
            while raws.count < records, let batch = try reader.nextBatch(count: min(1024, records - raws.count)) { raws += batch }
        } catch {
            throw ValidationError(error.description)
        }
        let count = min(records, raws.count)
        guard count > 0 else { throw ValidationError("\(file) holds no records.") }
        let bytes = raws.prefix(count).reduce(0) { $0 + $1.bytes.count }
        let batches = stride(from: 0, to: count, by: 1024).map {
            ArchiveBatch(records: Array(raws[$0..<min($0 + 1024, count)]), decoder: reader.decoder, inputErrors: [], bytesConsumed: 0)
        }
        print("\(count) records (\(bytes / 1_000_000) MB) in memory")

        var bestDecode = Double.infinity
        var posts = 0
        for _ in 0..<repeats {
            let start = threadNanoseconds()
            var decoded = 0
            for batch in batches {
                for outcome in batch.decode() {
                    // The pipeline assesses each post and the posts it carries.
                    if case .posts(let found) = outcome { decoded += found.reduce(found.count) { $0 + $1.carried.count } }
                }
            }
            bestDecode = min(bestDecode, Double(threadNanoseconds() - start) / 1e9)
            posts = decoded
        }
        print(
            String(
                format: "parse + decode: %.3f s, %.0f records/s, %.0f MB/s (%d posts)", bestDecode, Double(count) / bestDecode,
                Double(bytes) / 1e6 / bestDecode, posts))

        let campaign = Campaign(name: hashtag, hashtags: ["#" + hashtag])
        let pipeline = AssessmentPipeline(campaign: campaign, assessor: AssessorChoice.make(), parallelism: 1)
        var bestStage = Double.infinity
        for _ in 0..<repeats {
            let start = threadNanoseconds()
            var assessed = 0
            for batch in batches { assessed += pipeline.process(batch).assessed.count }
            bestStage = min(bestStage, Double(threadNanoseconds() - start) / 1e9)
            precondition(assessed == posts)
        }
        print(String(format: "parse + decode + assess + text features: %.3f s, %.0f records/s", bestStage, Double(count) / bestStage))
    }
}
