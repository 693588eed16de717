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

    /// Everything `add` changes, in one struct: one exclusive access per post instead of one per tracker.
    private var state: CampaignAggregates
    /// Distinct posts kept.
    public var posts: Int { state.posts }
    /// Sightings of posts already kept (overlapping archives, reposts carrying their original).
    public var duplicates: Int { state.duplicates }
    /// The live monitor, fed one minute at a time as event time advances (nil until the first minute closes).
    private var live: HealthMonitor?
    /// The next minute the live monitor has not read.
    private var liveNextMinute: Int?
    /// Minutes without a post the live monitor has just closed in a row.
    private var liveQuietMinutes = 0

    /// Creates an empty analysis.
    public init(campaign: Campaign, configuration: MonitorConfiguration = MonitorConfiguration()) {
        self.campaign = campaign
        self.configuration = configuration
        state = CampaignAggregates(campaign: campaign)
    }

    /// Adds one assessed post; returns false (and counts a duplicate) when the post was already kept.
    @discardableResult
    public func add(_ item: borrowing AssessedPost) -> Bool { state.add(item) }

    /// Adds posts in order; the same as adding each, but faster on large batches (cache misses overlap, and the posts
    /// are read in place: hand over an array no one else holds, or it is copied first). `items` is left as it was.
    public func add(contentsOf items: inout [AssessedPost]) { state.add(contentsOf: &items) }

    /// Runs the monitor over every minute from the first post (or launch) to the last, in order.
    public func monitorRun() -> (health: [Int: Health], monitor: HealthMonitor) {
        monitorRun(clusters: state.coordinationClusters(limit: Self.alertClusters))
    }

    /// `monitorRun()` with the run's clusters (up to `alertClusters`) already worked out.
    private func monitorRun(clusters: [CoordinationCluster]) -> (health: [Int: Health], monitor: HealthMonitor) {
        guard let first = state.firstPostAt, let last = state.lastPostAt else {
            return ([:], HealthMonitor(start: campaign.launchedAt ?? Date(timeIntervalSince1970: 0), configuration: configuration))
        }
        // Posts before launch (teasers, an archive that starts early) do not move the baseline's start.
        let start = campaign.launchedAt.map { max($0, first) } ?? first
        var monitor = HealthMonitor(start: start, configuration: configuration)
        var health: [Int: Health] = [:]
        let firstMinute = Int((first.timeIntervalSince1970 / 60).rounded(.down))
        let lastMinute = Int((last.timeIntervalSince1970 / 60).rounded(.down))
        let newAuthors = state.accounts.newAuthorsPerMinute
        let detected = Self.byDetectionMinute(clusters)
        let busyMinutes = state.minutesWithPosts()
        var minute = firstMinute
        var quiet = 0
        while minute <= lastMinute {
            let bucket = state.buckets[UInt64(bitPattern: Int64(minute))]
            let figures = MinuteSummary(minute: minute, bucket: bucket, newAuthors: newAuthors[minute] ?? 0)
            health[minute] = monitor.close(figures, clusters: detected[minute] ?? [])
            quiet = bucket == nil ? quiet + 1 : 0
            minute =
                Self.nextMinute(after: minute, quiet: &quiet) { after in
                    let index = CampaignAggregates.firstIndex(atOrAfter: after + 1, in: busyMinutes)
                    return index < busyMinutes.count ? busyMinutes[index] : nil
                } ?? lastMinute + 1
        }
        return (health, monitor)
    }

    /// The longest quiet spell (minutes without a post) the monitor closes minute by minute. After a day of quiet every
    /// window and detector has long forgotten the posts before it, so the rest of a longer spell is skipped: a post
    /// dated years away from the others (a wrong clock, a hostile client's date) costs at most a day of minutes, not
    /// millions of them.
    public static let quietMinutesClosed = 1440

    /// The minute to close after `minute`: the next one, or, once `quietMinutesClosed` minutes without a post have been
    /// closed in a row, the next minute with posts (`nextBusy`, nil when there is none; `quiet` starts again).
    private static func nextMinute(after minute: Int, quiet: inout Int, nextBusy: (Int) -> Int?) -> Int? {
        guard quiet >= quietMinutesClosed else { return minute + 1 }
        quiet = 0
        return nextBusy(minute)
    }

    /// The live monitor's health (healthy before any minute has closed).
    public var liveHealth: Health { live?.health ?? .healthy }

    /// Event time of the latest post kept.
    public var latestPostAt: Date? { state.lastPostAt }

    /// Closes, in order, every minute before `minute` that the live monitor has not read, and returns them with
    /// the health after each and the alerts it raised (with themes and accounts filled in as the report does).
    ///
    /// This is the desk's view: a post that arrives for a minute already closed still counts in the buckets and
    /// the report, but the live monitor does not go back. A replay of an archive in event order gives the same
    /// alerts as `report`.
    public func closeMinutes(before minute: Int) -> [ClosedMinute] {
        guard let first = state.firstPostAt else { return [] }
        let start = campaign.launchedAt.map { max($0, first) } ?? first
        let firstMinute = Int((first.timeIntervalSince1970 / 60).rounded(.down))
        var monitor = live ?? HealthMonitor(start: start, configuration: configuration)
        var next = liveNextMinute ?? firstMinute
        guard next < minute else { return [] }
        var closed: [ClosedMinute] = []
        let newAuthors = state.accounts.newAuthorsPerMinute
        // Detection reads only the copies up to it, so the clusters seen so far are dated as the report dates them.
        let found = state.coordinationClusters(limit: Self.alertClusters)
        let detected = Self.byDetectionMinute(found)
        while next < minute {
            let bucket = state.buckets[UInt64(bitPattern: Int64(next))]
            liveQuietMinutes = bucket == nil ? liveQuietMinutes + 1 : 0
            let figures = MinuteSummary(minute: next, bucket: bucket, newAuthors: newAuthors[next] ?? 0)
            let before = monitor.alerts.count
            let health = monitor.close(figures, clusters: detected[next] ?? [])
            var raised = Array(monitor.alerts[before...])
            if !raised.isEmpty {
                let (themeList, critics, clusters) = (
                    state.themes.themes(), state.accounts.leadingCritics(), Array(found.prefix(Self.listedClusters))
                )
                raised = raised.map { Self.enrich($0, themes: themeList, critics: critics, clusters: clusters) }
            }
            closed.append(ClosedMinute(figures: figures, health: health, alerts: raised))
            // A scan of the buckets, only at the end of a day of quiet; never past `minute`, so a post dated far ahead
            // cannot carry the live monitor past the minutes still to come.
            next = min(Self.nextMinute(after: next, quiet: &liveQuietMinutes) { state.firstMinuteWithPosts(after: $0) } ?? minute, minute)
        }
        live = monitor
        liveNextMinute = next
        return closed
    }

    /// Clusters looked at for coordination alerts (more than a report lists, so that a small early cluster is not
    /// crowded out of the alerts by larger later ones).
    static let alertClusters = 100
    /// Clusters a report lists and alerts draw on: the largest.
    public static let listedClusters = 20

    /// Clusters by the minute (since 1970) they were detected in.
    private static func byDetectionMinute(_ clusters: [CoordinationCluster]) -> [Int: [CoordinationCluster]] {
        clusters.reduce(into: [:]) { byMinute, cluster in
            if let found = cluster.detectedAt { byMinute[Int((found.timeIntervalSince1970 / 60).rounded(.down)), default: []].append(cluster) }
        }
    }

    /// Fills an alert's themes, leading accounts and coordination clusters from the trackers when the detector left
    /// them empty: the run's themes and clusters detected by the time it was raised, and its leading critics.
    /// A theme alert is about its own theme and gets no clusters.
    private static func enrich(_ alert: Alert, themes: [Theme], critics: [String], clusters: [CoordinationCluster]) -> Alert {
        var alert = alert
        if alert.themes.isEmpty {
            alert.themes = Array(themes.filter { $0.firstSeen <= alert.raisedAt }.prefix(5).flatMap(\.terms).prefix(10))
        }
        if alert.accounts.isEmpty { alert.accounts = critics }
        if alert.clusters.isEmpty && alert.kind != .theme {
            alert.clusters = Array(clusters.filter { ($0.detectedAt ?? $0.startedAt).map { $0 <= alert.raisedAt } ?? false }.prefix(5))
        }
        return alert
    }

    /// The emerging themes so far.
    public func currentThemes(limit: Int = 8) -> [Theme] { state.themes.themes(limit: limit) }

    /// The leading accounts so far.
    public func leadingAccounts(limit: Int = 25) -> [AccountSummary] { state.accounts.leading(limit: limit) }

    /// Coordination clusters so far.
    public func currentClusters(limit: Int = listedClusters) -> [CoordinationCluster] { state.coordinationClusters(limit: limit) }

    /// Builds the report. `input` describes what was read; its `posts` and `duplicates` are filled in here.
    public func report(input: InputSummary, generatedBy: String, timelineBuckets: Int = 480) -> CampaignReport {
        // Worked out once, for the monitor's alerts and the report's list.
        let found = state.coordinationClusters(limit: Self.alertClusters)
        let (healthByMinute, replayed) = monitorRun(clusters: found)
        var monitor = replayed
        var input = input
        input.posts = posts
        input.duplicates = duplicates
        let themeList = state.themes.themes()
        let clusters = Array(found.prefix(Self.listedClusters))
        if let last = state.lastPostAt { monitor.closeRun(themes: themeList, lastPostAt: last) }
        // Worked out once: every alert gets the same run-wide themes and critics.
        let critics = state.accounts.leadingCritics()
        let alerts = monitor.alerts.map { Self.enrich($0, themes: themeList, critics: critics, clusters: clusters) }
        // Posts without times (plain text, CSV without a date column) all sit at one placeholder instant: a timeline
        // or a time span of it would be made up.
        let timed = state.lastPostAt.map { $0 != Post.undated } ?? false
        let timeline = timed ? buildTimeline(healthByMinute: healthByMinute, target: timelineBuckets) : []
        let turnedAt = alerts.first { $0.kind == .hijack }.flatMap { $0.onsetEstimate ?? $0.raisedAt }
        let summary = Summary(
            posts: posts, authors: posts == 0 ? 0 : max(1, state.authors.estimate), firstPostAt: timed ? state.firstPostAt : nil,
            lastPostAt: timed ? state.lastPostAt : nil,
            supportive: state.totals.supportive, neutral: state.totals.neutral, critical: state.totals.critical, sarcastic: state.totals.sarcastic,
            health: monitor.health, turnedAt: turnedAt)
        return CampaignReport(
            campaign: campaign, input: input, summary: summary, timeline: timeline, alerts: alerts, themes: themeList,
            accounts: state.accounts.leading(), coordination: clusters, examples: state.examples.examples,
            featuredCandidates: featuredCandidates(alerts: alerts, health: healthByMinute), generatedBy: generatedBy,
            warnings: ReportWarning.warnings(campaign: campaign, summary: summary))
    }

    /// The featured candidates, leaving out posts from the spans the desk would have held its gallery frozen: from each
    /// hijack's onset until the campaign was healthy again after the alert. Those spans' most shared "supportive" photos
    /// are the hijack's own (sarcastic captions on brutality photos the models read as praise).
    private func featuredCandidates(alerts: [Alert], health: [Int: Health]) -> [String] {
        func minute(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 60).rounded(.down)) }
        let healthy = health.filter { $0.value == .healthy }.keys.sorted()
        let spans: [Range<Int>] = alerts.filter { $0.kind == .hijack }.map { alert in
            let raised = minute(alert.raisedAt)
            let index = CampaignAggregates.firstIndex(atOrAfter: raised + 1, in: healthy)
            return min(minute(alert.onsetEstimate ?? alert.raisedAt), raised)..<(index < healthy.count ? healthy[index] : Int.max)
        }
        return state.examples.featuredCandidates { date in spans.contains { $0.contains(minute(date)) } }
    }

    /// Consecutive buckets of a round width (1, 5, 10, 15, 30, 60 minutes, ...) so there are at most `target`.
    private func buildTimeline(healthByMinute: [Int: Health], target: Int) -> [TimelineBucket] {
        guard let first = state.firstPostAt, let last = state.lastPostAt else { return [] }
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
        var result = (0..<bucketCount(width)).map { index in
            TimelineBucket(
                start: Date(timeIntervalSince1970: TimeInterval((startMinute + index * width) * 60)),
                end: Date(timeIntervalSince1970: TimeInterval((startMinute + (index + 1) * width) * 60)), posts: 0, supportive: 0,
                neutral: 0, critical: 0, sarcastic: 0, authors: 0, newAuthors: 0, health: .healthy)
        }
        var distinct = [SmallDistinctCounter](repeating: SmallDistinctCounter(), count: result.count)
        // Summed from the minutes that hold something, not minute by minute, so the work is bounded by the posts however
        // far apart the first and the last are.
        func index(_ minute: Int) -> Int? {
            let index = (minute - startMinute) / width
            return minute >= startMinute && index < result.count ? index : nil
        }
        state.buckets.forEach { _, bucket in
            guard let i = index(bucket.minute) else { return }
            result[i].posts += bucket.posts
            result[i].supportive += bucket.supportive
            result[i].neutral += bucket.neutral
            result[i].critical += bucket.critical
            result[i].sarcastic += bucket.sarcastic
            distinct[i].formUnion(bucket.authors)
        }
        for (minute, count) in state.accounts.newAuthorsPerMinute {
            if let i = index(minute) { result[i].newAuthors += max(0, count) }
        }
        for (minute, health) in healthByMinute {
            if let i = index(minute), health > result[i].health { result[i].health = health }
        }
        for i in result.indices { result[i].authors = min(result[i].posts, distinct[i].estimate) }
        return result
    }
}
