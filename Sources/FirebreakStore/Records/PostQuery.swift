import Firebreak
import Foundation

/// Which stored posts to list, newest first (by event time, then sequence).
public struct PostQuery: Sendable {
    /// Only this stance.
    public var stance: Stance?
    /// Only sarcastic (true) or only not sarcastic (false) posts.
    public var sarcastic: Bool?
    /// Only offensive (true) or only not offensive (false) posts.
    public var offensive: Bool?
    /// Only posts with (true) or without (false) media.
    public var media: Bool?
    /// Only this author (handle without `@`, case-insensitive).
    public var author: String?
    /// Only posts created at or after.
    public var since: Date?
    /// Only posts created before.
    public var until: Date?
    /// Only this moderation status.
    public var moderation: ModerationStatus?
    /// Only posts currently featured (true) or not (false).
    public var featured: Bool?
    /// Only these kinds (empty: all).
    public var kinds: Set<PostKind>
    /// Only posts whose text contains this (case-insensitive).
    public var text: String?
    /// Only posts inserted after this sequence number (live updates).
    public var afterSequence: Int64?
    /// Keyset cursor: only posts that sort after this one (created_at, sequence) in newest-first order.
    public var before: (createdAt: Date, sequence: Int64)?
    /// The most posts to return (1...1000).
    public var limit: Int

    /// Creates a query; with no arguments, the 50 newest posts.
    public init(
        stance: Stance? = nil, sarcastic: Bool? = nil, offensive: Bool? = nil, media: Bool? = nil, author: String? = nil, since: Date? = nil,
        until: Date? = nil, moderation: ModerationStatus? = nil, featured: Bool? = nil, kinds: Set<PostKind> = [], text: String? = nil,
        afterSequence: Int64? = nil, before: (createdAt: Date, sequence: Int64)? = nil, limit: Int = 50
    ) {
        self.stance = stance
        self.sarcastic = sarcastic
        self.offensive = offensive
        self.media = media
        self.author = author
        self.since = since
        self.until = until
        self.moderation = moderation
        self.featured = featured
        self.kinds = kinds
        self.text = text
        self.afterSequence = afterSequence
        self.before = before
        self.limit = min(1000, max(1, limit))
    }
}
