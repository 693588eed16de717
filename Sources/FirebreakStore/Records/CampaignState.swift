import Firebreak
import Foundation

/// The desk's durable state for one campaign: policy, breaker and flagged authors.
public struct CampaignState: Sendable, Hashable, Codable {
    /// The campaign's id in the desk configuration.
    public var campaignID: String
    /// The policy in force (the configuration's, as changed in settings).
    public var policy: DeskPolicy
    /// The circuit breaker.
    public var breaker: CircuitBreaker
    /// Lower-cased handles a person flagged (no thanks, no auto-approval).
    public var flaggedAuthors: [String]
    /// Last changed (wall time).
    public var updatedAt: Date

    /// Creates a state.
    public init(campaignID: String, policy: DeskPolicy, breaker: CircuitBreaker = CircuitBreaker(), flaggedAuthors: [String] = [], updatedAt: Date) {
        self.campaignID = campaignID
        self.policy = policy
        self.breaker = breaker
        self.flaggedAuthors = flaggedAuthors
        self.updatedAt = updatedAt
    }
}
