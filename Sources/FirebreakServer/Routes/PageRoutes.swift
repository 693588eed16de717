import Firebreak
import FirebreakStore
import Foundation
import Hummingbird

/// The desk's pages. Each needs a session (else a redirect to the login page) with at least the viewer role.
struct PageRoutes {
    let hub: DeskHub

    func register(on router: Router<DeskRequestContext>) {
        router.get("/") { _, context -> Response in
            try await page(context, active: "campaigns", campaign: false) { pageContext, _ in
                var snapshots: [DeskSnapshot] = []
                for (id, _) in hub.campaignList { if let desk = hub.desks[id] { snapshots.append(await desk.snapshot()) } }
                return CampaignListPage.render(context: pageContext, snapshots: snapshots)
            }
        }
        router.get("/campaigns/:id") { _, context -> Response in
            try await page(context, active: "overview") { pageContext, desk in
                let snapshot = await desk.snapshot()
                let end = snapshot.closedThrough.map { Int($0.timeIntervalSince1970 / 60) } ?? 0
                let minutes = try await hub.store.minutes(campaignID: desk.id, from: end - 240, to: end + 1)
                let alerts = try await hub.store.alerts(campaignID: desk.id)
                return OverviewPage.render(context: pageContext, snapshot: snapshot, minutes: minutes, alerts: alerts)
            }
        }
        router.get("/campaigns/:id/posts") { request, context -> Response in
            try await page(context, active: "posts") { pageContext, desk in
                let parameters = request.uri.queryParameters
                let filter = try PostFilter(parameters)
                let query = filter.query(limit: 50)
                let posts = hub.explained(try await hub.store.posts(campaignID: desk.id, matching: query), campaignID: desk.id)
                let shown = PostsPageFilter(
                    stance: filter.raw["stance"], sarcastic: filter.raw["sarcastic"], media: filter.raw["media"], author: filter.raw["author"],
                    since: filter.raw["since"], until: filter.raw["until"], q: filter.raw["q"])
                return PostsPage.render(
                    context: pageContext, campaignID: desk.id, posts: posts, filter: shown,
                    olderCursor: posts.count == query.limit ? posts.last.map(PostCursor.encode) : nil, flagged: await desk.snapshot().flagged)
            }
        }
        router.get("/campaigns/:id/queue") { request, context -> Response in
            try await page(context, active: "queue") { pageContext, desk in
                let statusName = request.uri.queryParameters.get("status") ?? "pending"
                guard let status = ModerationStatus(rawValue: statusName) else { throw DeskError.invalid("unknown status \(statusName.prefix(40))") }
                var query = PostQuery(moderation: status, limit: 50)
                if let cursor = request.uri.queryParameters.get("before") {
                    guard let decoded = PostCursor.decode(cursor) else { throw DeskError.invalid("before is not a cursor this server made") }
                    query.before = decoded
                }
                let cursor: String = request.uri.queryParameters.get("before") ?? ""
                let key = "\(desk.id)|\(await desk.queueVersion)|\(status.rawValue)|\(cursor)"
                let data = try await hub.queueCache.value(key) { [query] in
                    let posts = hub.explained(try await hub.store.posts(campaignID: desk.id, matching: query), campaignID: desk.id)
                    var counts: [ModerationStatus: Int] = [:]
                    for s in ModerationStatus.allCases { counts[s] = try await hub.store.count(campaignID: desk.id, matching: PostQuery(moderation: s)) }
                    var entries: [QueueEntry] = []
                    for stored in posts {
                        let review = await desk.review(stored)
                        entries.append(QueueEntry(post: stored, warnings: review.warnings, replyBlockers: review.replyBlockers))
                    }
                    let snapshot = await desk.snapshot()
                    return QueuePageData(
                        entries: entries, counts: counts, galleryFrozen: snapshot.breaker.galleryFrozen, flagged: snapshot.flagged,
                        olderCursor: posts.count == query.limit ? posts.last.map(PostCursor.encode) : nil)
                }
                return QueuePage.render(
                    context: pageContext, campaignID: desk.id, status: status, counts: data.counts, entries: data.entries,
                    galleryFrozen: data.galleryFrozen, olderCursor: data.olderCursor, flagged: data.flagged)
            }
        }
        router.get("/campaigns/:id/replies") { _, context -> Response in
            try await page(context, active: "replies") { pageContext, desk in
                let items = try await hub.store.outbox(campaignID: desk.id, status: nil, kind: .reply, limit: 200)
                let snapshot = await desk.snapshot()
                let hourAgo = Date().addingTimeInterval(-3600)
                let sent = items.filter { ($0.status == .sent || $0.status == .dryRun) && $0.updatedAt >= hourAgo }.count
                return RepliesPage.render(
                    context: pageContext, campaignID: desk.id, items: items, policy: snapshot.policy, breaker: snapshot.breaker, sentLastHour: sent)
            }
        }
        router.get("/campaigns/:id/outbox") { _, context -> Response in
            try await page(context, active: "outbox") { pageContext, desk in
                OutboxPage.render(
                    context: pageContext, campaignID: desk.id, items: try await hub.store.outbox(campaignID: desk.id, status: nil, kind: nil, limit: 300))
            }
        }
        router.get("/campaigns/:id/alerts") { _, context -> Response in
            try await page(context, active: "alerts") { pageContext, desk in
                AlertsPage.render(context: pageContext, campaignID: desk.id, alerts: try await hub.store.alerts(campaignID: desk.id))
            }
        }
        router.get("/campaigns/:id/settings") { _, context -> Response in
            try await page(context, active: "settings") { pageContext, desk in
                SettingsPage.render(
                    context: pageContext, snapshot: await desk.snapshot(), personFlags: await desk.manualFlags,
                    monitor: MonitorSettings.values(desk.entry.monitor))
            }
        }
        router.get("/campaigns/:id/audit") { _, context -> Response in
            try await page(context, active: "audit") { pageContext, desk in
                AuditPage.render(context: pageContext, campaignID: desk.id, entries: try await hub.store.audit(campaignID: desk.id, limit: 500))
            }
        }
    }

    /// Renders a page for a logged-in viewer, or redirects to the login page.
    private func page(
        _ context: DeskRequestContext, active: String, campaign: Bool = true, _ render: (PageContext, CampaignDesk) async throws -> String
    ) async throws -> Response {
        guard let user = context.user, let session = context.session else { return Responses.redirect("/login") }
        let desk: CampaignDesk
        if campaign {
            guard let id = context.parameters.get("id"), let found = hub.desks[id] else {
                return Responses.html(ErrorPage.render(status: 404, message: "There is no such campaign."), status: .notFound)
            }
            desk = found
        } else {
            guard let first = hub.campaignList.first.flatMap({ hub.desks[$0.id] }) else {
                return Responses.html(ErrorPage.render(status: 404, message: "No campaigns are configured."), status: .notFound)
            }
            desk = first
        }
        let pageContext = PageContext(
            user: user.name, role: user.role, csrfToken: session.csrfToken, campaigns: hub.campaignList.map { PageCampaign(id: $0.id, name: $0.name) },
            campaignID: campaign ? desk.id : nil, active: active)
        do {
            return Responses.html(try await render(pageContext, desk))
        } catch let error as DeskError {
            return Responses.html(ErrorPage.render(status: Int(Responses.status(of: error).code), message: error.description), status: Responses.status(of: error))
        }
    }
}
