import Foundation
import HummingbirdBcrypt

/// Password hashing with bcrypt (a slow, salted hash), off the request's task.
public enum Passwords {
    /// The bcrypt cost; 12 takes a few hundred milliseconds, which is the point.
    public static let cost: UInt8 = 12

    /// The problems with a new password; empty when it is acceptable.
    public static func problems(_ password: String) -> [String] {
        var problems: [String] = []
        if password.count < 10 { problems.append("a password needs at least 10 characters") }
        if password.utf8.count > 72 { problems.append("a password is at most 72 bytes (bcrypt reads no further)") }
        return problems
    }

    /// Hashes a password.
    public static func hash(_ password: String, cost: UInt8 = Passwords.cost) async -> String {
        await Task.detached { Bcrypt.hash(password, cost: cost) }.value
    }

    /// Checks a password against a hash.
    public static func verify(_ password: String, hash: String) async -> Bool {
        await Task.detached { Bcrypt.verify(password, hash: hash) }.value
    }
}
