/// One closed event-time minute of a campaign, as the live monitor read it.
public struct MinuteRow: Sendable, Hashable, Codable {
    /// The campaign.
    public var campaignID: String
    /// Minutes since the epoch.
    public var minute: Int
    /// Posts in the minute.
    public var posts: Int
    /// Supportive posts.
    public var supportive: Int
    /// Neutral posts.
    public var neutral: Int
    /// Critical posts.
    public var critical: Int
    /// Sarcastic posts.
    public var sarcastic: Int
    /// Offensive posts.
    public var offensive: Int
    /// Health after the minute.
    public var health: String

    /// Creates a row.
    public init(campaignID: String, minute: Int, posts: Int, supportive: Int, neutral: Int, critical: Int, sarcastic: Int, offensive: Int, health: String) {
        self.campaignID = campaignID
        self.minute = minute
        self.posts = posts
        self.supportive = supportive
        self.neutral = neutral
        self.critical = critical
        self.sarcastic = sarcastic
        self.offensive = offensive
        self.health = health
    }
}
