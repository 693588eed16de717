import Foundation
import Testing

@testable import Firebreak

/// Builds synthetic minute figures phase by phase and runs them through a monitor.
private struct Run {
    var monitor = HealthMonitor(start: launch)
    var minute = launchMinute
    var states: [Int: Health] = [:]
    var figuresByMinute: [Int: HealthMonitor.MinuteFigures] = [:]
    private var author = 0
    private var carry = 0.0

    init(configuration: MonitorConfiguration = MonitorConfiguration()) {
        monitor = HealthMonitor(start: launch, configuration: configuration)
    }

    /// `perHour` posts an hour spread evenly over the minutes; `share` of them critical, each critical post by a
    /// new author from the crowd unless `criticalAuthors` names a fixed set.
    mutating func phase(minutes: Int, perHour: Double, share: Double, criticalAuthors: [String]? = nil, extraCritical: Int = 0) {
        var criticalCarry = 0.0
        for _ in 0..<minutes {
            carry += perHour / 60
            let posts = Int(carry.rounded(.down))
            carry -= Double(posts)
            criticalCarry += Double(posts) * share
            let critical = Int((criticalCarry + 1e-9).rounded(.down))
            criticalCarry -= Double(critical)
            var authors: [String] = []
            for i in 0..<critical {
                if let fixed = criticalAuthors {
                    authors.append(fixed[i % fixed.count])
                } else {
                    author += 1
                    authors.append("crowd\(author)")
                }
            }
            close(posts: posts, critical: critical, authors: authors)
        }
    }

    mutating func close(posts: Int, critical: Int, authors: [String]) {
        let f = figures(minute: minute, posts: posts, critical: critical, criticalAuthors: authors)
        figuresByMinute[minute] = f
        states[minute] = monitor.close(f)
        minute += 1
    }

    var hijacks: [Alert] { monitor.alerts.filter { $0.kind == .hijack } }

    func firstMinute(in state: Health, from: Int) -> Int? {
        states.keys.sorted().first { $0 >= from && states[$0] == state }
    }
}

@Suite struct HealthMonitorTests {
    @Test func hijackIsDetectedWithinMinutesWithOneExplainedAlert() throws {
        var run = Run()
        run.phase(minutes: 60, perHour: 20 * 60, share: 0.1)
        let shift = run.minute
        run.phase(minutes: 60, perHour: 100 * 60, share: 0.6)

        #expect((launchMinute..<shift).allSatisfy { run.states[$0] == .healthy })
        let hijackedAt = try #require(run.firstMinute(in: .hijacked, from: launchMinute))
        #expect(hijackedAt >= shift)
        #expect(hijackedAt - shift <= 5)
        #expect(run.hijacks.count == 1)
        let alert = try #require(run.hijacks.first)
        #expect(alert.level == .alert)
        #expect(alert.raisedAt == run.figuresByMinute[hijackedAt]?.lastPostAt)
        let onset = try #require(alert.onsetEstimate)
        #expect(abs(onset.timeIntervalSince(at(minute: shift - launchMinute))) <= 180)
        #expect(!alert.recommendedActions.isEmpty)
        #expect(!alert.examplePostIDs.isEmpty)
        let share = try #require(alert.figures["critical_share"])
        #expect(share > 0.2)  // the window still holds baseline minutes when it fires
        let baseline = try #require(alert.figures["baseline_critical_share"])
        #expect(abs(baseline - 0.1) < 0.02)
        #expect(run.monitor.health == .hijacked)
    }

    @Test func viralSuccessIsNeverAHijack() {
        var run = Run()
        run.phase(minutes: 60, perHour: 20 * 60, share: 0.1)
        run.phase(minutes: 120, perHour: 400 * 60, share: 0.1)
        #expect(run.hijacks.isEmpty)
        #expect(!run.states.values.contains(.hijacked))
        // It is a volume burst, and the monitor may say so, but only as a watch.
        #expect(run.monitor.alerts.allSatisfy { $0.kind == .volumeBurst && $0.level == .watch })
        #expect(run.monitor.alerts.contains { $0.kind == .volumeBurst })
    }

    @Test func aTrollHandfulIsNotAHijack() {
        var run = Run()
        run.phase(minutes: 60, perHour: 20 * 60, share: 0.1)
        // The crowd goes on at its normal volume and mix (2 critical posts a minute from new people each time);
        // three accounts add 30 critical posts a minute.
        let trolls = ["troll1", "troll2", "troll3"]
        for m in 0..<60 {
            run.close(posts: 20 + 30, critical: 2 + 30, authors: ["crowd-a\(m)", "crowd-b\(m)"] + (0..<30).map { trolls[$0 % 3] })
        }
        #expect(run.hijacks.isEmpty)
        #expect(!run.states.values.contains(.hijacked))
    }

    @Test func aTrollHandfulOnAQuietCrowdIsNotAHijack() {
        var run = Run()
        run.phase(minutes: 60, perHour: 20 * 60, share: 0.1)
        let trolls = ["troll1", "troll2", "troll3"]
        for _ in 0..<60 { run.close(posts: 20 + 30, critical: 30, authors: (0..<30).map { trolls[$0 % 3] }) }
        #expect(run.hijacks.isEmpty)
    }

    @Test func aHandfulOnTopOfAGrumblingCrowdIsNotAHijack() throws {
        // The crowd grumbles a little more than at launch (16 % critical against 10 %, from new people each time,
        // enough extra critics for the crowd floors) while three accounts post 30 critical posts a minute. Counted in
        // full, the three turn the share to 66 % and the monitor calls a hijack; counted up to the cap (3 posts each in
        // 15 minutes) they are the handful they are.
        func hijacks(_ configuration: MonitorConfiguration) -> [Alert] {
            var run = Run(configuration: configuration)
            run.phase(minutes: 60, perHour: 20 * 60, share: 0.1)
            let trolls = ["troll1", "troll2", "troll3"]
            for m in 0..<60 {
                let crowd = (0..<(m % 5 == 0 ? 4 : 3)).map { "grumbler\(m)-\($0)" }
                run.close(posts: 20 + 30, critical: crowd.count + 30, authors: crowd + (0..<30).map { trolls[$0 % 3] })
            }
            return run.hijacks
        }
        var uncapped = MonitorConfiguration()
        uncapped.repeatCap = 0
        #expect(!hijacks(uncapped).isEmpty)
        #expect(hijacks(MonitorConfiguration()).isEmpty)
    }

    @Test(arguments: [120.0, 300.0])
    func aSlowSouringIsNotLearntAsNormal(perHour: Double) throws {
        // The critical share creeps from 10 % to 40 % over three hours. Learnt as normal an hour at a time (as it was
        // while a watch did not pause learning), the baseline follows the creep and the turn is confirmed late or
        // never; paused by the excursion, the baseline stays at the launch mix and the souring is caught sooner.
        func run(_ configuration: MonitorConfiguration) -> (hijackedAt: Int?, baseline: Double?, shift: Int) {
            var run = Run(configuration: configuration)
            run.phase(minutes: 90, perHour: perHour, share: 0.1)
            let shift = run.minute
            for step in 1...18 { run.phase(minutes: 10, perHour: perHour, share: 0.1 + 0.3 * Double(step) / 18) }
            run.phase(minutes: 60, perHour: perHour, share: 0.4)
            return (run.firstMinute(in: .hijacked, from: launchMinute), run.monitor.baselineShare, shift)
        }
        var learning = MonitorConfiguration()
        learning.excursionsPauseLearning = false
        let paused = run(MonitorConfiguration())
        let learnt = run(learning)
        let caught = try #require(paused.hijackedAt)
        #expect(caught > paused.shift)
        #expect(caught < learnt.hijackedAt ?? .max)
        #expect(try #require(paused.baseline) < 0.105)
        #expect(try #require(learnt.baseline) > 0.11)
    }

    @Test func anExcursionFromTheStartIsAPoorFirstEstimateAndStillLearnt() throws {
        // A launch among fans (2 % critical for the baseline half hour), then the usual public at 10 % for five hours:
        // the excursion begins within the grace, so the baseline keeps learning it and no hijack is called.
        func run(_ configuration: MonitorConfiguration) -> (hijacks: [Alert], baseline: Double?) {
            var run = Run(configuration: configuration)
            run.phase(minutes: 30, perHour: 20 * 60, share: 0.02)
            run.phase(minutes: 300, perHour: 20 * 60, share: 0.1)
            return (run.hijacks, run.monitor.baselineShare)
        }
        var noGrace = MonitorConfiguration()
        noGrace.learningGraceMinutes = 0
        let strict = run(noGrace)
        let graced = run(MonitorConfiguration())
        #expect(graced.hijacks.isEmpty)
        #expect(try #require(graced.baseline) > 0.05)
        // Without the grace the excursion pauses learning and the baseline stays at the fans' 2 %.
        #expect(try #require(strict.baseline) < 0.03)
    }

    @Test func perMinuteAuthorCountsWithoutIdentitiesAreAnUpperBound() {
        // Without sketches the monitor cannot tell the same three trolls from new people each minute, and the window
        // adds up per-minute author counts (45 for three trolls over 15 minutes); the usual critics are counted from
        // the crowd's non-critical posts and must be exceeded by 3 standard deviations, which 45 does not.
        var monitor = HealthMonitor(start: launch)
        for m in 0..<90 {
            let troll = m >= 60
            monitor.close(
                .init(
                    minute: launchMinute + m, posts: troll ? 50 : 20, critical: troll ? 30 : 2, criticalAuthors: troll ? 3 : 2,
                    lastPostAt: at(minute: m, second: 30), criticalExamples: []))
        }
        #expect(!monitor.alerts.contains { $0.kind == .hijack })
    }

    @Test func aSmallCampaignIsStillProtected() throws {
        var run = Run()
        run.phase(minutes: 60, perHour: 100, share: 0.1)
        let shift = run.minute
        run.phase(minutes: 60, perHour: 300, share: 0.6)
        #expect((launchMinute..<shift).allSatisfy { run.states[$0] != .hijacked })
        let hijackedAt = try #require(run.firstMinute(in: .hijacked, from: shift))
        #expect(hijackedAt - shift < 15)
        #expect(run.hijacks.count == 1)
    }

    @Test func aSmallCampaignTurningWithoutMoreVolume() throws {
        // 100 posts an hour before and after: the excess of critical posts over the baseline share corroborates.
        var run = Run()
        run.phase(minutes: 60, perHour: 100, share: 0.1)
        let shift = run.minute
        run.phase(minutes: 60, perHour: 100, share: 0.6)
        let hijackedAt = try #require(run.firstMinute(in: .hijacked, from: launchMinute))
        #expect(hijackedAt >= shift)
        #expect(hijackedAt - shift <= 15)
        #expect(run.hijacks.count == 1)
    }

    @Test func aSmallCampaignWhoseQuarterHoursNeverHoldTheFloorsIsStillProtected() throws {
        // 100 posts an hour turning to 36 % critical: 9 critical posts in any 15 minutes, under the floor of 10, and 7
        // authors beyond the usual critics, under 8. The run since the change began holds them once it is long enough.
        var run = Run()
        run.phase(minutes: 60, perHour: 100, share: 0.1)
        let shift = run.minute
        run.phase(minutes: 90, perHour: 100, share: 0.36)
        #expect((launchMinute..<shift).allSatisfy { run.states[$0] != .hijacked })
        let hijackedAt = try #require(run.firstMinute(in: .hijacked, from: shift))
        #expect(hijackedAt - shift <= 60)
        let alert = try #require(run.hijacks.first)
        #expect(try #require(alert.figures["critical_in_window"]) < 10)
    }

    @Test func aQuietCampaignsCUSUMThresholdIsLowerSoItTurnsSooner() throws {
        // 100 posts an hour is a tenth of the reference rate: the threshold drops by log(10), and the alert comes
        // sooner than with the busy campaigns' threshold, with the same guards.
        func hijackedAt(_ configuration: MonitorConfiguration) throws -> Int {
            var run = Run(configuration: configuration)
            run.phase(minutes: 60, perHour: 100, share: 0.3)
            let shift = run.minute
            run.phase(minutes: 60, perHour: 100, share: 0.8)
            return try #require(run.firstMinute(in: .hijacked, from: launchMinute)) - shift
        }
        var flat = MonitorConfiguration()
        flat.cusumReferenceRate = 0
        let scaled = try hijackedAt(MonitorConfiguration())
        let unscaled = try hijackedAt(flat)
        #expect(scaled >= 0)
        #expect(scaled < unscaled)
    }

    @Test func recoveryGoesThroughRecoveringToHealthy() throws {
        let configuration = MonitorConfiguration()
        var run = Run(configuration: configuration)
        run.phase(minutes: 60, perHour: 20 * 60, share: 0.1)
        let shift = run.minute
        run.phase(minutes: 30, perHour: 100 * 60, share: 0.6)
        let back = run.minute
        run.phase(minutes: 120, perHour: 20 * 60, share: 0.1)

        #expect(run.firstMinute(in: .hijacked, from: shift) != nil)
        let recovering = try #require(run.firstMinute(in: .recovering, from: back))
        // The share must stay low for `recoveryMinutes`, once the corroboration window has emptied of the hijack.
        #expect(recovering - back >= configuration.recoveryMinutes)
        #expect(recovering - back <= configuration.recoveryMinutes + configuration.corroborationMinutes)
        let healthy = try #require(run.firstMinute(in: .healthy, from: recovering))
        #expect(healthy - recovering == configuration.recoveryMinutes)
        #expect((recovering..<healthy).allSatisfy { run.states[$0] == .recovering })
        #expect((healthy..<run.minute).allSatisfy { run.states[$0] == .healthy })
        #expect(run.hijacks.count == 1)
        #expect(run.monitor.health == .healthy)
    }

    @Test func theBaselineMinutesNeverAlert() {
        // Even a hostile start is the campaign's own baseline.
        var run = Run()
        run.phase(minutes: 30, perHour: 6000, share: 0.6)
        #expect(run.states.values.allSatisfy { $0 == .healthy })
        #expect(run.monitor.alerts.isEmpty)
    }

    @Test func aCompositionShiftWithoutCorroborationIsOnlyWatched() {
        // The share jumps from 5 % to 40 % at the same volume, but four accounts write every critical post:
        // the composition detectors fire, the distinct-author corroboration does not, the state goes to watch.
        var run = Run()
        run.phase(minutes: 60, perHour: 600, share: 0.05)
        run.phase(minutes: 20, perHour: 600, share: 0.4, criticalAuthors: ["a", "b", "c", "d"])
        #expect(run.hijacks.isEmpty)
        #expect(run.states.values.contains(.watch))
    }

    @Test func aSmallShiftOnABusyCampaignIsNotAHijack() {
        // 10,000 posts an hour moving from 15 % to 22 % critical: overwhelming evidence, too small a change to be a
        // hijack (the minimum share shift), though the EWMA may call it drift.
        var run = Run()
        run.phase(minutes: 60, perHour: 10_000, share: 0.15)
        run.phase(minutes: 240, perHour: 10_000, share: 0.22)
        #expect(run.hijacks.isEmpty)
        #expect(run.monitor.alerts.allSatisfy { $0.kind != .hijack })
    }

    @Test func volumeBurstsAreRaisedAtMostEveryTwoHours() {
        var run = Run()
        run.phase(minutes: 60, perHour: 20 * 60, share: 0.1)
        run.phase(minutes: 300, perHour: 400 * 60, share: 0.1)
        let bursts = run.monitor.alerts.filter { $0.kind == .volumeBurst }
        #expect(bursts.count == 3)
        for (a, b) in zip(bursts, bursts.dropFirst()) { #expect(b.raisedAt.timeIntervalSince(a.raisedAt) >= 120 * 60) }
        #expect(bursts.allSatisfy { $0.onsetEstimate != nil && $0.figures["posts_in_window"] != nil })
    }

    @Test func alertIDsAreSequential() {
        var run = Run()
        run.phase(minutes: 60, perHour: 20 * 60, share: 0.1)
        run.phase(minutes: 30, perHour: 400 * 60, share: 0.6)
        #expect(run.monitor.alerts.map(\.id) == (1...run.monitor.alerts.count).map { "A\($0)" })
        #expect(run.hijacks.count == 1)
    }
}
