import Firebreak
import FirebreakStore
import Foundation
import Testing

@Suite("Users, sessions and the audit log")
struct UserTests {
    @Test func usersAreSavedReplacedAndListedByName() async throws {
        try await withStore { store in
            let ana = UserRecord(name: "ana", passwordHash: "$2b$12$a", role: .admin, createdAt: at(1))
            let ben = UserRecord(name: "ben", passwordHash: "$2b$12$b", role: .viewer, createdAt: at(2))
            let Ana = UserRecord(name: "Ana", passwordHash: "$2b$12$c", role: .moderator, createdAt: at(3))
            try await store.save(user: ben)
            try await store.save(user: ana)
            try await store.save(user: Ana)
            #expect(try await store.users() == [Ana, ana, ben])
            #expect(try await store.user(named: "ana") == ana)
            #expect(try await store.user(named: "carl") == nil)

            var changed = ben
            changed.role = .moderator
            changed.disabled = true
            changed.passwordHash = "$2b$12$new"
            try await store.save(user: changed)
            #expect(try await store.user(named: "ben") == changed)
            #expect(try await store.users().count == 3)
        }
    }

    @Test func aSessionIsFoundUntilItExpiresAndIsThenGone() async throws {
        try await withStore { store in
            try await store.save(user: UserRecord(name: "ana", passwordHash: "h", role: .admin, createdAt: base))
            let session = SessionRecord(tokenDigest: "d1", user: "ana", csrfToken: "c1", createdAt: at(0), expiresAt: at(3600))
            try await store.save(session: session)
            #expect(try await store.session(digest: "d1", now: at(3599)) == session)
            #expect(try await store.session(digest: "unknown", now: at(0)) == nil)
            #expect(try await store.session(digest: "d1", now: at(3600)) == nil)
            // The expired session was deleted, not just hidden: asking with an earlier clock finds nothing.
            #expect(try await store.session(digest: "d1", now: at(0)) == nil)
        }
    }

    @Test func sessionsEndOneByOneOrAllForAUser() async throws {
        try await withStore { store in
            for name in ["ana", "ben"] { try await store.save(user: UserRecord(name: name, passwordHash: "h", role: .viewer, createdAt: base)) }
            for (digest, user) in [("a1", "ana"), ("a2", "ana"), ("b1", "ben")] {
                try await store.save(session: SessionRecord(tokenDigest: digest, user: user, csrfToken: "c", createdAt: base, expiresAt: at(60)))
            }
            try await store.deleteSession(digest: "b1")
            #expect(try await store.session(digest: "b1", now: base) == nil)
            #expect(try await store.session(digest: "a1", now: base) != nil)
            // Saving the user again (say, a new password) keeps their sessions; ending them is explicit.
            try await store.save(user: UserRecord(name: "ana", passwordHash: "h2", role: .viewer, createdAt: base))
            #expect(try await store.session(digest: "a2", now: base) != nil)
            try await store.deleteSessions(user: "ana")
            #expect(try await store.session(digest: "a1", now: base) == nil)
            #expect(try await store.session(digest: "a2", now: base) == nil)
        }
    }

    @Test func aSessionNeedsAStoredUser() async throws {
        try await withStore { store in
            await #expect(throws: (any Error).self) {
                try await store.save(session: SessionRecord(tokenDigest: "d", user: "nobody", csrfToken: "c", createdAt: base, expiresAt: at(60)))
            }
        }
    }

    @Test func theAuditLogListsNewestFirstPerCampaignOrAll() async throws {
        try await withStore { store in
            var appended: [AuditEntry] = []
            for (n, id) in [campaign, nil, campaign, "other", campaign].enumerated() {
                // Deliberately out of time order: the log's order is the order of appending.
                let entry = AuditEntry(
                    at: at(Double(10 - n)), actor: "ana", campaignID: id, action: "moderation.approve", subject: "x:\(n)", detail: "n=\(n)")
                let stored = try await store.append(audit: entry)
                #expect(stored.id > (appended.last?.id ?? 0))
                var expected = entry
                expected.id = stored.id
                #expect(stored == expected)
                appended.append(stored)
            }
            #expect(try await store.audit(campaignID: campaign, limit: 10) == [appended[4], appended[2], appended[0]])
            #expect(try await store.audit(campaignID: campaign, limit: 2) == [appended[4], appended[2]])
            #expect(try await store.audit(campaignID: nil, limit: 10) == appended.reversed())
            #expect(try await store.audit(campaignID: "other", limit: 10) == [appended[3]])
            #expect(try await store.audit(campaignID: "none", limit: 10) == [])
        }
    }
}
