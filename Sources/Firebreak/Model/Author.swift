import Foundation

/// The account that wrote a post, as far as the record says.
public struct Author: Sendable, Hashable, Codable {
    /// The platform's stable account id (or the handle when the record has no id).
    public var id: String
    /// The handle without a leading `@` (`NYPDnews`, `user@instance.social`, `name.bsky.social`).
    public var handle: String
    /// The display name, as the author chose it.
    public var displayName: String?
    /// Follower count at collection time, when the record carries it.
    public var followers: Int?
    /// When the account was created, when the record carries it.
    public var createdAt: Date?
    /// Whether the platform marked the account verified, when the record says.
    public var verified: Bool?

    /// Creates an author.
    public init(
        id: String, handle: String, displayName: String? = nil, followers: Int? = nil,
        createdAt: Date? = nil, verified: Bool? = nil
    ) {
        self.id = id
        self.handle = handle
        self.displayName = displayName
        self.followers = followers
        self.createdAt = createdAt
        self.verified = verified
    }
}
