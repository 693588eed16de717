import Foundation

/// A logged-in browser session.
public struct SessionRecord: Sendable, Hashable, Codable {
    /// A digest of the session cookie's value: the value itself is never stored.
    public var tokenDigest: String
    /// The user.
    public var user: String
    /// The CSRF token every form and API write of this session carries.
    public var csrfToken: String
    /// Created (wall time).
    public var createdAt: Date
    /// Expires (wall time).
    public var expiresAt: Date

    /// Creates a session record.
    public init(tokenDigest: String, user: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenDigest = tokenDigest
        self.user = user
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
