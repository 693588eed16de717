/// Engagement counts the platform reported when the post was collected.
public struct PublicMetrics: Sendable, Hashable, Codable {
    /// Reposts (retweets, boosts, reposts).
    public var reposts: Int?
    /// Replies.
    public var replies: Int?
    /// Likes (favourites).
    public var likes: Int?
    /// Quotes.
    public var quotes: Int?

    /// Creates a set of metrics.
    public init(reposts: Int? = nil, replies: Int? = nil, likes: Int? = nil, quotes: Int? = nil) {
        self.reposts = reposts
        self.replies = replies
        self.likes = likes
        self.quotes = quotes
    }

    /// Whether no count is known.
    public var isEmpty: Bool { reposts == nil && replies == nil && likes == nil && quotes == nil }
}
