import Foundation

/// One line of the audit log: who did what to which thing, when.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// Store-assigned id (0 before it is stored).
    public var id: Int64
    /// When (wall time).
    public var at: Date
    /// A user's name, `monitor`, `auto` or `system`.
    public var actor: String
    /// The campaign, if the action concerns one.
    public var campaignID: String?
    /// A short verb phrase: `moderation.approve`, `breaker.override`, `alert.resolve`, `user.add`, ...
    public var action: String
    /// What it was done to (a post key, an alert id, a user name).
    public var subject: String
    /// Free detail (a reason, a note, the old and new values).
    public var detail: String

    /// Creates an entry.
    public init(id: Int64 = 0, at: Date, actor: String, campaignID: String?, action: String, subject: String, detail: String = "") {
        self.id = id
        self.at = at
        self.actor = actor
        self.campaignID = campaignID
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
