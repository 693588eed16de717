import Foundation

/// A specific account the story needs: the owner, the first fan, the activists and outlets that join.
public struct NamedAccount: Sendable, Hashable, Codable {
    /// The role it plays.
    public var role: AuthorRole
    /// The handle without `@`.
    public var handle: String
    /// The display name.
    public var displayName: String
    /// Followers at collection time.
    public var followers: Int
    /// When the account was created.
    public var createdAt: Date
    /// Whether the account is verified.
    public var verified: Bool
    /// Minutes from the scenario's start before which the account posts nothing unscripted.
    public var joinsAtMinute: Double
    /// Probability that an unscripted post of its role comes from this account once it has joined.
    public var share: Double

    /// Creates a named account.
    public init(
        role: AuthorRole, handle: String, displayName: String, followers: Int, createdAt: Date, verified: Bool,
        joinsAtMinute: Double = 0, share: Double = 0
    ) {
        self.role = role
        self.handle = handle
        self.displayName = displayName
        self.followers = followers
        self.createdAt = createdAt
        self.verified = verified
        self.joinsAtMinute = joinsAtMinute
        self.share = share
    }
}
