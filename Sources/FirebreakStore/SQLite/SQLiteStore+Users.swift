import Foundation
import GRDB

extension SQLiteStore {
    // MARK: Users

    /// Adds a user, or replaces the one with the same name (keeping their sessions).
    public func save(user: UserRecord) async throws {
        try await writer.write { db in
            // DO UPDATE, not REPLACE: REPLACE deletes the row first, and the cascade would end the user's sessions.
            try db.cachedStatement(
                sql: """
                    INSERT INTO users (name, password_hash, role, created_at, disabled) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET
                        password_hash = excluded.password_hash, role = excluded.role, created_at = excluded.created_at,
                        disabled = excluded.disabled
                    """
            ).execute(arguments: [user.name, user.passwordHash, user.role.rawValue, user.createdAt.storeSeconds, user.disabled])
        }
    }

    /// One user.
    public func user(named name: String) async throws -> UserRecord? {
        try await writer.read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT name, password_hash, role, created_at, disabled FROM users WHERE name = ?"), arguments: [name]
            ).map(Self.userRecord)
        }
    }

    /// All users, by name.
    public func users() async throws -> [UserRecord] {
        try await writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT name, password_hash, role, created_at, disabled FROM users ORDER BY name"))
                .map(Self.userRecord)
        }
    }

    private static func userRecord(_ row: Row) throws -> UserRecord {
        let reader = RowReader(row: row, table: "users", keyColumns: ["name"])
        return UserRecord(
            name: try reader.value("name"), passwordHash: try reader.value("password_hash"), role: try reader.raw("role"),
            createdAt: try reader.date("created_at"), disabled: try reader.value("disabled"))
    }

    // MARK: Sessions

    /// Stores a session (its user must be stored), replacing one with the same digest.
    public func save(session: SessionRecord) async throws {
        try await writer.write { db in
            try db.cachedStatement(
                sql: """
                    INSERT INTO sessions (token_digest, user, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (token_digest) DO UPDATE SET
                        user = excluded.user, csrf_token = excluded.csrf_token, created_at = excluded.created_at,
                        expires_at = excluded.expires_at
                    """
            ).execute(arguments: [
                session.tokenDigest, session.user, session.csrfToken, session.createdAt.storeSeconds, session.expiresAt.storeSeconds,
            ])
        }
    }

    /// The session with this digest if it has not expired at `now`; an expired one is deleted.
    public func session(digest: String, now: Date) async throws -> SessionRecord? {
        // Read first: every request looks its session up, and a read never waits for the writer.
        let found = try await writer.read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT token_digest, user, csrf_token, created_at, expires_at FROM sessions WHERE token_digest = ?"),
                arguments: [digest]
            ).map { row in
                let reader = RowReader(row: row, table: "sessions", keyColumns: ["token_digest"])
                return SessionRecord(
                    tokenDigest: try reader.value("token_digest"), user: try reader.value("user"), csrfToken: try reader.value("csrf_token"),
                    createdAt: try reader.date("created_at"), expiresAt: try reader.date("expires_at"))
            }
        }
        guard let found else { return nil }
        if now < found.expiresAt { return found }
        try await writer.write { db in
            // Only if still expired: the session may have been renewed since it was read.
            try db.cachedStatement(sql: "DELETE FROM sessions WHERE token_digest = ? AND expires_at <= ?")
                .execute(arguments: [digest, now.storeSeconds])
        }
        return nil
    }

    /// Ends a session.
    public func deleteSession(digest: String) async throws {
        try await writer.write { db in
            try db.cachedStatement(sql: "DELETE FROM sessions WHERE token_digest = ?").execute(arguments: [digest])
        }
    }

    /// Ends every session of a user.
    public func deleteSessions(user: String) async throws {
        try await writer.write { db in
            try db.cachedStatement(sql: "DELETE FROM sessions WHERE user = ?").execute(arguments: [user])
        }
    }
}
