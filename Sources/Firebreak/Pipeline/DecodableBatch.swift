/// What became of one input record: the posts it held, or why it was rejected.
public enum RecordOutcome: Sendable {
    /// The record held these posts (possibly none, e.g. a deletion notice).
    case posts([Post])
    /// The record could not be read.
    case rejected(Rejection)
}

/// A batch of input records that can be decoded off the reading thread. Sources (files, streams,
/// webhooks) produce these; the pipeline decodes and assesses them in parallel.
public protocol DecodableBatch: Sendable {
    /// Records in the batch.
    var recordCount: Int { get }
    /// Inputs that could not be opened or read at all while this batch was read (missing file, corrupt gzip).
    var inputErrors: [Rejection] { get }
    /// Bytes the source had consumed when the batch was read, for progress (0 when unknown).
    var bytesConsumed: Int { get }
    /// Decodes every record, in order.
    func decode() -> [RecordOutcome]
}
