import Firebreak

/// Records read from one input, decoded later (in parallel) by the pipeline.
public struct ArchiveBatch: DecodableBatch {
    /// The records.
    public var records: [RawRecord]
    /// How to decode them.
    public var decoder: RecordDecoder
    /// Inputs that could not be read at all.
    public var inputErrors: [Rejection]
    /// Bytes consumed from all inputs so far, for progress.
    public var bytesConsumed: Int

    /// Creates a batch.
    public init(records: [RawRecord], decoder: RecordDecoder, inputErrors: [Rejection], bytesConsumed: Int) {
        self.records = records
        self.decoder = decoder
        self.inputErrors = inputErrors
        self.bytesConsumed = bytesConsumed
    }

    /// Records in the batch.
    public var recordCount: Int { records.count }

    /// Decodes every record, in order.
    public func decode() -> [RecordOutcome] { decoder.decode(records) }
}
