import Firebreak
import FirebreakStore
import Foundation
import HTTPTypes
import Hummingbird

/// The JSON API under `/api` (described by `/api/openapi.json`). Reads need a session with the viewer role; writes
/// need the moderator role and the session's CSRF token in `X-CSRF-Token`.
struct APIRoutes {
    let hub: DeskHub

    func register(on router: Router<DeskRequestContext>) {
        router.get("/api/campaigns") { _, context -> Response in
            _ = try context.require(.viewer)
            var list: [CampaignSummaryJSON] = []
            for (id, _) in hub.campaignList {
                guard let desk = hub.desks[id] else { continue }
                list.append(CampaignSummaryJSON(await desk.snapshot()))
            }
            return Responses.json(["campaigns": list])
        }
        router.get("/api/campaigns/:id") { _, context -> Response in
            _ = try context.require(.viewer)
            let desk = try hub.desk(context)
            return Responses.json(SnapshotJSON(await desk.snapshot()))
        }
        router.get("/api/campaigns/:id/timeline") { request, context -> Response in
            _ = try context.require(.viewer)
            let desk = try hub.desk(context)
            return Responses.json(try await timeline(desk, minutes: request.uri.queryParameters.get("minutes").flatMap(Int.init) ?? 240))
        }
        router.get("/api/campaigns/:id/posts") { request, context -> Response in
            _ = try context.require(.viewer)
            let desk = try hub.desk(context)
            let query = try PostFilter(request.uri.queryParameters).query(limit: 50)
            let posts = hub.explained(try await hub.store.posts(campaignID: desk.id, matching: query), campaignID: desk.id)
            let next = posts.count == query.limit ? posts.last.map(PostCursor.encode) : nil
            return Responses.json(PostPageJSON(posts: posts.map(PostJSON.init), next: next))
        }
        router.get("/api/campaigns/:id/alerts") { _, context -> Response in
            _ = try context.require(.viewer)
            let desk = try hub.desk(context)
            return Responses.json(["alerts": try await hub.store.alerts(campaignID: desk.id).map(AlertJSON.init)])
        }
        router.get("/api/campaigns/:id/outbox") { request, context -> Response in
            _ = try context.require(.viewer)
            let desk = try hub.desk(context)
            let status = request.uri.queryParameters.get("status").flatMap(OutboxItem.Status.init(rawValue:))
            let kind = request.uri.queryParameters.get("kind").flatMap(OutboxItem.Kind.init(rawValue:))
            return Responses.json(["items": try await hub.store.outbox(campaignID: desk.id, status: status, kind: kind, limit: 200)])
        }
        router.post("/api/campaigns/:id/moderation") { request, context -> Response in
            let user = try context.require(.moderator)
            try context.checkCSRF(request.headers[HTTPField.Name("X-CSRF-Token")!])
            let desk = try hub.desk(context)
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            guard let decoded = try? DeskJSON.decoder().decode(ModerationRequest.self, from: Data(buffer: body)) else {
                return Responses.error(.badRequest, "expected {\"keys\": [\"platform:id\", ...], \"status\": \"approved|rejected|held|pending\"}")
            }
            guard let status = ModerationStatus(rawValue: decoded.status) else { return Responses.error(.badRequest, "unknown status \"\(decoded.status)\"") }
            guard (1...1000).contains(decoded.keys.count) else { return Responses.error(.badRequest, "send 1 to 1000 keys") }
            let keys = try decoded.keys.map { text -> PostKey in
                guard let key = PostKey(parsing: text) else { throw HTTPError(.badRequest, message: "\"\(text.prefix(80))\" is not a post key (platform:id)") }
                return key
            }
            let changed = try await desk.moderate(keys: keys, status: status, actor: user.name)
            return Responses.json(["changed": changed])
        }
    }

    private func timeline(_ desk: CampaignDesk, minutes: Int) async throws -> TimelineJSON {
        let snapshot = await desk.snapshot()
        let span = min(max(minutes, 10), 7 * 24 * 60)
        let end = snapshot.closedThrough.map { Int($0.timeIntervalSince1970 / 60) } ?? 0
        let rows = try await hub.store.minutes(campaignID: desk.id, from: end - span, to: end + 1)
        let alerts = try await hub.store.alerts(campaignID: desk.id)
        return TimelineJSON(
            minutes: rows.map { TimelineJSON.Minute(minute: $0.minute, posts: $0.posts, supportive: $0.supportive, neutral: $0.neutral, critical: $0.critical, health: $0.health) },
            alerts: alerts.map { TimelineJSON.AlertMark(id: $0.alert.id, raisedAt: $0.alert.raisedAt, kind: $0.alert.kind.rawValue, level: $0.alert.level.rawValue) })
    }
}

/// `{"keys": [...], "status": "..."}`.
private struct ModerationRequest: Decodable {
    var keys: [String]
    var status: String
}

/// One page of posts and the cursor to the next.
struct PostPageJSON: Encodable {
    var posts: [PostJSON]
    var next: String?
}

/// The timeline the overview chart draws.
struct TimelineJSON: Encodable {
    /// A closed minute, the same shape the live `minute` event carries.
    typealias Minute = MinuteEvent

    struct AlertMark: Encodable {
        var id: String
        var raisedAt: Date
        var kind: String
        var level: String
    }

    var minutes: [Minute]
    var alerts: [AlertMark]
}

/// A campaign in the list.
struct CampaignSummaryJSON: Encodable {
    var id: String
    var name: String
    var health: String
    var breaker: String
    var posts: Int

    init(_ s: DeskSnapshot) {
        id = s.campaignID
        name = s.campaign.name
        health = s.health.rawValue
        breaker = s.breaker.state.rawValue
        posts = s.posts
    }
}

/// The overview's figures as JSON.
struct SnapshotJSON: Encodable {
    struct ThemeJSON: Encodable {
        var terms: [String]
        var posts: Int
        var firstSeen: Date
    }

    struct AccountJSON: Encodable {
        var handle: String
        var posts: Int
        var critical: Int
        var role: String
    }

    struct ClusterJSON: Encodable {
        var kind: String
        var accounts: [String]
        var posts: Int
        var shared: String
    }

    var id: String
    var name: String
    var health: String
    var breaker: String
    var galleryFrozen: Bool
    var repliesPaused: Bool
    var autoApproval: Bool
    var posts: Int
    var duplicates: Int
    var rejected: Int
    var supportive: Int
    var neutral: Int
    var critical: Int
    var sarcastic: Int
    var latestPostAt: Date?
    var themes: [ThemeJSON]
    var accounts: [AccountJSON]
    var clusters: [ClusterJSON]

    init(_ s: DeskSnapshot) {
        id = s.campaignID
        name = s.campaign.name
        health = s.health.rawValue
        breaker = s.breaker.state.rawValue
        galleryFrozen = s.breaker.galleryFrozen
        repliesPaused = s.breaker.repliesPaused
        autoApproval = s.policy.autoApprove && s.breaker.autoApprovalAllowed
        posts = s.posts
        duplicates = s.duplicates
        rejected = s.rejected
        supportive = s.supportive
        neutral = s.neutral
        critical = s.critical
        sarcastic = s.sarcastic
        latestPostAt = s.latestPostAt
        themes = s.themes.map { ThemeJSON(terms: $0.terms, posts: $0.posts, firstSeen: $0.firstSeen) }
        accounts = s.accounts.map { AccountJSON(handle: $0.handle, posts: $0.posts, critical: $0.critical, role: $0.role) }
        clusters = s.clusters.map { ClusterJSON(kind: $0.kind, accounts: $0.accounts, posts: $0.posts, shared: $0.shared) }
    }
}

/// An alert as JSON.
struct AlertJSON: Encodable {
    var id: String
    var kind: String
    var level: String
    var raisedAt: Date
    var onsetEstimate: Date?
    var summary: String
    var figures: [String: Double]
    var themes: [String]
    var accounts: [String]
    var examplePostIds: [String]
    var recommendedActions: [String]
    var status: String
    var acknowledgedBy: String?
    var resolvedBy: String?
    var notes: [AlertRecord.Note]

    init(_ r: AlertRecord) {
        id = r.alert.id
        kind = r.alert.kind.rawValue
        level = r.alert.level.rawValue
        raisedAt = r.alert.raisedAt
        onsetEstimate = r.alert.onsetEstimate
        summary = r.alert.summary
        figures = r.alert.figures
        themes = r.alert.themes
        accounts = r.alert.accounts
        examplePostIds = r.alert.examplePostIDs
        recommendedActions = r.alert.recommendedActions
        status = r.status.rawValue
        acknowledgedBy = r.acknowledgedBy
        resolvedBy = r.resolvedBy
        notes = r.notes
    }
}
