import Firebreak
import FirebreakStore
import Foundation
import Logging

/// One campaign on the desk: takes assessed posts, runs the live monitor in event time, applies the policies and
/// the circuit breaker, and keeps everything in the store.
///
/// An actor: ingest, the replay clock and people's actions reach it from many tasks, and the monitor, the breaker
/// and the counters must change in one order. Heavy work (decoding, assessment) happens before a batch arrives here.
public actor CampaignDesk {
    /// The campaign's id in URLs.
    public nonisolated let id: String
    /// The configuration entry.
    public nonisolated let entry: DeskConfiguration.CampaignEntry
    /// Live events for the pages.
    public nonisolated let events: EventBroadcaster

    let store: any FirebreakStore
    private let analysis: CampaignAnalysis
    private var state: CampaignState
    private var eligibility: Eligibility
    private var totals: StanceTotals
    private var rejected = 0
    /// Bumped whenever what the queue shows changes by a person's or the breaker's hand (moderation, flags, the
    /// breaker), so cached queue pages are never stale after an action.
    public private(set) var queueVersion = 0
    private var closedThrough: Int?
    private var coordinated: Set<String> = []
    private var cached: (themes: [Theme], accounts: [AccountSummary], clusters: [CoordinationCluster]) = ([], [], [])
    /// When the themes, accounts and clusters were last worked out (wall time): they cost a pass over the trackers,
    /// so a fast stream refreshes them at most every few seconds rather than at every closed minute.
    private var cachedAt: Date?
    /// Minutes a late post may trail the newest before its minute is closed.
    private let lateness: Int
    private let logger: Logger
    private let metrics: DeskMetrics?
    private let now: @Sendable () -> Date

    private init(
        entry: DeskConfiguration.CampaignEntry, store: any FirebreakStore, state: CampaignState, rebuilt: RebuiltAnalysis, lateness: Int,
        metrics: DeskMetrics?, logger: Logger, now: @escaping @Sendable () -> Date
    ) {
        self.metrics = metrics
        id = entry.id
        self.entry = entry
        self.store = store
        self.state = state
        self.lateness = lateness
        self.logger = logger
        self.now = now
        events = EventBroadcaster()
        analysis = rebuilt.analysis
        totals = rebuilt.totals
        eligibility = Eligibility(campaign: entry.campaign, policy: state.policy)
    }

    /// Opens a campaign's desk: loads its stored state and rebuilds the monitor from the stored posts.
    public static func open(
        entry: DeskConfiguration.CampaignEntry, store: any FirebreakStore, lateness: Int = 1, metrics: DeskMetrics? = nil,
        logger: Logger = Logger(label: "firebreak.desk"),
        now: @escaping @Sendable () -> Date = Date.init
    ) async throws -> CampaignDesk {
        let state = try await store.state(campaignID: entry.id) ?? CampaignState(campaignID: entry.id, policy: entry.policy, updatedAt: now())
        // The stored posts go into the monitor a page at a time, before the desk exists, so memory holds one page.
        let rebuilt = RebuiltAnalysis(campaign: entry.campaign, monitor: entry.monitor)
        try await store.allPosts(campaignID: entry.id, pageSize: 5000) { page in rebuilt.add(page) }
        let desk = CampaignDesk(
            entry: entry, store: store, state: state, rebuilt: rebuilt, lateness: lateness, metrics: metrics, logger: logger, now: now)
        try await desk.finishRebuild()
        return desk
    }

    /// Closes the rebuilt minutes, so a restarted desk picks up where it stopped. Alerts already stored keep what the
    /// team did with them; the breaker keeps its stored position.
    private func finishRebuild() async throws {
        if analysis.posts > 0 { logger.info("rebuilt desk from store", metadata: ["campaign": "\(id)", "posts": "\(analysis.posts)"]) }
        if let latest = latestPostSeen { try await advance(to: latest, rebuilding: true) }
        if try await store.state(campaignID: id) == nil { try await store.save(state: state) }
    }

    /// The latest post's event time, but no later than a few minutes past the wall clock: event time drives the live
    /// monitor, which closes the minutes it passes for good, so one post dated ahead (a wrong clock, a hostile client)
    /// must not close the minutes the campaign's real posts are still to arrive in. Archive replays run far behind the
    /// wall clock and are not affected.
    private var latestPostSeen: Date? {
        analysis.latestPostAt.map { min($0, now().addingTimeInterval(Self.clockLead)) }
    }

    /// How far past the wall clock event time may run (clock skew between the platforms and this machine).
    static let clockLead: TimeInterval = 300

    // MARK: Ingest

    /// Stores a processed batch, feeds the new posts to the monitor and the policies, and closes the minutes that
    /// event time has passed. Returns only after the posts are durable.
    public func ingest(_ batch: ProcessedBatch) async throws -> IngestResult {
        let received = now()
        let (batch, undated) = Self.withoutUndated(batch)
        let inserted = try await store.insert(batch.assessed, campaignID: id, receivedAt: received)
        let fresh = Set(inserted)
        var newItems: [AssessedPost] = []
        newItems.reserveCapacity(inserted.count)
        var taken = Set<PostKey>()
        for item in batch.assessed where fresh.contains(item.post.key) && taken.insert(item.post.key).inserted {
            add(item)
            newItems.append(item)
        }
        let rejections = batch.inputErrors + batch.rejections + undated
        rejected += rejections.count
        try await applyPolicies(to: newItems)
        if let latest = latestPostSeen { try await advance(to: latest) }
        if !newItems.isEmpty {
            events.publish(
                DeskEvent.json(
                    "posts",
                    PostsEvent(
                        inserted: newItems.count, total: analysis.posts, supportive: totals.supportive, neutral: totals.neutral,
                        critical: totals.critical, sarcastic: totals.sarcastic, duplicates: analysis.duplicates, rejected: rejected,
                        latest: analysis.latestPostAt)))
        }
        let result = IngestResult(
            records: batch.records, posts: batch.assessed.count, inserted: newItems.count, duplicates: batch.assessed.count - newItems.count,
            rejected: rejections.count, rejections: Array(rejections.prefix(20)))
        // Counted here, where every source passes (replays, HTTP, connectors), not in one route.
        metrics?.increment("firebreak_ingested_posts_total", by: Double(result.inserted), labels: ["campaign": id])
        metrics?.increment("firebreak_duplicate_posts_total", by: Double(result.duplicates), labels: ["campaign": id])
        metrics?.increment("firebreak_rejected_records_total", by: Double(result.rejected), labels: ["campaign": id])
        return result
    }

    /// What a post without a time of its own (plain text, CSV without a date column) is rejected with.
    static let undatedReason =
        "no post time (plain text, or CSV without a date column): the desk places every post in event time; send posts with their times"

    /// `batch` without its posts that have no time, and their rejections. Such a post would sit at 1970 in a live
    /// campaign, and plain text's line-number ids would make it pass for another request's post of the same line.
    static func withoutUndated(_ batch: ProcessedBatch) -> (ProcessedBatch, [Rejection]) {
        guard batch.assessed.contains(where: { $0.post.createdAt == Post.undated }) else { return (batch, []) }
        var kept = batch
        var rejections: [Rejection] = []
        kept.assessed.removeAll { item in
            guard item.post.createdAt == Post.undated else { return false }
            switch item.post.origin {
            case .file(let file, let record): rejections.append(Rejection(file: file, record: record, reason: undatedReason))
            case .stream(let name, let cursor): rejections.append(Rejection(file: "\(name)@\(cursor)", record: 0, reason: undatedReason))
            case nil: rejections.append(Rejection(file: "post \(item.post.nativeID)", record: 0, reason: undatedReason))
            }
            return true
        }
        return (kept, rejections)
    }

    private func add(_ item: AssessedPost) {
        if analysis.add(item) { totals.add(item.assessment) }
    }

    /// Closes every minute that ends `lateness` minutes before `time`, saving them, raising their alerts and moving
    /// the breaker. The replay clock calls this as event time passes even when no post arrives.
    public func advance(to time: Date) async throws {
        try await advance(to: time, rebuilding: false)
    }

    private func advance(to time: Date, rebuilding: Bool) async throws {
        let minute = Int((time.timeIntervalSince1970 / 60).rounded(.down)) - lateness
        let closed = analysis.closeMinutes(before: minute)
        guard !closed.isEmpty else { return }
        closedThrough = closed.last!.figures.minute
        try await store.save(
            minutes: closed.map {
                MinuteRow(
                    campaignID: id, minute: $0.figures.minute, posts: $0.figures.posts, supportive: $0.figures.supportive,
                    neutral: $0.figures.neutral, critical: $0.figures.critical, sarcastic: $0.figures.sarcastic, offensive: $0.figures.offensive,
                    health: $0.health.rawValue)
            })
        if rebuilding || closed.contains(where: { !$0.alerts.isEmpty }) || cachedAt.map({ now().timeIntervalSince($0) >= 5 }) ?? true {
            refreshCache()
        }
        for minute in closed {
            let endOfMinute = Date(timeIntervalSince1970: TimeInterval((minute.figures.minute + 1) * 60))
            for alert in minute.alerts {
                if rebuilding, try await store.alert(campaignID: id, id: alert.id) != nil { continue }
                try await store.save(alert: AlertRecord(campaignID: id, alert: alert))
                try await audit("monitor", "alert.raise", alert.id, "\(alert.kind.rawValue) \(alert.level.rawValue): \(alert.summary)")
                try await notify(.alert(alert))
                events.publish(
                    DeskEvent.json("alert", AlertEvent(id: alert.id, kind: alert.kind.rawValue, level: alert.level.rawValue, summary: alert.summary)))
            }
            if !rebuilding, let change = state.breaker.observe(minute.health, at: endOfMinute) {
                try await breakerChanged(change)
            }
            if !rebuilding {
                events.publish(
                    DeskEvent.json(
                        "minute",
                        MinuteEvent(
                            minute: minute.figures.minute, posts: minute.figures.posts, supportive: minute.figures.supportive,
                            neutral: minute.figures.neutral, critical: minute.figures.critical, health: minute.health.rawValue)))
            }
        }
    }

    private func refreshCache() {
        cachedAt = now()
        let clusters = analysis.currentClusters()
        cached = (analysis.currentThemes(), analysis.leadingAccounts(), clusters)
        coordinated = Set(clusters.flatMap(\.accounts).map { $0.lowercased().trimmingPrefix("@") }.map(String.init))
    }

    private var flagged: Set<String> { coordinated.union(state.flaggedAuthors) }

    // MARK: Policies

    /// Drafts thank-you replies for eligible posts and auto-approves clearly eligible ones, as the policy allows.
    private func applyPolicies(to items: [AssessedPost]) async throws {
        guard !items.isEmpty else { return }
        let flagged = self.flagged
        var autoApproved: [PostKey] = []
        for item in items {
            let (post, assessment) = (item.post, item.assessment)
            guard eligibility.replyBlockers(post, assessment, flagged: flagged).isEmpty else { continue }
            let key = post.key.description
            if try await !store.hasOutboxItem(campaignID: id, kind: .reply, postKey: key) {
                let text = ReplyTemplate.render(state.policy.replyTemplate, handle: post.author.handle, campaign: entry.campaign.name)
                let auto = state.policy.autoReply && !state.breaker.repliesPaused
                let payload = ReplyPayload(inReplyTo: post.nativeID, platform: post.platform.rawValue, handle: post.author.handle, text: text)
                _ = try await store.enqueue(
                    OutboxItem(
                        campaignID: id, kind: .reply, status: auto ? .queued : .draft, postKey: key, payload: payload.json,
                        approvedBy: auto ? "auto" : nil, createdAt: now()))
            }
            if state.policy.autoApprove && state.breaker.autoApprovalAllowed
                && eligibility.autoApprovalBlockers(post, assessment, flagged: flagged).isEmpty
            {
                autoApproved.append(post.key)
            }
        }
        if !autoApproved.isEmpty { _ = try await moderate(keys: autoApproved, status: .approved, actor: "auto") }
    }

    // MARK: Moderation

    /// Sets posts' moderation status. Approved posts are featured at once unless the gallery is frozen (they go out
    /// when it thaws); rejected or held posts leave the gallery. Returns how many posts changed.
    public func moderate(keys: [PostKey], status: ModerationStatus, actor: String) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        queueVersion += 1
        let changed = try await store.setModeration(campaignID: id, keys: keys, status: status, actor: actor, at: now())
        switch status {
        case .approved:
            if !state.breaker.galleryFrozen { try await feature(keys) }
        case .rejected, .held, .pending:
            _ = try await store.setFeatured(campaignID: id, keys: keys, at: nil)
        }
        for key in keys.prefix(200) { try await audit(actor, "moderation.\(status.rawValue)", key.description, "") }
        if keys.count > 200 { try await audit(actor, "moderation.\(status.rawValue)", "\(keys.count - 200) more posts", "") }
        events.publish(DeskEvent.json("moderation", ModerationEvent(status: status.rawValue, count: changed)))
        return changed
    }

    /// Puts approved posts into the gallery and queues their Facebook photo posts (dry-run without credentials).
    private func feature(_ keys: [PostKey]) async throws {
        let at = now()
        var toFeature: [PostKey] = []
        for key in keys {
            guard let stored = try await store.post(campaignID: id, key: key), stored.moderation == .approved, stored.featuredAt == nil else {
                continue
            }
            toFeature.append(key)
            guard let photo = stored.post.media.first(where: { $0.kind == .photo })?.url,
                try await !store.hasOutboxItem(campaignID: id, kind: .facebookPhoto, postKey: key.description)
            else { continue }
            let caption = "\(stored.post.text)\n\n— @\(stored.post.author.handle)"
            let payload = FacebookPhotoPayload(pageID: entry.facebook?.pageID, url: photo, caption: String(caption.prefix(2000)))
            _ = try await store.enqueue(
                OutboxItem(campaignID: id, kind: .facebookPhoto, status: .queued, postKey: key.description, payload: payload.json, createdAt: at))
        }
        _ = try await store.setFeatured(campaignID: id, keys: toFeature, at: at)
    }

    /// Flags or unflags an author (no thanks, no auto-approval).
    public func setFlag(handle: String, flagged: Bool, actor: String) async throws {
        let normalised = handle.lowercased().trimmingPrefix("@").trimmingCharacters(in: .whitespaces)
        guard !normalised.isEmpty, normalised.count <= 64 else { throw DeskError.invalid("a handle is 1 to 64 characters") }
        var list = Set(state.flaggedAuthors)
        if flagged { list.insert(normalised) } else { list.remove(normalised) }
        state.flaggedAuthors = list.sorted()
        queueVersion += 1
        try await saveState()
        try await audit(actor, flagged ? "author.flag" : "author.unflag", normalised, "")
    }

    // MARK: Replies and outbox

    /// A person approves a reply draft (it is sent when replies are not paused, under the rate limit).
    public func approveReply(id itemID: Int64, text: String?, actor: String) async throws {
        guard var item = try await store.outboxItem(id: itemID), item.campaignID == id, item.kind == .reply else { throw DeskError.notFound }
        guard item.status == .draft else { throw DeskError.conflict("the reply is \(item.status.rawValue), not a draft") }
        if let text {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...280).contains(trimmed.count) else { throw DeskError.invalid("a reply is 1 to 280 characters") }
            if var payload = ReplyPayload.decode(item.payload) {
                payload.text = trimmed
                item.payload = payload.json
            }
        }
        item.status = .queued
        item.approvedBy = actor
        item.updatedAt = now()
        try await store.update(item)
        try await audit(actor, "reply.approve", "outbox \(itemID)", item.postKey ?? "")
        events.publish(DeskEvent.json("outbox", OutboxEvent(id: itemID, status: item.status.rawValue)))
    }

    /// A person withdraws an outbox item that has not gone out.
    public func cancelOutbox(id itemID: Int64, actor: String) async throws {
        guard var item = try await store.outboxItem(id: itemID), item.campaignID == id else { throw DeskError.notFound }
        guard item.status == .draft || item.status == .queued else { throw DeskError.conflict("the item is \(item.status.rawValue)") }
        item.status = .cancelled
        item.updatedAt = now()
        try await store.update(item)
        try await audit(actor, "outbox.cancel", "outbox \(itemID)", item.kind.rawValue)
        events.publish(DeskEvent.json("outbox", OutboxEvent(id: itemID, status: item.status.rawValue)))
    }

    /// Whether outgoing items of this kind may go out now (notifications always may).
    public func mayDispatch(_ kind: OutboxItem.Kind) -> Bool {
        switch kind {
        case .reply: !state.breaker.repliesPaused
        case .facebookPhoto: !state.breaker.galleryFrozen
        case .webhook, .slack: true
        }
    }

    // MARK: Breaker

    /// A person overrides a tripped breaker.
    public func overrideBreaker(actor: String, reason: String) async throws {
        guard let change = state.breaker.override(by: actor, reason: reason, health: analysis.liveHealth, at: now()) else {
            throw DeskError.conflict("the breaker is not tripped")
        }
        try await breakerChanged(change)
    }

    /// A person trips the breaker by hand.
    public func tripBreaker(actor: String, reason: String) async throws {
        guard let change = state.breaker.trip(by: actor, reason: reason, health: analysis.liveHealth, at: now()) else {
            throw DeskError.conflict("the breaker is already tripped")
        }
        try await breakerChanged(change)
    }

    /// A person re-arms the breaker.
    public func rearmBreaker(actor: String, reason: String) async throws {
        guard let change = state.breaker.rearm(by: actor, reason: reason, health: analysis.liveHealth, at: now()) else {
            throw DeskError.conflict("the breaker is already armed")
        }
        try await breakerChanged(change)
    }

    private func breakerChanged(_ change: BreakerEvent) async throws {
        queueVersion += 1
        try await saveState()
        try await audit(change.actor, "breaker.\(change.kind.rawValue)", id, change.note)
        if change.kind == .tripped && state.policy.pullBackMinutes > 0 {
            // "The last N minutes" of the campaign, in event time: posts created in the N minutes before the trip (the
            // monitor's trip carries the event time of the minute that tripped it; a person's, the newest post's).
            let reference = change.actor == "monitor" ? change.at : analysis.latestPostAt ?? now()
            let since = reference.addingTimeInterval(-Double(state.policy.pullBackMinutes) * 60)
            let recent = try await allPosts(PostQuery(since: since, featured: true, limit: 1000))
            if !recent.isEmpty {
                _ = try await store.setFeatured(campaignID: id, keys: recent.map(\.post.key), at: nil)
                try await audit(
                    "monitor", "gallery.pull_back", id, "\(recent.count) featured posts from the last \(state.policy.pullBackMinutes) minutes")
            }
        }
        if !state.breaker.galleryFrozen {
            // Thawed: what was approved while frozen goes out now.
            try await feature(try await allPosts(PostQuery(moderation: .approved, featured: false, limit: 1000)).map(\.post.key))
        }
        try await notify(.breaker(change))
        events.publish(
            DeskEvent.json(
                "breaker",
                BreakerStateEvent(state: state.breaker.state.rawValue, health: change.health.rawValue, actor: change.actor, note: change.note)))
    }

    /// Every post matching a query, page by page (the gallery and the approved backlog are a person's work, so
    /// bounded by what people approve).
    private func allPosts(_ query: PostQuery) async throws -> [StoredPost] {
        var query = query
        var all: [StoredPost] = []
        while true {
            let page = try await store.posts(campaignID: id, matching: query)
            all += page
            guard page.count == query.limit, let last = page.last else { return all }
            query.before = (last.post.createdAt, last.sequence)
        }
    }

    // MARK: Settings

    /// Replaces the policy (after checking it).
    public func updatePolicy(_ policy: DeskPolicy, actor: String) async throws {
        let problems = policy.problems
        guard problems.isEmpty else { throw DeskError.invalid(problems.joined(separator: "; ")) }
        let old = state.policy
        state.policy = policy
        eligibility = Eligibility(campaign: entry.campaign, policy: policy)
        try await saveState()
        try await audit(actor, "settings.policy", id, Self.describeChange(old, policy))
    }

    private static func describeChange(_ old: DeskPolicy, _ new: DeskPolicy) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let a = (try? JSONSerialization.jsonObject(with: encoder.encode(old))) as? [String: Any] ?? [:]
        let b = (try? JSONSerialization.jsonObject(with: encoder.encode(new))) as? [String: Any] ?? [:]
        return b.keys.sorted().compactMap { key in
            "\(a[key] ?? "")" == "\(b[key] ?? "")" ? nil : "\(key): \(a[key] ?? "") → \(b[key] ?? "")"
        }.joined(separator: ", ")
    }

    // MARK: Alerts

    /// Acknowledges, resolves or annotates an alert.
    public func updateAlert(id alertID: String, action: AlertAction, actor: String) async throws {
        guard var record = try await store.alert(campaignID: id, id: alertID) else { throw DeskError.notFound }
        switch action {
        case .acknowledge:
            guard record.status == .open else { throw DeskError.conflict("the alert is \(record.status.rawValue)") }
            record.status = .acknowledged
            record.acknowledgedBy = actor
        case .resolve:
            guard record.status != .resolved else { throw DeskError.conflict("the alert is already resolved") }
            record.status = .resolved
            record.resolvedBy = actor
        case .annotate(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...2000).contains(trimmed.count) else { throw DeskError.invalid("a note is 1 to 2000 characters") }
            record.notes.append(AlertRecord.Note(author: actor, text: trimmed, at: now()))
        }
        try await store.save(alert: record)
        try await audit(actor, "alert.\(action.name)", alertID, action.detail)
    }

    // MARK: Reading

    /// The overview's figures.
    public func snapshot() -> DeskSnapshot {
        DeskSnapshot(
            campaignID: id, campaign: entry.campaign, health: analysis.liveHealth, breaker: state.breaker, policy: state.policy,
            posts: analysis.posts, duplicates: analysis.duplicates, rejected: rejected, supportive: totals.supportive, neutral: totals.neutral,
            critical: totals.critical, sarcastic: totals.sarcastic, latestPostAt: analysis.latestPostAt,
            closedThrough: closedThrough.map { Date(timeIntervalSince1970: TimeInterval(($0 + 1) * 60)) }, themes: cached.themes,
            accounts: cached.accounts, clusters: cached.clusters, flagged: flagged.sorted())
    }

    /// Why a post may not be thanked, and the cautions before approving it.
    public func review(_ stored: StoredPost) -> (replyBlockers: [String], warnings: [String]) {
        let flagged = self.flagged
        return (
            eligibility.replyBlockers(stored.post, stored.assessment, flagged: flagged),
            eligibility.moderationWarnings(stored.post, stored.assessment, flagged: flagged)
        )
    }

    /// The current policy.
    public var policy: DeskPolicy { state.policy }

    /// The handles a person flagged (the snapshot's `flagged` also holds coordinated accounts).
    public var manualFlags: [String] { state.flaggedAuthors }

    // MARK: Helpers

    private func saveState() async throws {
        state.updatedAt = now()
        try await store.save(state: state)
    }

    private func audit(_ actor: String, _ action: String, _ subject: String, _ detail: String) async throws {
        try await store.append(audit: AuditEntry(at: now(), actor: actor, campaignID: id, action: action, subject: subject, detail: detail))
    }

    private func notify(_ notification: DeskNotification) async throws {
        let at = now()
        if let url = entry.notify.webhook {
            _ = try await store.enqueue(
                OutboxItem(
                    campaignID: id, kind: .webhook, status: .queued, payload: notification.webhookJSON(campaign: entry), destination: url,
                    createdAt: at))
        }
        if let url = entry.notify.slack {
            _ = try await store.enqueue(
                OutboxItem(
                    campaignID: id, kind: .slack, status: .queued, payload: notification.slackJSON(campaign: entry), destination: url, createdAt: at))
        }
    }
}

/// Stance counts of the posts kept.
struct StanceTotals: Sendable {
    var supportive = 0
    var neutral = 0
    var critical = 0
    var sarcastic = 0

    mutating func add(_ assessment: Assessment) {
        switch assessment.stance {
        case .supportive: supportive += 1
        case .neutral: neutral += 1
        case .critical: critical += 1
        }
        if assessment.isSarcastic { sarcastic += 1 }
    }
}

/// The monitor being rebuilt from the store's pages before its desk exists.
private final class RebuiltAnalysis: @unchecked Sendable {
    // Unchecked: the store calls `add` one page at a time inside one read, and the desk takes the analysis over
    // only after the last page; nothing touches it concurrently.
    let analysis: CampaignAnalysis
    private(set) var totals = StanceTotals()

    init(campaign: Campaign, monitor: MonitorConfiguration) { analysis = CampaignAnalysis(campaign: campaign, configuration: monitor) }

    func add(_ page: [StoredPost]) {
        for stored in page where analysis.add(AssessedPost(post: stored.post, assessment: stored.assessment)) {
            totals.add(stored.assessment)
        }
    }
}
