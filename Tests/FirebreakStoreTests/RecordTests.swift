import Firebreak
import FirebreakStore
import Foundation
import Testing

@Suite("Minutes, alerts and campaign state")
struct RecordTests {
    func minute(_ minute: Int, posts: Int, campaign id: String = campaign, health: String = "healthy") -> MinuteRow {
        MinuteRow(
            campaignID: id, minute: minute, posts: posts, supportive: posts / 2, neutral: posts / 4, critical: posts / 4, sarcastic: 1,
            offensive: 0, health: health)
    }

    @Test func minutesAreUpsertedAndReadOldestFirstInAHalfOpenRange() async throws {
        try await withStore { store in
            try await store.save(minutes: [minute(103, posts: 8), minute(100, posts: 4), minute(101, posts: 12)])
            try await store.save(minutes: [minute(101, posts: 20, health: "watch"), minute(102, posts: 1), minute(101, posts: 4, campaign: "other")])
            try await store.save(minutes: [])
            let rows = try await store.minutes(campaignID: campaign, from: 100, to: 103)
            #expect(rows.map(\.minute) == [100, 101, 102])
            #expect(rows[1] == minute(101, posts: 20, health: "watch"))
            #expect(try await store.minutes(campaignID: campaign, from: 0, to: .max).count == 4)
            #expect(try await store.minutes(campaignID: "other", from: 0, to: .max) == [minute(101, posts: 4, campaign: "other")])
        }
    }

    func alert(_ id: String, raisedAt seconds: Double, summary: String = "Critical share jumped") -> Alert {
        Alert(
            id: id, kind: .hijack, level: .alert, raisedAt: at(seconds), onsetEstimate: at(seconds - 60), summary: summary,
            figures: ["critical_share": 0.71, "baseline_critical_share": 0.08, "ratio": .infinity], themes: ["baton"],
            accounts: ["Occupy"], examplePostIDs: ["1", "2"], recommendedActions: ["Pause the campaign"])
    }

    @Test func alertsAreUpsertedAndListedNewestFirst() async throws {
        try await withStore { store in
            try await store.save(alert: AlertRecord(campaignID: campaign, alert: alert("A1", raisedAt: 10)))
            try await store.save(alert: AlertRecord(campaignID: campaign, alert: alert("A2", raisedAt: 30)))
            try await store.save(alert: AlertRecord(campaignID: campaign, alert: alert("A10", raisedAt: 20)))
            try await store.save(alert: AlertRecord(campaignID: campaign, alert: alert("A3", raisedAt: 30)))
            try await store.save(alert: AlertRecord(campaignID: "other", alert: alert("A1", raisedAt: 40)))
            #expect(try await store.alerts(campaignID: campaign).map(\.alert.id) == ["A3", "A2", "A10", "A1"])

            let resolved = AlertRecord(
                campaignID: campaign, alert: alert("A1", raisedAt: 10), status: .resolved, acknowledgedBy: "ana", resolvedBy: "ben",
                notes: [AlertRecord.Note(author: "ana", text: "Paused the hashtag", at: at(70))])
            try await store.save(alert: resolved)
            #expect(try await store.alert(campaignID: campaign, id: "A1") == resolved)
            #expect(try await store.alerts(campaignID: campaign).count == 4)
            #expect(try await store.alert(campaignID: "other", id: "A1")?.status == .open)
            #expect(try await store.alert(campaignID: campaign, id: "A9") == nil)
            // Non-finite figures survive the JSON column.
            #expect(try await store.alert(campaignID: campaign, id: "A2")?.alert.figures["ratio"] == .infinity)
        }
    }

    @Test func campaignStateIsReplaced() async throws {
        try await withStore { store in
            #expect(try await store.state(campaignID: campaign) == nil)
            var state = CampaignState(campaignID: campaign, policy: DeskPolicy(), flaggedAuthors: ["troll"], updatedAt: at(1))
            try await store.save(state: state)
            #expect(try await store.state(campaignID: campaign) == state)
            state.policy = DeskPolicy(autoApprove: true, repliesPerHour: 5)
            _ = state.breaker.observe(.hijacked, at: at(2))
            state.flaggedAuthors.append("other")
            state.updatedAt = at(3)
            try await store.save(state: state)
            #expect(try await store.state(campaignID: campaign) == state)
            #expect(try await store.state(campaignID: "other") == nil)
        }
    }
}
