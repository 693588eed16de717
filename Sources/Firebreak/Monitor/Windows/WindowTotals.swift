/// The sums of a run of minutes: what a 5, 15 or 60 minute roll-up reports.
public struct WindowTotals: Sendable, Hashable {
    /// Minutes the totals cover.
    public var minutes = 0
    /// Posts.
    public var posts = 0
    /// Posts per stance label.
    public var supportive = 0
    /// Posts per stance label.
    public var neutral = 0
    /// Posts per stance label.
    public var critical = 0
    /// Posts judged sarcastic.
    public var sarcastic = 0
    /// Posts judged offensive.
    public var offensive = 0
    /// Sum of p_critical (label counts stand in for minutes without probabilities).
    public var sumPCritical = 0.0
    /// Sum of p_critical squared.
    public var sumPCriticalSquares = 0.0
    /// Sum of p_supportive.
    public var sumPSupportive = 0.0
    /// Sum of the irony probability.
    public var sumIrony = 0.0
    /// Sum of the offence probability.
    public var sumOffensive = 0.0
    /// Original posts.
    public var originals = 0
    /// Reposts.
    public var reposts = 0
    /// Replies.
    public var replies = 0
    /// Quotes.
    public var quotes = 0
    /// Posts with media.
    public var withMedia = 0
    /// Authors new to the campaign.
    public var newAuthors = 0

    /// Empty totals.
    public init() {}

    /// Adds (sign 1) or removes (sign -1) one minute.
    mutating func apply(_ m: MinuteSummary, sign: Int) {
        let s = Double(sign)
        minutes += sign
        posts += sign * m.posts
        supportive += sign * m.supportive
        neutral += sign * m.neutral
        critical += sign * m.critical
        sarcastic += sign * m.sarcastic
        offensive += sign * m.offensive
        sumPCritical += s * m.softCritical
        sumPCriticalSquares += s * m.softCriticalSquares
        sumPSupportive += s * m.sumPSupportive
        sumIrony += s * m.sumIrony
        sumOffensive += s * m.sumOffensive
        originals += sign * m.originals
        reposts += sign * m.reposts
        replies += sign * m.replies
        quotes += sign * m.quotes
        withMedia += sign * m.withMedia
        newAuthors += sign * m.newAuthors
    }

    /// Critical posts over posts (0 when empty).
    public var criticalShare: Double { share(critical) }
    /// Sarcastic posts over posts.
    public var sarcasticShare: Double { share(sarcastic) }
    /// Posts with media over posts.
    public var mediaShare: Double { share(withMedia) }
    /// New authors over posts.
    public var newAuthorShare: Double { share(newAuthors) }
    /// Mean p_critical.
    public var meanPCritical: Double { posts > 0 ? sumPCritical / Double(posts) : 0 }

    private func share(_ count: Int) -> Double { posts > 0 ? Double(count) / Double(posts) : 0 }
}
