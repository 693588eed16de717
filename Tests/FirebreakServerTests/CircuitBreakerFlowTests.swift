import Firebreak
import FirebreakStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FirebreakServer

@Suite struct CircuitBreakerFlowTests {
    /// Feeds the story a minute at a time, as a live stream would arrive.
    private func feed(_ posts: [AssessedPost], into desk: CampaignDesk, through minute: Int = 90) async throws {
        let byMinute = Dictionary(grouping: posts) { Int($0.post.createdAt.timeIntervalSince(launch) / 60) }
        for m in 0..<minute {
            guard let batch = byMinute[m] else { continue }
            _ = try await desk.ingest(ProcessedBatch(records: batch.count, assessed: batch, rejections: [], inputErrors: []))
        }
    }

    @Test func aHijackTripsTheBreakerAndAPersonCanOverrideIt() async throws {
        let fixture = try await DeskFixture.make(policy: DeskPolicy(autoApprove: true, autoReply: true))
        defer { fixture.cleanUp() }
        let desk = fixture.desk
        let story = StoredPostFactory.hijackStory()
        try await feed(story, into: desk, through: 60)
        var snapshot = await desk.snapshot()
        #expect(snapshot.health == .healthy && snapshot.breaker.state == .armed)
        let featuredBefore = try await fixture.store.count(campaignID: "mynypd", matching: PostQuery(featured: true))
        #expect(featuredBefore > 100)
        #expect(try await fixture.store.count(campaignID: "mynypd", matching: PostQuery(moderation: .approved)) == featuredBefore)

        try await feed(story.filter { $0.post.createdAt >= launch.addingTimeInterval(3600) }, into: desk)
        snapshot = await desk.snapshot()
        #expect(snapshot.health != .healthy)
        #expect(snapshot.breaker.state == .tripped && snapshot.breaker.galleryFrozen && snapshot.breaker.repliesPaused)
        let alerts = try await fixture.store.alerts(campaignID: "mynypd")
        #expect(alerts.contains { $0.alert.kind == .hijack })
        let audit = try await fixture.store.audit(campaignID: "mynypd", limit: 5000)
        #expect(audit.contains { $0.action == "breaker.tripped" && $0.actor == "monitor" })
        #expect(audit.contains { $0.action == "alert.raise" })

        // Nothing new goes out: a late supportive photo is not auto-approved, and a person's approval waits.
        let late = StoredPostFactory.assessed("late-fan", .supportive, author: "latefan", at: launch.addingTimeInterval(89 * 60 + 30))
        _ = try await desk.ingest(ProcessedBatch(records: 1, assessed: [late], rejections: [], inputErrors: []))
        #expect(try await fixture.store.post(campaignID: "mynypd", key: late.post.key)?.moderation == .pending)
        _ = try await desk.moderate(keys: [late.post.key], status: .approved, actor: "ana")
        #expect(try await fixture.store.post(campaignID: "mynypd", key: late.post.key)?.featuredAt == nil)

        // The dispatcher sends the notifications but holds replies and Facebook posts.
        let dispatcher = OutboxDispatcher(hub: fixture.hub, transport: fixture.transport)
        try await dispatcher.dispatchOnce()
        let sent = fixture.transport.sent
        #expect(sent.contains { $0.url.host == "hooks.example.org" && $0.body.contains("\"event\":\"breaker.tripped\"") })
        #expect(sent.contains { $0.url.host == "hooks.slack.example" && $0.body.contains("circuit breaker tripped") })
        #expect(!sent.contains { $0.url.host == "graph.facebook.com" })
        let replies = try await fixture.store.outbox(campaignID: "mynypd", status: nil, kind: .reply, limit: 5000)
        let queuedBefore = replies.filter { $0.status == .queued }.count
        #expect(queuedBefore > 0)
        try await dispatcher.dispatchOnce()
        #expect(try await fixture.store.outbox(campaignID: "mynypd", status: .queued, kind: .reply, limit: 5000).count == queuedBefore)

        // A person overrides: the waiting approval goes out, replies resume (under the hourly limit).
        try await desk.overrideBreaker(actor: "admin", reason: "reviewed: the critics are a known troll farm")
        #expect(try await fixture.store.post(campaignID: "mynypd", key: late.post.key)?.featuredAt != nil)
        try await dispatcher.dispatchOnce()
        let afterOverride = try await fixture.store.outbox(campaignID: "mynypd", status: .dryRun, kind: .reply, limit: 5000)
        #expect(afterOverride.count == min(queuedBefore, DeskPolicy().repliesPerHour))
        #expect(try await fixture.store.audit(campaignID: "mynypd", limit: 50).contains { $0.action == "breaker.overridden" && $0.actor == "admin" })
        await #expect(throws: DeskError.self) { try await desk.overrideBreaker(actor: "admin", reason: "again") }
    }

    @Test func trippingPullsBackTheLastMinutesOfTheGallery() async throws {
        let fixture = try await DeskFixture.make(policy: DeskPolicy(autoApprove: true, pullBackMinutes: 15))
        defer { fixture.cleanUp() }
        try await feed(StoredPostFactory.hijackStory(), into: fixture.desk)
        let snapshot = await fixture.desk.snapshot()
        #expect(snapshot.breaker.galleryFrozen)
        let trippedAt = try #require(snapshot.breaker.since)
        let featured = try await fixture.store.posts(campaignID: "mynypd", matching: PostQuery(featured: true, limit: 1000))
        let approved = try await fixture.store.count(campaignID: "mynypd", matching: PostQuery(moderation: .approved))
        // Posts from the 15 minutes before the trip left the gallery; older ones stayed.
        #expect(!featured.isEmpty && featured.count < approved)
        #expect(featured.allSatisfy { $0.post.createdAt < trippedAt.addingTimeInterval(-15 * 60) })
        #expect(try await fixture.store.audit(campaignID: "mynypd", limit: 5000).contains { $0.action == "gallery.pull_back" })
    }

    @Test func aRestartedDeskKeepsItsStateAndDoesNotRepeatAlerts() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        try await feed(StoredPostFactory.hijackStory(), into: fixture.desk)
        let before = await fixture.desk.snapshot()
        let alerts = try await fixture.store.alerts(campaignID: "mynypd")
        let hijack = try #require(alerts.first { $0.alert.kind == .hijack })
        try await fixture.desk.updateAlert(id: hijack.alert.id, action: .acknowledge, actor: "ana")

        let reopened = try await DeskHub(configuration: fixture.hub.configuration, store: fixture.store, assessor: LexiconAssessor())
        let desk = try #require(reopened.desks["mynypd"])
        let after = await desk.snapshot()
        #expect(after.posts == before.posts)
        #expect(after.health == before.health)
        #expect(after.breaker.state == .tripped)
        let again = try await fixture.store.alerts(campaignID: "mynypd")
        #expect(again.map(\.alert.id) == alerts.map(\.alert.id))
        #expect(again.first { $0.alert.id == hijack.alert.id }?.status == .acknowledged)
        #expect(try await fixture.store.audit(campaignID: "mynypd", limit: 5000).filter { $0.action == "breaker.tripped" }.count == 1)
    }

    @Test func theCampaignsMonitorThresholdsAreUsedAndShown() async throws {
        // Thresholds so strict that the story's hijack cannot corroborate: no trip.
        var strict = MonitorConfiguration()
        strict.criticalFloor = 100_000
        let fixture = try await DeskFixture.make(monitor: strict)
        defer { fixture.cleanUp() }
        try await feed(StoredPostFactory.hijackStory(), into: fixture.desk)
        let snapshot = await fixture.desk.snapshot()
        #expect(snapshot.health != .hijacked)
        #expect(try await fixture.store.alerts(campaignID: "mynypd").allSatisfy { $0.alert.kind != .hijack })
        let admin = try await fixture.login(.admin)
        try await fixture.application().test(.router) { client in
            let page = try await client.execute(uri: "/campaigns/mynypd/settings", method: .get, headers: [.cookie: admin.cookie])
            #expect(String(buffer: page.body).contains("<code>critical_floor</code></dt><dd>100000</dd>"))
        }
    }

    @Test func repliesAreDraftedOnlyForGenuineSupporters() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        let posts = [
            StoredPostFactory.assessed("fan", .supportive),
            StoredPostFactory.assessed("sarcasm", .supportive, irony: 0.9),
            StoredPostFactory.assessed("nophoto", .supportive, photo: false),
            StoredPostFactory.assessed("critic", .critical),
            StoredPostFactory.assessed("owner", .supportive, author: "NYPDnews"),
        ]
        _ = try await fixture.desk.ingest(ProcessedBatch(records: posts.count, assessed: posts, rejections: [], inputErrors: []))
        let drafts = try await fixture.store.outbox(campaignID: "mynypd", status: .draft, kind: .reply, limit: 10)
        #expect(drafts.map(\.postKey) == ["x:fan"])
        // Ingesting the same post again drafts nothing new.
        _ = try await fixture.desk.ingest(ProcessedBatch(records: 1, assessed: [posts[0]], rejections: [], inputErrors: []))
        #expect(try await fixture.store.outbox(campaignID: "mynypd", status: nil, kind: .reply, limit: 10).count == 1)
        // Every path into the desk is counted, not only the HTTP route.
        let metrics = fixture.hub.metrics.render()
        #expect(metrics.contains("firebreak_ingested_posts_total{campaign=\"mynypd\"} 5"))
        #expect(metrics.contains("firebreak_duplicate_posts_total{campaign=\"mynypd\"} 1"))
        let draft = try #require(drafts.first)
        try await fixture.desk.approveReply(id: draft.id, text: "Thanks, @fan — great photo!", actor: "ana")
        let approved = try #require(try await fixture.store.outboxItem(id: draft.id))
        #expect(approved.status == .queued && approved.approvedBy == "ana" && approved.payload.contains("great photo"))
        await #expect(throws: DeskError.self) { try await fixture.desk.approveReply(id: draft.id, text: nil, actor: "ana") }
    }
}
