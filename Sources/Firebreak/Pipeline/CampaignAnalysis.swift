import Foundation

/// The engine behind `analyze` and the live desk: keeps each post once, aggregates it into event-time
/// minute buckets and trackers, and runs the health monitor over the minutes in order.
///
/// Adding a post is O(1) amortised and independent of arrival order; `report` replays the closed minutes
/// through the monitor, so an archive gives the alerts a live run would have given.
public final class CampaignAnalysis {
    /// The campaign.
    public let campaign: Campaign
    /// The monitor thresholds.
    public let configuration: MonitorConfiguration

    private var deduplicator = PostDeduplicator()
    /// Minute buckets keyed by the minute's number as a fingerprint (no SipHash per post).
    private var buckets = FingerprintTable<MinuteBucket>(capacity: 1024)
    private var authors = HyperLogLog()
    private var accounts: AccountTracker
    private var themes: ThemeTracker
    private var coordination = CoordinationTracker()
    private var examples: ExampleCollector
    private let extractor: TermExtractor
    private var totals = (supportive: 0, neutral: 0, critical: 0, sarcastic: 0)
    private var firstPostAt: Date?
    private var lastPostAt: Date?
    /// Distinct posts kept.
    public private(set) var posts = 0
    /// Sightings of posts already kept (overlapping archives, reposts carrying their original).
    public private(set) var duplicates = 0
    /// The live monitor, fed one minute at a time as event time advances (nil until the first minute closes).
    private var live: HealthMonitor?
    /// The next minute the live monitor has not read.
    private var liveNextMinute: Int?

    /// Creates an empty analysis.
    public init(campaign: Campaign, configuration: MonitorConfiguration = MonitorConfiguration()) {
        self.campaign = campaign
        self.configuration = configuration
        accounts = AccountTracker(campaign: campaign)
        themes = ThemeTracker(campaign: campaign)
        examples = ExampleCollector(campaign: campaign)
        extractor = TermExtractor(campaign: campaign)
    }

    /// Adds one assessed post; returns false (and counts a duplicate) when the post was already kept.
    @discardableResult
    public func add(_ item: borrowing AssessedPost) -> Bool {
        let features = item.features ?? extractor.features(of: item.post)
        guard deduplicator.insert(fingerprint: features.keyHash) else {
            duplicates += 1
            return false
        }
        posts += 1
        let createdAt = item.post.createdAt
        let minute = Int((createdAt.timeIntervalSince1970 / 60).rounded(.down))
        let authorHash = features.authorHash
        buckets.update(UInt64(bitPattern: Int64(minute)), insert: { MinuteBucket(minute: minute) }) { $0.add(item, authorHash: authorHash) }
        authors.insert(hash: authorHash)
        accounts.add(item, authorHash: authorHash, minute: minute)
        themes.add(item, terms: features.terms)
        coordination.add(item.post, textFingerprint: features.textFingerprint)
        examples.add(item, byOwner: features.byOwner)
        switch item.assessment.stance {
        case .supportive: totals.supportive += 1
        case .neutral: totals.neutral += 1
        case .critical: totals.critical += 1
        }
        if item.assessment.isSarcastic { totals.sarcastic += 1 }
        if firstPostAt.map({ createdAt < $0 }) ?? true { firstPostAt = createdAt }
        if lastPostAt.map({ createdAt > $0 }) ?? true { lastPostAt = createdAt }
        return true
    }

    /// Runs the monitor over every minute from the first post (or launch) to the last, in order.
    public func monitorRun() -> (health: [Int: Health], monitor: HealthMonitor) {
        guard let first = firstPostAt, let last = lastPostAt else {
            return ([:], HealthMonitor(start: campaign.launchedAt ?? Date(timeIntervalSince1970: 0), configuration: configuration))
        }
        // Posts before launch (teasers, an archive that starts early) do not move the baseline's start.
        let start = campaign.launchedAt.map { max($0, first) } ?? first
        var monitor = HealthMonitor(start: start, configuration: configuration)
        var health: [Int: Health] = [:]
        let firstMinute = Int((first.timeIntervalSince1970 / 60).rounded(.down))
        let lastMinute = Int((last.timeIntervalSince1970 / 60).rounded(.down))
        let newAuthors = accounts.newAuthorsPerMinute
        for minute in firstMinute...lastMinute {
            let figures = MinuteSummary(minute: minute, bucket: buckets[UInt64(bitPattern: Int64(minute))], newAuthors: newAuthors[minute] ?? 0)
            health[minute] = monitor.close(figures)
        }
        return (health, monitor)
    }

    /// The live monitor's health (healthy before any minute has closed).
    public var liveHealth: Health { live?.health ?? .healthy }

    /// Event time of the latest post kept.
    public var latestPostAt: Date? { lastPostAt }

    /// Closes, in order, every minute before `minute` that the live monitor has not read, and returns them with
    /// the health after each and the alerts it raised (with themes and accounts filled in as the report does).
    ///
    /// This is the desk's view: a post that arrives for a minute already closed still counts in the buckets and
    /// the report, but the live monitor does not go back. A replay of an archive in event order gives the same
    /// alerts as `report`.
    public func closeMinutes(before minute: Int) -> [ClosedMinute] {
        guard let first = firstPostAt else { return [] }
        let start = campaign.launchedAt.map { max($0, first) } ?? first
        let firstMinute = Int((first.timeIntervalSince1970 / 60).rounded(.down))
        var monitor = live ?? HealthMonitor(start: start, configuration: configuration)
        var next = liveNextMinute ?? firstMinute
        guard next < minute else { return [] }
        var closed: [ClosedMinute] = []
        let newAuthors = accounts.newAuthorsPerMinute
        while next < minute {
            let bucket = buckets[UInt64(bitPattern: Int64(next))]
            let figures = MinuteSummary(minute: next, bucket: bucket, newAuthors: newAuthors[next] ?? 0)
            let before = monitor.alerts.count
            let health = monitor.close(figures)
            var raised = Array(monitor.alerts[before...])
            if !raised.isEmpty {
                let (themeList, critics) = (themes.themes(), accounts.leadingCritics())
                raised = raised.map { Self.enrich($0, themes: themeList, critics: critics) }
            }
            closed.append(ClosedMinute(figures: figures, health: health, alerts: raised))
            next += 1
        }
        live = monitor
        liveNextMinute = next
        return closed
    }

    /// Fills an alert's themes and leading accounts from the trackers when the detector left them empty.
    /// Adds the run's themes (those seen by the time it was raised) and leading critics to an alert that has none.
    private static func enrich(_ alert: Alert, themes: [Theme], critics: [String]) -> Alert {
        var alert = alert
        if alert.themes.isEmpty {
            alert.themes = Array(themes.filter { $0.firstSeen <= alert.raisedAt }.prefix(5).flatMap(\.terms).prefix(10))
        }
        if alert.accounts.isEmpty { alert.accounts = critics }
        return alert
    }

    /// The emerging themes so far.
    public func currentThemes(limit: Int = 8) -> [Theme] { themes.themes(limit: limit) }

    /// The leading accounts so far.
    public func leadingAccounts(limit: Int = 25) -> [AccountSummary] { accounts.leading(limit: limit) }

    /// Coordination clusters so far.
    public func currentClusters(limit: Int = 20) -> [CoordinationCluster] { coordination.clusters(limit: limit) }

    /// Builds the report. `input` describes what was read; its `posts` and `duplicates` are filled in here.
    public func report(input: InputSummary, generatedBy: String, timelineBuckets: Int = 480) -> CampaignReport {
        let (healthByMinute, replayed) = monitorRun()
        var monitor = replayed
        var input = input
        input.posts = posts
        input.duplicates = duplicates
        let themeList = themes.themes()
        let clusters = coordination.clusters()
        if let last = lastPostAt { monitor.closeRun(themes: themeList, clusters: clusters, lastPostAt: last) }
        // Worked out once: every alert gets the same run-wide themes and critics.
        let critics = accounts.leadingCritics()
        let alerts = monitor.alerts.map { Self.enrich($0, themes: themeList, critics: critics) }
        let timeline = buildTimeline(healthByMinute: healthByMinute, target: timelineBuckets)
        let turnedAt = alerts.first { $0.kind == .hijack }.flatMap { $0.onsetEstimate ?? $0.raisedAt }
        let summary = Summary(
            posts: posts, authors: posts == 0 ? 0 : max(1, authors.estimate), firstPostAt: firstPostAt, lastPostAt: lastPostAt,
            supportive: totals.supportive, neutral: totals.neutral, critical: totals.critical, sarcastic: totals.sarcastic,
            health: monitor.health, turnedAt: turnedAt)
        return CampaignReport(
            campaign: campaign, input: input, summary: summary, timeline: timeline, alerts: alerts, themes: themeList,
            accounts: accounts.leading(), coordination: clusters, examples: examples.examples,
            featuredCandidates: examples.featuredCandidates, generatedBy: generatedBy)
    }

    /// Consecutive buckets of a round width (1, 5, 10, 15, 30, 60 minutes, ...) so there are at most `target`.
    private func buildTimeline(healthByMinute: [Int: Health], target: Int) -> [TimelineBucket] {
        guard let first = firstPostAt, let last = lastPostAt else { return [] }
        let firstMinute = Int((first.timeIntervalSince1970 / 60).rounded(.down))
        let lastMinute = Int((last.timeIntervalSince1970 / 60).rounded(.down))
        let widths = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440]
        // Buckets are aligned to multiples of their width, which can add one bucket at the start.
        func alignedStart(_ width: Int) -> Int { firstMinute - ((firstMinute % width) + width) % width }
        func bucketCount(_ width: Int) -> Int { (lastMinute - alignedStart(width)) / width + 1 }
        let width =
            widths.first { bucketCount($0) <= max(1, target) }
            ?? stride(from: 2880, to: Int.max, by: 1440).first { bucketCount($0) <= max(1, target) }!
        let startMinute = alignedStart(width)
        let newAuthors = accounts.newAuthorsPerMinute
        var result: [TimelineBucket] = []
        var minute = startMinute
        while minute <= lastMinute {
            var b = TimelineBucket(
                start: Date(timeIntervalSince1970: TimeInterval(minute * 60)),
                end: Date(timeIntervalSince1970: TimeInterval((minute + width) * 60)), posts: 0, supportive: 0, neutral: 0,
                critical: 0, sarcastic: 0, authors: 0, newAuthors: 0, health: .healthy)
            var distinct = SmallDistinctCounter()
            for m in minute..<(minute + width) {
                if let health = healthByMinute[m], health > b.health { b.health = health }
                b.newAuthors += max(0, newAuthors[m] ?? 0)
                guard let bucket = buckets[UInt64(bitPattern: Int64(m))] else { continue }
                b.posts += bucket.posts
                b.supportive += bucket.supportive
                b.neutral += bucket.neutral
                b.critical += bucket.critical
                b.sarcastic += bucket.sarcastic
                distinct.formUnion(bucket.authors)
            }
            b.authors = min(b.posts, distinct.estimate)
            result.append(b)
            minute += width
        }
        return result
    }
}
