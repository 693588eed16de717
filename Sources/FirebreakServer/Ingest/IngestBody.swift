import Firebreak
import FirebreakFormats

/// Turns an ingest request's body — one post or a batch, in any format the readers accept, gzip or not — into
/// record batches for the pipeline.
public enum IngestBody {
    /// Why a body was refused as a whole.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The body holds no records.
        case empty
        /// More records than allowed.
        case tooManyRecords(limit: Int)
        /// More bytes once inflated than allowed (a gzip bomb, or simply too much at once).
        case tooLargeInflated(limit: Int)
        /// The body cannot be read at all (a broken gzip stream, an unusable CSV header).
        case unreadable(String)

        public var description: String {
            switch self {
            case .empty: "the body holds no records"
            case .tooManyRecords(let limit): "the body holds more than \(limit) records; split it into smaller batches"
            case .tooLargeInflated(let limit): "the body inflates to more than \(limit) bytes; split it into smaller batches"
            case .unreadable(let reason): reason
            }
        }
    }

    /// Splits a body into batches of at most `batchSize` records; `name` labels rejections (`request 12`). The body may
    /// not inflate past `maxInflatedBytes` (by default eight times the body, at least 64 MB), counting every byte, blank
    /// and over-long lines too: a small gzip body can inflate to gigabytes.
    public static func batches(
        _ bytes: [UInt8], name: String, format: InputFormat = .auto, maxRecords: Int, maxInflatedBytes: Int? = nil, batchSize: Int = 1024
    ) throws(Failure) -> [ArchiveBatch] {
        let inflatedLimit = maxInflatedBytes ?? max(64 << 20, bytes.count * 8)
        let input: ByteInput
        do {
            input = try ByteInput(bytes: bytes, name: name, maxDecodedBytes: inflatedLimit)
        } catch {
            throw .unreadable(error.reason)
        }
        // Counted on every byte inflated, not only on records: blank lines and over-long lines are bytes too.
        func failure(_ error: InputError) -> Failure {
            input.bytesDecoded > inflatedLimit ? .tooLargeInflated(limit: inflatedLimit) : .unreadable(error.reason)
        }
        let reader: ArchiveReader
        do {
            reader = try ArchiveReader(input: input, format: format)
        } catch {
            throw failure(error)
        }
        var batches: [ArchiveBatch] = []
        var total = 0
        while true {
            let next: [RawRecord]?
            do {
                next = try reader.nextBatch(count: batchSize)
            } catch {
                throw failure(error)
            }
            guard let records = next else { break }
            total += records.count
            guard total <= maxRecords else { throw .tooManyRecords(limit: maxRecords) }
            batches.append(ArchiveBatch(records: records, decoder: reader.decoder, inputErrors: [], bytesConsumed: reader.input.bytesConsumed))
        }
        guard total > 0 else { throw .empty }
        return batches
    }
}
