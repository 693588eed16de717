/// Where a post stands in the moderation queue.
public enum ModerationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not yet looked at.
    case pending
    /// Approved for the featured gallery.
    case approved
    /// Rejected: never featured.
    case rejected
    /// Held for a second look.
    case held
}
