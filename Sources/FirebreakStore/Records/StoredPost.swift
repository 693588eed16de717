import Firebreak
import Foundation

/// A post as the desk keeps it: the post, its assessment, and where it stands in moderation and the gallery.
public struct StoredPost: Sendable, Hashable, Codable {
    /// The campaign it belongs to.
    public var campaignID: String
    /// The post.
    public var post: Post
    /// What Firebreak understood of it.
    public var assessment: Assessment
    /// Its moderation status.
    public var moderation: ModerationStatus
    /// Who last moderated it (`auto` for the desk's own approvals).
    public var moderatedBy: String?
    /// When it was last moderated (wall time).
    public var moderatedAt: Date?
    /// When it went out in the gallery (nil: not published, or pulled back).
    public var featuredAt: Date?
    /// When the desk received it (wall time).
    public var receivedAt: Date
    /// Insertion order within the store, for cursors and live updates.
    public var sequence: Int64

    /// Creates a stored post.
    public init(
        campaignID: String, post: Post, assessment: Assessment, moderation: ModerationStatus = .pending, moderatedBy: String? = nil,
        moderatedAt: Date? = nil, featuredAt: Date? = nil, receivedAt: Date, sequence: Int64 = 0
    ) {
        self.campaignID = campaignID
        self.post = post
        self.assessment = assessment
        self.moderation = moderation
        self.moderatedBy = moderatedBy
        self.moderatedAt = moderatedAt
        self.featuredAt = featuredAt
        self.receivedAt = receivedAt
        self.sequence = sequence
    }
}
