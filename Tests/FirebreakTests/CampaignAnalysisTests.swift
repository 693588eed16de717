import Foundation
import Testing

@testable import Firebreak

/// A synthetic #myNYPD: an hour of friendly posts at 20 a minute, then an hour at 100 a minute, 60 % critical,
/// with themes, a coordinated burst, reposts and second-resolution timestamps that often collide.
private func story(seed: UInt64 = 7) -> [AssessedPost] {
    var random = SeededRandom(seed: seed)
    var posts: [AssessedPost] = []
    var n = 0
    let friendly = ["Thanks for the photo with officer Dan", "Great day at the parade with the cops", "Selfie with the horses in the park"]
    let critical = [
        "84-year-old man beaten bloody for jaywalking", "They shot a homeless man's dog while he was having a seizure",
        "Dragged a woman down the street by her hair",
    ]
    posts.append(
        assessed(
            "launch", .neutral, author: "NYPDnews", at: at(minute: 0), text: "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD")
    )
    for m in 0..<120 {
        let hijack = m >= 60
        for _ in 0..<(hijack ? 100 : 20) {
            n += 1
            let second = Double(Int.random(in: 0..<60, using: &random))
            let isCritical = hijack ? Int.random(in: 0..<10, using: &random) < 6 : n % 10 == 0
            let author = isCritical ? "critic\(Int.random(in: 0..<800, using: &random))" : "fan\(Int.random(in: 0..<1500, using: &random))"
            let text = isCritical ? critical[n % 3] + " #myNYPD" : friendly[n % 3] + " #myNYPD"
            let kind: PostKind = n % 7 == 0 ? .repost : .original
            posts.append(
                assessed(
                    "\(1_000_000 + n)", isCritical ? .critical : .supportive, author: author, at: at(minute: m, second: second),
                    text: text, kind: kind, media: isCritical || n % 2 == 0 ? [photo] : [], repostedID: kind == .repost ? "launch" : nil,
                    metrics: .init(reposts: n % 13), irony: isCritical && n % 4 == 0 ? 0.8 : 0))
        }
    }
    // Six bots posting the same text within half a minute.
    for i in 0..<6 {
        posts.append(
            assessed(
                "bot\(i)", .critical, author: "bot\(i)", at: at(minute: 90, second: Double(i) * 5),
                text: "@x\(i) NEED A LIFT? The #NYPD's got you! Free Delivery https://t.co/\(i)"))
    }
    // Six more posting the same line with a word changed each time, which the exact fingerprint cannot join.
    let edits = ["ride", "lift", "trip", "spin", "lift", "drive"]
    for i in 0..<6 {
        posts.append(
            assessed(
                "botv\(i)", .critical, author: "botv\(i)", at: at(minute: 100, second: Double(i) * 7),
                text: "Need a \(edits[i])? The #NYPD will give you a free \(i == 3 ? "beating" : "ride") in the back of the van"))
    }
    return posts
}

@Suite struct CampaignAnalysisTests {
    /// Feeds posts (in time order) to a live analysis that closes every minute before the newest post's, as the desk
    /// does, then the minutes before `until`.
    private func runLive(_ posts: [AssessedPost], until: Int) -> (CampaignAnalysis, [ClosedMinute]) {
        let live = CampaignAnalysis(campaign: myNYPD(launchedAt: launch))
        var closed: [ClosedMinute] = []
        for post in posts {
            live.add(post)
            closed += live.closeMinutes(before: Int((post.post.createdAt.timeIntervalSince1970 / 60).rounded(.down)))
        }
        return (live, closed + live.closeMinutes(before: until))
    }

    private func analyse(_ posts: [AssessedPost], campaign: Campaign = myNYPD(launchedAt: launch), buckets: Int = 480) -> (
        CampaignAnalysis, CampaignReport
    ) {
        let analysis = CampaignAnalysis(campaign: campaign)
        for post in posts { analysis.add(post) }
        let input = InputSummary(files: ["a.jsonl"], records: posts.count, posts: 0, duplicates: 0, rejected: 0, rejections: [])
        return (analysis, analysis.report(input: input, generatedBy: "tests", timelineBuckets: buckets))
    }

    @Test func eventTimeNotArrivalOrder() {
        let posts = story()
        var random = SeededRandom(seed: 99)
        let (_, sorted) = analyse(posts.sorted { $0.post.createdAt < $1.post.createdAt })
        let (_, shuffled) = analyse(posts.shuffled(using: &random))
        let (_, reversed) = analyse(posts.reversed())
        for other in [shuffled, reversed] {
            #expect(other.timeline == sorted.timeline)
            #expect(other.alerts == sorted.alerts)
            #expect(other.summary == sorted.summary)
            #expect(other.themes == sorted.themes)
            #expect(other.accounts == sorted.accounts)
            #expect(other.coordination == sorted.coordination)
            #expect(other.examples == sorted.examples)
            #expect(other.featuredCandidates == sorted.featuredCandidates)
        }
    }

    @Test func theStoryIsAHijackWithEvidence() throws {
        let posts = story()
        let (_, report) = analyse(posts)
        let hijack = try #require(report.alerts.first { $0.kind == .hijack })
        let shift = at(minute: 60)
        #expect(hijack.raisedAt >= shift)
        #expect(hijack.raisedAt.timeIntervalSince(shift) < 5 * 60)
        let onset = try #require(hijack.onsetEstimate)
        #expect(abs(onset.timeIntervalSince(shift)) <= 180)
        #expect(report.summary.turnedAt == onset)
        #expect(report.summary.health == .hijacked)
        #expect(!hijack.accounts.isEmpty)
        #expect(hijack.accounts.allSatisfy { $0.hasPrefix("@critic") || $0.hasPrefix("@bot") })
        #expect(!hijack.examplePostIDs.isEmpty)
        #expect(report.alerts.filter { $0.kind == .hijack }.count == 1)
        // Themes named in the alert were seen by the time it was raised.
        let themeTerms = Set(report.themes.filter { $0.firstSeen <= hijack.raisedAt }.flatMap(\.terms))
        #expect(hijack.themes.allSatisfy { themeTerms.contains($0) })
        #expect(report.themes.contains { $0.terms.contains { $0.contains("jaywalking") } })
        #expect(report.coordination.contains { $0.kind == "same_text" && $0.accounts == (0..<6).map { "@bot\($0)" } })
        // Alerts carry the clusters detected by the time they were raised: the new-account surge at minute 64 those of
        // the critics' copied lines, none from the bots' later floods.
        for alert in report.alerts { #expect(alert.clusters.allSatisfy { $0.detectedAt.map { $0 <= alert.raisedAt } ?? false }) }
        let surge = try #require(report.alerts.first { $0.kind == .coordination && $0.figures["clusters"] == nil })
        #expect(!surge.clusters.isEmpty)
        #expect(surge.clusters.allSatisfy { $0.accounts.allSatisfy { $0.hasPrefix("@critic") } })
        #expect(report.coordination.allSatisfy { $0.startedAt != nil && $0.detectedAt != nil })
        // Cluster alerts point at the posts that started each cluster: posts of the story.
        let ids = Set(posts.map(\.post.nativeID))
        let clusterAlerts = report.alerts.filter { $0.kind == .coordination && $0.figures["clusters"] != nil }
        #expect(!clusterAlerts.isEmpty)
        for alert in clusterAlerts {
            #expect(alert.examplePostIDs.count == alert.clusters.count)
            #expect(alert.examplePostIDs.allSatisfy(ids.contains))
        }
        let nearCopies = report.coordination.filter { $0.kind == "near_duplicate_text" }
        #expect(nearCopies.contains { Set($0.accounts).isSubset(of: Set((0..<6).map { "@botv\($0)" })) && $0.accounts.count >= 5 })
        // The exact copies are not listed again as near copies.
        #expect(!nearCopies.contains { $0.accounts.contains("@bot0") })
        #expect(report.examples.first?.id == "launch")
        #expect(report.timeline.contains { $0.health == .hijacked })
        #expect(report.timeline.prefix(30).allSatisfy { $0.health == .healthy })
    }

    @Test func liveMinutesRaiseTheReportsAlertsAtTheSameMoments() throws {
        let posts = story().sorted { $0.post.createdAt < $1.post.createdAt }
        let (_, report) = analyse(posts)
        let (live, closed) = runLive(posts, until: launchMinute + 120)
        #expect(closed.map(\.figures.minute) == Array(launchMinute..<(launchMinute + 120)))
        // Closing again is a no-op: each minute is read once.
        #expect(live.closeMinutes(before: launchMinute + 120).isEmpty)
        let liveAlerts = closed.flatMap(\.alerts)
        // The end-of-run alerts (themes) are not live; coordination clusters are, in the minute they were detected.
        let monitorAlerts = report.alerts.filter { $0.kind != .theme }
        #expect(liveAlerts.contains { $0.kind == .coordination && $0.figures["clusters"] != nil })
        // The same clusters, found at the same moments; their densest windows and counts are what had been seen by then.
        let found = { (alert: Alert) in Set(alert.clusters.map { "\($0.kind) \($0.shared) \($0.detectedAt!)" }) }
        #expect(liveAlerts.map(found) == monitorAlerts.map(found))
        #expect(liveAlerts.map(\.id) == monitorAlerts.map(\.id))
        #expect(liveAlerts.map(\.raisedAt) == monitorAlerts.map(\.raisedAt))
        #expect(liveAlerts.map(\.onsetEstimate) == monitorAlerts.map(\.onsetEstimate))
        let hijack = try #require(liveAlerts.first { $0.kind == .hijack })
        #expect(!hijack.accounts.isEmpty)
        #expect(live.liveHealth == .hijacked)
        #expect(closed.prefix(30).allSatisfy { $0.health == .healthy })
    }

    @Test func aFloodOfALongSharedLineIsRaisedLiveInTheMinuteTheReportDatesIt() throws {
        // A supportive line copied every 30 seconds for two hours (240 copies, past a group's earliest 200) among
        // ten other posts a minute, then 30 accounts post it within 40 seconds at minute 150.
        let line = "Thank you NYPD for everything you do #myNYPD"
        var posts = (0..<1_600).map {
            assessed(
                "o\($0)", .supportive, author: "fan\($0 % 400)", at: at(minute: $0 / 10, second: Double($0 % 10) * 6),
                text: "Officer photo number \($0) #myNYPD")
        }
        posts += (0..<240).map { assessed("l\($0)", .supportive, author: "friend\($0)", at: at(minute: 0, second: Double($0) * 30), text: line) }
        posts += (0..<30).map { assessed("f\($0)", .supportive, author: "bot\($0)", at: at(minute: 150, second: 5 + Double($0)), text: line) }
        posts.sort { $0.post.createdAt < $1.post.createdAt }
        let (_, report) = analyse(posts)
        let flood = try #require(report.coordination.first { $0.kind == "same_text" })
        #expect(flood.accounts.allSatisfy { $0.hasPrefix("@bot") } && flood.accounts.count == 20)
        #expect(flood.detectedAt == at(minute: 150, second: 34))
        let (_, closed) = runLive(posts, until: launchMinute + 160)
        let raised = try #require(closed.first { $0.alerts.contains { $0.kind == .coordination && $0.clusters.contains { $0.kind == "same_text" } } })
        #expect(raised.figures.minute == launchMinute + 150)
        let reportAlert = try #require(report.alerts.first { $0.kind == .coordination && $0.clusters.contains { $0.kind == "same_text" } })
        #expect(raised.alerts.first { $0.kind == .coordination }?.raisedAt == reportAlert.raisedAt)
    }

    @Test func duplicatesAreCountedOnce() {
        let posts = Array(story().prefix(500))
        let analysis = CampaignAnalysis(campaign: myNYPD())
        for post in posts { #expect(analysis.add(post)) }
        for post in posts.prefix(120) { #expect(!analysis.add(post)) }
        #expect(analysis.posts == 500)
        #expect(analysis.duplicates == 120)
        let report = analysis.report(
            input: InputSummary(files: [], records: 620, posts: 0, duplicates: 0, rejected: 0, rejections: []), generatedBy: "t")
        #expect(report.input.posts == 500)
        #expect(report.input.duplicates == 120)
        #expect(report.input.records == 620)
        #expect(report.summary.posts == 500)
        #expect(report.timeline.reduce(0) { $0 + $1.posts } == 500)
    }

    @Test func addingInBatchesGivesTheSameReportAsAddingEachPost() {
        let campaign = myNYPD(launchedAt: launch)
        let extractor = TermExtractor(campaign: campaign)
        // With their features worked out, as the pipeline hands them over, and with sightings seen twice.
        var posts = story().map { item in
            var item = item
            item.features = extractor.features(of: item.post)
            return item
        }
        posts += posts.prefix(300)
        let (_, single) = analyse(posts)
        let batched = CampaignAnalysis(campaign: campaign)
        for start in stride(from: 0, to: posts.count, by: 1_000) {
            var batch = Array(posts[start..<min(start + 1_000, posts.count)])
            batched.add(contentsOf: &batch)
            #expect(batch[...] == posts[start..<min(start + 1_000, posts.count)])  // read in place, left as it was
        }
        let input = InputSummary(files: ["a.jsonl"], records: posts.count, posts: 0, duplicates: 0, rejected: 0, rejections: [])
        let report = batched.report(input: input, generatedBy: "tests", timelineBuckets: 480)
        #expect(batched.duplicates == 300)
        #expect(report == single)
        #expect(!report.alerts.isEmpty)
    }

    @Test(arguments: [480, 100, 24, 10, 7, 1])
    func timelineBucketsAreConsecutiveRoundAndComplete(target: Int) throws {
        let posts = story()
        let (_, report) = analyse(posts, buckets: target)
        let timeline = report.timeline
        #expect(!timeline.isEmpty)
        #expect(timeline.count <= target)
        let width = try #require(timeline.first).end.timeIntervalSince(timeline[0].start)
        #expect(
            [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map { Double($0 * 60) }.contains(width)
                || width.truncatingRemainder(dividingBy: 86_400) == 0)
        #expect(timeline[0].start.timeIntervalSince1970.truncatingRemainder(dividingBy: width) == 0)
        for (a, b) in zip(timeline, timeline.dropFirst()) {
            #expect(a.end == b.start)
            #expect(b.end.timeIntervalSince(b.start) == width)
        }
        let first = try #require(posts.map(\.post.createdAt).min())
        let last = try #require(posts.map(\.post.createdAt).max())
        #expect(timeline[0].start <= first && first < timeline[0].end)
        #expect(timeline[timeline.count - 1].start <= last && last < timeline[timeline.count - 1].end)
        #expect(timeline.reduce(0) { $0 + $1.posts } == posts.count)
        for bucket in timeline {
            #expect(bucket.supportive + bucket.neutral + bucket.critical == bucket.posts)
            #expect(bucket.authors <= bucket.posts)
            #expect(bucket.sarcastic <= bucket.critical)
        }
        let distinctAuthors = Set(posts.map(\.post.author.id)).count
        #expect(timeline.reduce(0) { $0 + $1.newAuthors } == distinctAuthors)
    }

    @Test func unalignedSpansStayWithinTheTarget() {
        // launchMinute is odd, so minutes 6...25 after it span 20 minutes starting on an odd minute: width 2
        // (20 / 2 = 10) would need 11 buckets aligned to even minutes for a target of 10.
        #expect(launchMinute % 2 == 1)
        let posts = [
            assessed("a", .supportive, author: "a", at: at(minute: 6)), assessed("b", .supportive, author: "b", at: at(minute: 25, second: 30)),
        ]
        let campaign = Campaign(name: "c", hashtags: ["#c"])
        let analysis = CampaignAnalysis(campaign: campaign)
        for post in posts { analysis.add(post) }
        let report = analysis.report(
            input: InputSummary(files: [], records: 2, posts: 0, duplicates: 0, rejected: 0, rejections: []), generatedBy: "t", timelineBuckets: 10)
        #expect(report.timeline.count <= 10)
        #expect(report.timeline.count >= 4)
        #expect(report.timeline.reduce(0) { $0 + $1.posts } == 2)
        #expect(zip(report.timeline, report.timeline.dropFirst()).allSatisfy { $0.end == $1.start })
    }

    @Test func summaryCountsStancesAuthorsAndTimes() {
        let posts = [
            assessed("1", .supportive, author: "a", at: at(minute: 1)), assessed("2", .supportive, author: "a", at: at(minute: 2)),
            assessed("3", .neutral, author: "b", at: at(minute: 3)), assessed("4", .critical, author: "c", at: at(minute: 0, second: 5), irony: 0.9),
            assessed("5", .critical, author: "d", at: at(minute: 9)),
        ]
        let (_, report) = analyse(posts)
        let s = report.summary
        #expect((s.posts, s.supportive, s.neutral, s.critical, s.sarcastic) == (5, 2, 1, 2, 1))
        #expect(s.authors == 4)
        #expect(s.firstPostAt == at(minute: 0, second: 5))
        #expect(s.lastPostAt == at(minute: 9))
        #expect(s.health == .healthy)
        #expect(s.turnedAt == nil)
        #expect(report.alerts.isEmpty)
    }

    @Test func aPostDatedCenturiesAwayCostsADayOfMinutesAndChangesNoAlert() throws {
        // One post dated in the year 9000 and one in 1971 (a wrong clock, a hostile client's date) beside the story:
        // the run must not close every minute between them (billions), and the story must read as it did.
        let posts = story()
        let (_, plain) = analyse(posts)
        let far = Date(timeIntervalSince1970: 221_845_392_000)  // 9000-01-01
        let early = Date(timeIntervalSince1970: 31_536_000)  // 1971-01-01
        let outliers = [
            assessed("future", .critical, author: "clock1", at: far, text: "From the future #myNYPD"),
            assessed("past", .supportive, author: "clock2", at: early, text: "From the past #myNYPD"),
        ]
        let (analysis, report) = analyse(posts + outliers)
        let (health, _) = analysis.monitorRun()
        // The story's 120 minutes, a day of quiet after each outlier, and the outliers' own minutes.
        #expect(health.count == 120 + 2 * (1440 + 1))
        #expect(report.alerts.filter { $0.kind == .hijack }.map(\.raisedAt) == plain.alerts.filter { $0.kind == .hijack }.map(\.raisedAt))
        #expect(report.summary.firstPostAt == early)
        #expect(report.summary.lastPostAt == far)
        #expect(report.timeline.count <= 480)
        #expect(report.timeline.map(\.posts).reduce(0, +) == report.summary.posts)
        #expect(report.timeline.first?.posts == 1)
        #expect(report.timeline.last?.posts == 1)
    }

    @Test func theLiveMonitorSkipsALongQuietSpellButNeverPastTheMinuteAskedFor() throws {
        let posts = (0..<10).map { assessed("p\($0)", .supportive, author: "fan\($0)", at: at(minute: $0)) }
        let later = assessed("later", .supportive, author: "fan99", at: at(minute: 3 * 1440))
        let live = CampaignAnalysis(campaign: myNYPD(launchedAt: launch))
        for post in posts + [later] { live.add(post) }
        // Ten busy minutes and a day of quiet; then the walk would jump to the later post, but stops where it was asked to.
        let first = live.closeMinutes(before: launchMinute + 2000)
        #expect(first.map(\.figures.minute) == Array(launchMinute..<(launchMinute + 10 + 1440)))
        // The next call goes on from there: the rest of the quiet spell is skipped, straight to the later post's minute.
        let second = live.closeMinutes(before: launchMinute + 3 * 1440 + 1)
        #expect(second.first?.figures.minute == launchMinute + 2000)
        #expect(second.last?.figures.minute == launchMinute + 3 * 1440)
        #expect(second.last?.figures.posts == 1)
        #expect(second.count == 1440 + 1)
    }

    @Test func emptyAnalysis() {
        let (_, report) = analyse([])
        #expect(report.summary.posts == 0)
        #expect(report.summary.authors == 0)
        #expect(report.timeline.isEmpty)
        #expect(report.alerts.isEmpty)
    }

    @Test func theBaselineStartsAtLaunchNotAtEarlyTeasers() throws {
        // Teasers a day before the launch, then a friendly hour, then the turn.
        var posts: [AssessedPost] = (0..<10).map { assessed("t\($0)", .neutral, author: "teaser\($0)", at: at(minute: -1440 + $0)) }
        var n = 0
        for m in 0..<100 {
            let hijack = m >= 60
            for k in 0..<(hijack ? 60 : 20) {
                n += 1
                let critical = hijack ? k % 10 < 6 : k % 10 == 0
                posts.append(assessed("p\(n)", critical ? .critical : .supportive, author: "u\(n)", at: at(minute: m, second: Double(k % 60))))
            }
        }
        let (analysis, report) = analyse(posts, campaign: myNYPD(launchedAt: launch))
        let hijack = try #require(report.alerts.first { $0.kind == .hijack })
        #expect(abs(try #require(hijack.onsetEstimate).timeIntervalSince(at(minute: 60))) <= 180)
        #expect(hijack.raisedAt.timeIntervalSince(at(minute: 60)) < 300)
        let (health, _) = analysis.monitorRun()
        #expect(health[launchMinute - 1440] == .healthy)
        #expect(health.count == 1440 + 100)
    }

    @Test func aStrayEarlyPostDoesNotStartTheCampaign() throws {
        // The hashtag used once two days before the launch: without a launch time the campaign would start there,
        // with a baseline of one post and a rate diluted by two days of silence. It starts at the launch instead.
        let posts = story()
        let stray = assessed("stray", .neutral, author: "early", at: at(minute: -2 * 1440), text: "Who remembers #myNYPD?")
        let (_, plain) = analyse(posts, campaign: myNYPD())
        let (_, withStray) = analyse([stray] + posts, campaign: myNYPD())
        let alerts = { (report: CampaignReport) in report.alerts.filter { $0.kind != .theme }.map { "\($0.kind) \($0.raisedAt)" } }
        #expect(!alerts(plain).isEmpty)
        #expect(alerts(withStray) == alerts(plain))
        let volume = try #require(withStray.alerts.first { $0.kind == .volumeBurst })
        #expect(volume.figures["baseline_posts_per_minute"] == plain.alerts.first { $0.kind == .volumeBurst }?.figures["baseline_posts_per_minute"])
    }

    @Test func teasersBeforeTheLaunchDoNotDiluteTheBaselineRate() throws {
        // A teaser a day before the launch: the minutes between are not the campaign's usual volume.
        let posts = story()
        let teaser = assessed("teaser", .neutral, author: "NYPDnews", at: at(minute: -1440), text: "Something for #myNYPD tomorrow")
        let (_, plain) = analyse(posts)
        let (_, withTeaser) = analyse([teaser] + posts)
        let rate = { (report: CampaignReport) in report.alerts.first { $0.kind == .volumeBurst }?.figures["baseline_posts_per_minute"] }
        #expect(try #require(rate(withTeaser)) > 19)
        #expect(rate(withTeaser) == rate(plain))
    }

    @Test func postsWithoutTimesGetNoTimelineOrTimeSpan() {
        // Plain text and CSV without a date column: every post at the placeholder instant.
        let posts = (0..<20).map { assessed("t\($0)", $0 % 4 == 0 ? .critical : .supportive, author: "unknown", at: Post.undated) }
        let (_, report) = analyse(posts, campaign: myNYPD())
        #expect(report.summary.posts == 20)
        #expect(report.summary.firstPostAt == nil && report.summary.lastPostAt == nil)
        #expect(report.timeline.isEmpty)
        // One timed post among them is a campaign with times again.
        let (_, timed) = analyse(posts + [assessed("x", .supportive, author: "fan", at: at(minute: 0))], campaign: myNYPD())
        #expect(timed.summary.lastPostAt == at(minute: 0))
        #expect(!timed.timeline.isEmpty)
    }

    @Test func aFloodOfCopiesAndVariantsIsListedOnceAsNearCopies() throws {
        // Six accounts post one line word for word and four more change a word, all within 45 seconds, among friendly
        // chatter: the near-copy cluster holds all ten, and the six exact copies are not listed again.
        let line = "Riverton Metro is a disgrace, broken lifts and late trains every single day #myNYPD"
        let variants = ["lifts", "escalators", "elevators", "ramps"]
        var posts = (0..<60).map { i in
            assessed("fan\(i)", .supportive, author: "fan\(i)", at: at(minute: i), text: "Photo \(i) with officer number \(i * 7) today #myNYPD")
        }
        for i in 0..<10 {
            let text = i < 6 ? line : line.replacingOccurrences(of: "lifts", with: variants[i - 6])
            posts.append(assessed("bot\(i)", .critical, author: "bot\(i)", at: at(minute: 30, second: Double(i) * 4.5), text: text))
        }
        let (_, report) = analyse(posts)
        let floods = report.coordination.filter { $0.kind == "same_text" || $0.kind == "near_duplicate_text" }
        #expect(floods.count == 1)
        #expect(floods.first?.kind == "near_duplicate_text")
        #expect(floods.first?.accounts.count ?? 0 >= 8)
        #expect(floods.first?.shared == line)
    }

    @Test func postsInARangeOfMinutesComeFromTheBuckets() {
        var aggregates = CampaignAggregates(campaign: myNYPD(launchedAt: launch))
        let minutes = [0, 0, 0, 5, 5, 100]
        for (i, minute) in minutes.enumerated() {
            _ = aggregates.add(assessed("p\(i)", .neutral, author: "a\(i)", at: at(minute: minute, second: 30)))
        }
        let postsIn = aggregates.postsPerMinute()
        let m = launchMinute
        #expect(postsIn(m...m) == 3)
        #expect(postsIn(m...(m + 5)) == 5)
        #expect(postsIn((m + 1)...(m + 99)) == 2)
        #expect(postsIn((m + 6)...(m + 99)) == 0)
        #expect(postsIn((m + 101)...(m + 200)) == 0)
        #expect(postsIn((m - 10)...(m + 1000)) == 6)
    }
}
