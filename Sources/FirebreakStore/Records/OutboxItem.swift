import Foundation

/// Something the desk sends out — a reply, a Facebook photo post, a notification — kept until it is sent.
public struct OutboxItem: Sendable, Hashable, Codable {
    /// What is sent.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A thank-you reply to a post.
        case reply
        /// A photo post to a Facebook Page (Graph API `/{page-id}/photos`).
        case facebookPhoto = "facebook_photo"
        /// A JSON webhook notification.
        case webhook
        /// A Slack-compatible incoming-webhook notification.
        case slack
    }

    /// Where it is.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// A draft waiting for a person's approval.
        case draft
        /// Approved, waiting to be sent (or for the breaker / rate limit).
        case queued
        /// Would have been sent; no credentials are configured.
        case dryRun = "dry_run"
        /// Sent.
        case sent
        /// Sending failed (see `error`).
        case failed
        /// Withdrawn by a person or by the breaker's pull-back.
        case cancelled
    }

    /// Store-assigned id (0 before it is stored).
    public var id: Int64
    /// The campaign.
    public var campaignID: String
    /// What is sent.
    public var kind: Kind
    /// Where it is.
    public var status: Status
    /// The post it concerns (`platform:id`), if any.
    public var postKey: String?
    /// The request body or text, as sent.
    public var payload: String
    /// Where it goes (a URL or a platform handle); nil in dry-run.
    public var destination: String?
    /// Who approved it (`auto` for auto-send).
    public var approvedBy: String?
    /// Attempts so far.
    public var attempts: Int
    /// The last error.
    public var error: String?
    /// Created (wall time).
    public var createdAt: Date
    /// Last changed (wall time).
    public var updatedAt: Date

    /// Creates an item.
    public init(
        id: Int64 = 0, campaignID: String, kind: Kind, status: Status, postKey: String? = nil, payload: String, destination: String? = nil,
        approvedBy: String? = nil, attempts: Int = 0, error: String? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.kind = kind
        self.status = status
        self.postKey = postKey
        self.payload = payload
        self.destination = destination
        self.approvedBy = approvedBy
        self.attempts = attempts
        self.error = error
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
