/// One batch after decoding and assessment, in input order.
public struct ProcessedBatch: Sendable {
    /// Records the batch held.
    public var records: Int
    /// Posts with their assessments, each record's posts followed by the posts it carried.
    public var assessed: [AssessedPost]
    /// Records that could not be read.
    public var rejections: [Rejection]
    /// Inputs that could not be read at all.
    public var inputErrors: [Rejection]
    /// Bytes the source had consumed when the batch was read.
    public var bytesConsumed: Int

    /// Creates a processed batch.
    public init(records: Int, assessed: [AssessedPost], rejections: [Rejection], inputErrors: [Rejection], bytesConsumed: Int = 0) {
        self.records = records
        self.assessed = assessed
        self.rejections = rejections
        self.inputErrors = inputErrors
        self.bytesConsumed = bytesConsumed
    }
}
