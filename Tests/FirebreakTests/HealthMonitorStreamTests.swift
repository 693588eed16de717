import FirebreakLanguage
import Foundation
import Testing

@testable import Firebreak

/// Runs the monitor on random minute figures: binomial critical counts from a crowd of distinct authors, so the
/// detectors meet sampling noise rather than exact shares.
private struct NoisyStream {
    var monitor: HealthMonitor
    var minute = launchMinute
    var states: [Int: Health] = [:]
    var random: SeededRandom
    /// Coordination clusters detected in a minute (since 1970), handed to the monitor as that minute closes.
    var clusters: [Int: [CoordinationCluster]] = [:]
    private var author = 0

    init(seed: UInt64, configuration: MonitorConfiguration = MonitorConfiguration()) {
        monitor = HealthMonitor(start: launch, configuration: configuration)
        random = SeededRandom(seed: seed)
    }

    /// Posts a minute drawn around `perHour / 60`; each critical with probability `share`, sarcastic with `sarcasm`.
    /// `supportive` is the share of the non-critical posts labelled supportive, so the balance of opinion is watched too.
    mutating func phase(
        minutes: Int, perHour: Double, share: Double, sarcasm: Double = 0.05, newAuthorShare: Double = 0.3, supportive: Double = 0.6
    ) {
        for _ in 0..<minutes {
            let mean = perHour / 60
            // Poisson-ish volume: a binomial over twice the mean.
            let posts = (0..<Int((2 * mean).rounded(.up))).reduce(0) { n, _ in n + (Double.random(in: 0..<1, using: &random) < 0.5 ? 1 : 0) }
            var critical = 0
            var supporters = 0
            var sarcastic = 0
            var soft = 0.0
            var sketch = SmallDistinctCounter()
            var examples: [String] = []
            for _ in 0..<posts {
                let isCritical = Double.random(in: 0..<1, using: &random) < share
                if isCritical {
                    critical += 1
                    author += 1
                    sketch.insert(hash: StableHash.fnv1a("crowd\(author)"))
                    if examples.count < 3 { examples.append("p\(minute)-\(critical)") }
                } else if Double.random(in: 0..<1, using: &random) < supportive {
                    supporters += 1
                }
                if Double.random(in: 0..<1, using: &random) < sarcasm { sarcastic += 1 }
                // Noisy probabilities: critical posts around 0.75, others around 0.12.
                soft += isCritical ? Double.random(in: 0.5...1, using: &random) : Double.random(in: 0...0.25, using: &random)
            }
            let f = HealthMonitor.MinuteFigures(
                minute: minute, posts: posts, critical: critical, criticalAuthors: sketch.estimate,
                lastPostAt: Date(timeIntervalSince1970: TimeInterval(minute * 60 + 58)), criticalExamples: examples,
                criticalAuthorSketch: sketch, supportive: supporters, sarcastic: sarcastic, sumPCritical: soft,
                newAuthors: Int(Double(posts) * newAuthorShare))
            states[minute] = monitor.close(f, clusters: clusters[minute] ?? [])
            minute += 1
        }
    }

    var hijacks: [Alert] { monitor.alerts.filter { $0.kind == .hijack } }

    func firstHijacked(from start: Int) -> Int? { states.keys.sorted().first { $0 >= start && states[$0] == .hijacked } }
}

@Suite struct HealthMonitorStreamTests {
    @Test(arguments: [1, 2, 3])
    func aSteadyBusyCampaignRaisesNoHijackInADay(seed: UInt64) {
        var stream = NoisyStream(seed: seed)
        stream.phase(minutes: 24 * 60, perHour: 3_000, share: 0.15)
        #expect(stream.hijacks.isEmpty)
        #expect(!stream.monitor.alerts.contains { $0.kind == .drift })
    }

    @Test(arguments: [4, 5, 6])
    func aSteadySmallCampaignRaisesNoHijackInADay(seed: UInt64) {
        var stream = NoisyStream(seed: seed)
        stream.phase(minutes: 24 * 60, perHour: 100, share: 0.15)
        #expect(stream.hijacks.isEmpty)
    }

    @Test(arguments: [7, 8])
    func aViralSuccessWithTheSameMixIsNoHijack(seed: UInt64) {
        var stream = NoisyStream(seed: seed)
        stream.phase(minutes: 60, perHour: 500, share: 0.15)
        stream.phase(minutes: 180, perHour: 10_000, share: 0.15)
        #expect(stream.hijacks.isEmpty)
        #expect(stream.monitor.alerts.contains { $0.kind == .volumeBurst })
    }

    @Test(arguments: [9, 10, 11])
    func aModerateHijackAtAThousandAnHourIsCaughtWithinFiveMinutes(seed: UInt64) throws {
        // Noisy labels: 15 % to 40 % critical, the volume only doubling.
        var stream = NoisyStream(seed: seed)
        stream.phase(minutes: 60, perHour: 1_000, share: 0.15)
        let onset = stream.minute
        stream.phase(minutes: 60, perHour: 2_000, share: 0.4, sarcasm: 0.2)
        #expect(stream.states.filter { $0.key < onset }.allSatisfy { $0.value != .hijacked })
        let caught = try #require(stream.firstHijacked(from: onset))
        #expect(caught - onset <= 5)
        let alert = try #require(stream.hijacks.first)
        let estimate = try #require(alert.onsetEstimate)
        #expect(abs(estimate.timeIntervalSince(at(minute: onset - launchMinute))) <= 5 * 60)
        #expect(try #require(alert.figures["sarcastic_share"]) > (alert.figures["baseline_sarcastic_share"] ?? 1))
    }

    @Test(arguments: [12, 13, 14])
    func aHijackAtAHundredAnHourIsCaughtWithinFifteenMinutes(seed: UInt64) throws {
        var stream = NoisyStream(seed: seed)
        stream.phase(minutes: 60, perHour: 100, share: 0.15)
        let onset = stream.minute
        stream.phase(minutes: 60, perHour: 150, share: 0.55)
        let caught = try #require(stream.firstHijacked(from: launchMinute))
        #expect(caught >= onset)
        #expect(caught - onset <= 15)
    }

    // Without a volume rise, a quarter of an hour at 100 posts an hour holds too few posts for the excess to be
    // sure of; the excess since the change began corroborates instead (without it, seed 22 is never caught).
    @Test(arguments: [18, 20, 22, 26])
    func aSmallCampaignTurningWithoutMoreVolumeIsCaught(seed: UInt64) throws {
        var stream = NoisyStream(seed: seed)
        stream.phase(minutes: 60, perHour: 100, share: 0.2)
        let onset = stream.minute
        stream.phase(minutes: 120, perHour: 100, share: 0.5)
        let caught = try #require(stream.firstHijacked(from: launchMinute))
        #expect(caught >= onset)
        #expect(caught - onset <= 80)
    }

    // A small campaign that simmers (15 % → 23 % critical) for an hour and a half before it turns (45 %): a run
    // that began in the simmer dilutes the turn when its size is read since it began. Read over its latest hour,
    // more of the sixteen turns are caught within the hour after them (12 against 8 when this was written).
    @Test func aTurnAfterALongSimmerIsMeasuredOverTheRunsLatestHour() {
        func caughtWithinAnHour(latestHour: Bool) -> Int {
            var caught = 0
            for seed: UInt64 in 1...16 {
                var configuration = MonitorConfiguration()
                configuration.shiftOverLatestHour = latestHour
                var stream = NoisyStream(seed: seed, configuration: configuration)
                stream.phase(minutes: 60, perHour: 100, share: 0.15)
                stream.phase(minutes: 90, perHour: 100, share: 0.23)
                let onset = stream.minute
                stream.phase(minutes: 60, perHour: 100, share: 0.45)
                if let first = stream.firstHijacked(from: launchMinute), first >= onset { caught += 1 }
            }
            return caught
        }
        let latest = caughtWithinAnHour(latestHour: true)
        let whole = caughtWithinAnHour(latestHour: false)
        #expect(latest >= 12)
        #expect(latest >= whole + 3)
    }

    @Test(arguments: [15, 16, 17])
    func aCollapseOfSupportIsCaughtByTheBalanceOfOpinion(seed: UInt64) throws {
        // A noisy stance model: the critical labels move only from 15 % to 24 %, but the supportive ones collapse
        // (51 % to 15 %), so among opinionated posts the critical share goes from 23 % to 62 %.
        var stream = NoisyStream(seed: seed)
        stream.phase(minutes: 60, perHour: 1_000, share: 0.15)
        let onset = stream.minute
        stream.phase(minutes: 60, perHour: 1_000, share: 0.24, supportive: 0.2)
        let caught = try #require(stream.firstHijacked(from: launchMinute))
        #expect(caught >= onset)
        // Slower than an abrupt turn with a volume rise: the shift must clear 3 standard errors of a short run, and
        // the extra critical authors 3 standard deviations of the crowd's usual critics.
        #expect(caught - onset <= 15)
        #expect(try #require(stream.hijacks.first).summary.contains("balance of opinion"))
    }

    @Test func slowSouringRaisesADriftAlert() throws {
        var stream = NoisyStream(seed: 21)
        stream.phase(minutes: 60, perHour: 1_000, share: 0.15)
        // +0.75 points of critical share every 20 minutes for four hours: 15 % to 24 %.
        for step in 1...12 { stream.phase(minutes: 20, perHour: 1_000, share: 0.15 + 0.0075 * Double(step)) }
        let drift = try #require(stream.monitor.alerts.first { $0.kind == .drift })
        // Souring may end in a hijack once the share has risen far enough, but drift says so first.
        let hijack = stream.hijacks.first?.raisedAt ?? .distantFuture
        #expect(drift.raisedAt < hijack)
        #expect(drift.onsetEstimate != nil)
        #expect(try #require(drift.figures["critical_share_ewma"]) > 0.19)
    }

    @Test func souringWhoseSupportersFallSilentIsDriftOnTheBalanceOfOpinion() throws {
        // A noisy stance model reads much of a souring as neutral: the critical share holds at 15 % while the
        // supportive share of the rest falls from 60 % to 24 % over four hours, so of the posts that take a side the
        // critical share goes from 23 % to 42 %. The critical-share EWMA sees nothing; the balance of opinion does.
        var souring = NoisyStream(seed: 22)
        souring.phase(minutes: 60, perHour: 1_000, share: 0.15)
        for step in 1...12 { souring.phase(minutes: 20, perHour: 1_000, share: 0.15, supportive: 0.6 - 0.03 * Double(step)) }
        let drift = try #require(souring.monitor.alerts.first { $0.kind == .drift })
        #expect(try #require(drift.figures["opinion_critical_share_ewma"]) > 0.3)
        #expect(drift.summary.contains("take a side"))
        #expect(drift.onsetEstimate != nil)
        var steady = NoisyStream(seed: 22)
        steady.phase(minutes: 300, perHour: 1_000, share: 0.15)
        #expect(!steady.monitor.alerts.contains { $0.kind == .drift })
    }

    @Test func themesAreRaisedWhenTheRunIsClosed() throws {
        var stream = NoisyStream(seed: 30)
        stream.phase(minutes: 90, perHour: 600, share: 0.15)
        let end = at(minute: 90)
        let theme = Theme(terms: ["shot dog", "seizure"], posts: 40, firstSeen: at(minute: 70), examplePostIDs: ["9", "12"])
        let early = Theme(terms: ["photo"], posts: 400, firstSeen: at(minute: 1), examplePostIDs: ["1"])
        stream.monitor.closeRun(themes: [early, theme], lastPostAt: end)
        let themes = stream.monitor.alerts.filter { $0.kind == .theme }
        #expect(themes.count == 1)  // the baseline's own theme is not news
        let raised = try #require(themes.first)
        #expect(raised.themes == ["shot dog", "seizure"])
        #expect(raised.raisedAt == end)
        #expect(raised.onsetEstimate == at(minute: 70))
        #expect(!stream.monitor.alerts.contains { $0.kind == .coordination })
    }

    @Test func clustersRaiseACoordinationAlertInTheMinuteTheyAreDetected() throws {
        var stream = NoisyStream(seed: 31)
        func cluster(_ accounts: Int, _ text: String, detectedAt minute: Int) -> CoordinationCluster {
            CoordinationCluster(
                kind: "same_text", accounts: (1...accounts).map { "@bot\($0)" }, posts: accounts, windowSeconds: 20, shared: text,
                startedAt: at(minute: minute, second: 10), detectedAt: at(minute: minute, second: 30), examplePostID: "first of \(text)")
        }
        let early = cluster(7, "free delivery", detectedAt: 10)
        let flood = cluster(25, "disgrace", detectedAt: 50)
        let later = cluster(6, "fire them all", detectedAt: 60)
        stream.clusters = [launchMinute + 10: [early], launchMinute + 50: [flood], launchMinute + 60: [later]]
        stream.phase(minutes: 200, perHour: 600, share: 0.15)
        let raised = stream.monitor.alerts.filter { $0.kind == .coordination && $0.figures["clusters"] != nil }
        #expect(raised.count == 3)
        // In the baseline's minutes too: a flood at launch is still a flood. A first small cluster is a watch.
        let first = try #require(raised.first)
        #expect(first.raisedAt == at(minute: 10, second: 58))
        #expect(first.onsetEstimate == at(minute: 9))
        #expect(first.level == .watch)
        #expect(first.clusters == [early])
        #expect(first.accounts.count == 7)
        #expect(first.examplePostIDs == ["first of free delivery"])
        // A flood of 20 accounts or more turns the watch into an alert at once, inside the repeat gap.
        let second = raised[1]
        #expect(second.raisedAt == at(minute: 50, second: 58))
        #expect(second.level == .alert)
        #expect(second.clusters == [flood])
        #expect(second.figures["clusters_in_run"] == 2)
        // After that, one found within the gap waits for it.
        let third = raised[2]
        #expect(third.raisedAt == at(minute: 50 + MonitorConfiguration().repeatMinutes, second: 58))
        #expect(third.clusters == [later])
        #expect(third.level == .alert)
        #expect(stream.hijacks.isEmpty)
    }

    @Test func aSurgeOfNewAccountsIsACoordinationWatch() throws {
        var stream = NoisyStream(seed: 40)
        stream.phase(minutes: 90, perHour: 600, share: 0.15, newAuthorShare: 0.1)
        stream.phase(minutes: 10, perHour: 600, share: 0.15, newAuthorShare: 0.9)
        let alert = try #require(stream.monitor.alerts.first { $0.kind == .coordination })
        #expect(alert.level == .watch)
        #expect(stream.hijacks.isEmpty)
    }
}
