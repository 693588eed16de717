import Firebreak
import Foundation

/// A desk user.
public struct UserRecord: Sendable, Hashable, Codable {
    /// The login name (unique, case-sensitive).
    public var name: String
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// What the user may do.
    public var role: DeskRole
    /// Created (wall time).
    public var createdAt: Date
    /// A disabled user cannot log in.
    public var disabled: Bool

    /// Creates a user record.
    public init(name: String, passwordHash: String, role: DeskRole, createdAt: Date, disabled: Bool = false) {
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.createdAt = createdAt
        self.disabled = disabled
    }
}
