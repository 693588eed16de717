import Firebreak
import FirebreakStore
import Foundation
import Testing

@Suite("Moderation and the gallery")
struct ModerationTests {
    @Test func setModerationRecordsStatusActorAndTimeAndCountsStoredPosts() async throws {
        try await withStore { store in
            _ = try await store.insert([assessed("1"), assessed("2", at: 1), assessed("3", at: 2)], campaignID: campaign, receivedAt: base)
            // A missing key and a key given twice count for nothing extra; another campaign's post is untouched.
            _ = try await store.insert([assessed("1")], campaignID: "other", receivedAt: base)
            let changed = try await store.setModeration(
                campaignID: campaign, keys: [key("1"), key("2"), key("missing"), key("1")], status: .approved, actor: "ana", at: at(100))
            #expect(changed == 2)
            let first = try #require(try await store.post(campaignID: campaign, key: key("1")))
            #expect(first.moderation == .approved)
            #expect(first.moderatedBy == "ana")
            #expect(first.moderatedAt == at(100))
            #expect(try await store.post(campaignID: campaign, key: key("3"))?.moderation == .pending)
            #expect(try await store.post(campaignID: "other", key: key("1"))?.moderation == .pending)

            // A later decision replaces the earlier one.
            #expect(try await store.setModeration(campaignID: campaign, keys: [key("1")], status: .held, actor: "ben", at: at(200)) == 1)
            let again = try #require(try await store.post(campaignID: campaign, key: key("1")))
            #expect(again.moderation == .held && again.moderatedBy == "ben" && again.moderatedAt == at(200))
            #expect(try await store.setModeration(campaignID: campaign, keys: [], status: .rejected, actor: "ana", at: at(300)) == 0)
        }
    }

    @Test func featuringAndWithdrawingCountOnlyRealChanges() async throws {
        try await withStore { store in
            _ = try await store.insert([assessed("1"), assessed("2", at: 1), assessed("3", at: 2)], campaignID: campaign, receivedAt: base)
            #expect(try await store.setFeatured(campaignID: campaign, keys: [key("1"), key("2"), key("nope")], at: at(50)) == 2)
            #expect(try await store.post(campaignID: campaign, key: key("2"))?.featuredAt == at(50))
            #expect(try await store.post(campaignID: campaign, key: key("3"))?.featuredAt == nil)

            // Withdrawing three posts of which two were featured changes two.
            #expect(try await store.setFeatured(campaignID: campaign, keys: [key("1"), key("2"), key("3")], at: nil) == 2)
            #expect(try await store.post(campaignID: campaign, key: key("1"))?.featuredAt == nil)
            #expect(try await store.count(campaignID: campaign, matching: PostQuery(featured: true)) == 0)
            #expect(try await store.setFeatured(campaignID: campaign, keys: [key("1")], at: nil) == 0)
        }
    }
}
