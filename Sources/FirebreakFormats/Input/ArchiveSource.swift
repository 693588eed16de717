import Firebreak

/// Reads archives one after another as an async sequence of record batches. An input that cannot be
/// opened or read is reported in a batch's `inputErrors`, and the others are still read.
public struct ArchiveSource: AsyncSequence, Sendable {
    /// The element: a batch of raw records.
    public typealias Element = ArchiveBatch

    /// The inputs (`-` for standard input).
    public let paths: [String]
    /// The format, or `auto`.
    public let format: InputFormat
    /// Records per batch.
    public let batchSize: Int
    /// Called for each input once it is opened, with its detected format (for progress and summaries).
    public let onOpen: @Sendable (String, InputFormat, Int?) -> Void

    /// Creates a source.
    public init(
        paths: [String], format: InputFormat = .auto, batchSize: Int = 1024,
        onOpen: @escaping @Sendable (String, InputFormat, Int?) -> Void = { _, _, _ in }
    ) {
        self.paths = paths
        self.format = format
        self.batchSize = batchSize
        self.onOpen = onOpen
    }

    /// Makes an iterator.
    public func makeAsyncIterator() -> Iterator { Iterator(source: self) }

    /// Reads the inputs in order.
    public struct Iterator: AsyncIteratorProtocol {
        let source: ArchiveSource
        var index = 0
        var reader: ArchiveReader?
        var finishedBytes = 0

        /// The next batch, or nil when every input is read.
        public mutating func next() async throws -> ArchiveBatch? {
            while true {
                if reader == nil {
                    guard index < source.paths.count else { return nil }
                    let path = source.paths[index]
                    index += 1
                    do {
                        let opened = try ArchiveReader(path: path, format: source.format)
                        reader = opened
                        source.onOpen(path, opened.detectedFormat, opened.input.totalBytes)
                    } catch {
                        return ArchiveBatch(
                            records: [], decoder: RecordDecoder(file: path, format: .text, fileFormat: nil),
                            inputErrors: [Rejection(file: path, record: 1, reason: error.reason)], bytesConsumed: finishedBytes)
                    }
                }
                guard let current = reader else { continue }
                do {
                    if let records = try current.nextBatch(count: source.batchSize) {
                        return ArchiveBatch(
                            records: records, decoder: current.decoder, inputErrors: [],
                            bytesConsumed: finishedBytes + current.input.bytesConsumed)
                    }
                    finishedBytes += current.input.bytesConsumed
                    reader = nil
                } catch {
                    finishedBytes += current.input.bytesConsumed
                    reader = nil
                    return ArchiveBatch(
                        records: [], decoder: current.decoder, inputErrors: [Rejection(file: current.name, record: 1, reason: error.reason)],
                        bytesConsumed: finishedBytes)
                }
            }
        }
    }
}
