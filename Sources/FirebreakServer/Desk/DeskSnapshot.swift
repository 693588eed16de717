import Firebreak
import FirebreakStore
import Foundation

/// What the overview shows of a campaign at one moment; cached by the desk and rebuilt as minutes close.
public struct DeskSnapshot: Sendable {
    /// The campaign's id.
    public var campaignID: String
    /// The campaign.
    public var campaign: Campaign
    /// The live monitor's health.
    public var health: Health
    /// The circuit breaker.
    public var breaker: CircuitBreaker
    /// The policy in force.
    public var policy: DeskPolicy
    /// Distinct posts kept.
    public var posts: Int
    /// Posts seen again (overlaps, reposts carrying originals).
    public var duplicates: Int
    /// Records rejected at ingest.
    public var rejected: Int
    /// Stance counts.
    public var supportive: Int
    /// Neutral posts.
    public var neutral: Int
    /// Critical posts.
    public var critical: Int
    /// Sarcastic posts.
    public var sarcastic: Int
    /// Event time of the latest post.
    public var latestPostAt: Date?
    /// Event time up to which minutes are closed.
    public var closedThrough: Date?
    /// Emerging themes.
    public var themes: [Theme]
    /// Leading accounts.
    public var accounts: [AccountSummary]
    /// Coordination clusters.
    public var clusters: [CoordinationCluster]
    /// Handles flagged by a person or by coordination.
    public var flagged: [String]
}
