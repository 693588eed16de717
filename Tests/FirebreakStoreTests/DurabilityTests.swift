import Firebreak
import FirebreakStore
import Foundation
import GRDB
import Testing

@Suite("Durability and damage")
struct DurabilityTests {
    @Test func everythingWrittenIsFoundByANewStoreOnTheSameFile() async throws {
        try await withScratchDirectory { directory in
            let path = directory.appendingPathComponent("desk.sqlite").path
            let alert = AlertRecord(
                campaignID: campaign, alert: Alert(id: "A1", kind: .volumeBurst, level: .watch, raisedAt: at(30), onsetEstimate: nil, summary: "Busy"))
            let state = CampaignState(campaignID: campaign, policy: DeskPolicy(autoReply: true), flaggedAuthors: ["troll"], updatedAt: at(31))
            let minute = MinuteRow(
                campaignID: campaign, minute: 28_333_333, posts: 3, supportive: 1, neutral: 1, critical: 1, sarcastic: 0, offensive: 0,
                health: "healthy")
            let user = UserRecord(name: "ana", passwordHash: "h", role: .admin, createdAt: at(0))
            let session = SessionRecord(tokenDigest: "d", user: "ana", csrfToken: "c", createdAt: at(0), expiresAt: at(86_400))

            var written: (posts: [StoredPost], item: OutboxItem, entry: AuditEntry)
            do {
                let store = try SQLiteStore(path: path)
                _ = try await store.insert([assessed("1"), assessed("2", .critical, at: 1), assessed("3", at: 2)], campaignID: campaign, receivedAt: at(5))
                _ = try await store.setModeration(campaignID: campaign, keys: [key("1")], status: .approved, actor: "auto", at: at(6))
                _ = try await store.setFeatured(campaignID: campaign, keys: [key("1")], at: at(7))
                try await store.save(minutes: [minute])
                try await store.save(alert: alert)
                try await store.save(state: state)
                try await store.save(user: user)
                try await store.save(session: session)
                let item = try await store.enqueue(
                    OutboxItem(campaignID: campaign, kind: .reply, status: .queued, postKey: "x:1", payload: "Thanks", createdAt: at(8)))
                let entry = try await store.append(
                    audit: AuditEntry(at: at(9), actor: "ana", campaignID: campaign, action: "user.add", subject: "ana"))
                written = (try await store.posts(campaignID: campaign, matching: PostQuery()), item, entry)
            }

            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.posts(campaignID: campaign, matching: PostQuery()) == written.posts)
            #expect(written.posts.count == 3)
            #expect(try await reopened.post(campaignID: campaign, key: key("1"))?.featuredAt == at(7))
            #expect(try await reopened.minutes(campaignID: campaign, from: 0, to: .max) == [minute])
            #expect(try await reopened.alerts(campaignID: campaign) == [alert])
            #expect(try await reopened.state(campaignID: campaign) == state)
            #expect(try await reopened.users() == [user])
            #expect(try await reopened.session(digest: "d", now: at(10)) == session)
            #expect(try await reopened.outbox(campaignID: campaign, status: nil, kind: nil, limit: 10) == [written.item])
            #expect(try await reopened.audit(campaignID: nil, limit: 10) == [written.entry])
            // Still idempotent across the reopen, and sequences carry on from where they were.
            #expect(try await reopened.insert([assessed("1"), assessed("4", at: 3)], campaignID: campaign, receivedAt: at(11)) == [key("4")])
            let newest = try #require(try await reopened.post(campaignID: campaign, key: key("4")))
            #expect(newest.sequence > written.posts.map(\.sequence).max()!)
        }
    }

    @Test func aCorruptJSONColumnThrowsAnErrorNamingTableKeyAndColumn() async throws {
        try await withScratchDirectory { directory in
            let path = directory.appendingPathComponent("desk.sqlite").path
            let store = try SQLiteStore(path: path)
            _ = try await store.insert([assessed("1"), assessed("2", at: 1)], campaignID: campaign, receivedAt: base)
            try await store.save(alert: AlertRecord(campaignID: campaign, alert: Alert(id: "A1", kind: .theme, level: .watch, raisedAt: base, onsetEstimate: nil, summary: "s")))

            // Damage the rows from outside, as a bad disk or a hand edit would.
            let outside = try DatabaseQueue(path: path)
            try await outside.write { db in
                try db.execute(sql: "UPDATE posts SET assessment_json = '{\"stance\": \"sideways\"}' WHERE post_key = 'x:2'")
                try db.execute(sql: "UPDATE alerts SET record_json = 'not json'")
            }

            #expect(try await store.post(campaignID: campaign, key: key("1")) != nil)
            let postError = await #expect(throws: SQLiteStoreError.self) { try await store.post(campaignID: campaign, key: key("2")) }
            guard case .corruptRow(let table, let rowKey, let column, _) = postError else { Issue.record("wrong error"); return }
            #expect(table == "posts")
            #expect(rowKey.contains("x:2") && rowKey.contains(campaign))
            #expect(column == "assessment_json")
            #expect(postError?.description.contains("posts") == true)
            // A listing that meets the bad row fails rather than skipping it.
            await #expect(throws: SQLiteStoreError.self) { try await store.posts(campaignID: campaign, matching: PostQuery()) }

            let alertError = await #expect(throws: SQLiteStoreError.self) { try await store.alerts(campaignID: campaign) }
            #expect(alertError?.description.contains("alerts") == true)
            #expect(alertError?.description.contains("A1") == true)
        }
    }
}
