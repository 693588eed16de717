import Firebreak

/// What became of one ingest request or replayed batch.
public struct IngestResult: Sendable, Codable {
    /// Records read.
    public var records: Int
    /// Posts decoded (carried originals included).
    public var posts: Int
    /// Posts new to the desk.
    public var inserted: Int
    /// Posts the desk already had.
    public var duplicates: Int
    /// Records that could not be read.
    public var rejected: Int
    /// The first rejections, with record numbers and reasons.
    public var rejections: [Rejection]

    /// Creates a result.
    public init(records: Int, posts: Int, inserted: Int, duplicates: Int, rejected: Int, rejections: [Rejection]) {
        self.records = records
        self.posts = posts
        self.inserted = inserted
        self.duplicates = duplicates
        self.rejected = rejected
        self.rejections = rejections
    }
}
