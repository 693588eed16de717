import Foundation
import Testing

@testable import Firebreak

@Suite struct CopyBurstTests {
    @Test func poissonTails() {
        let tail = CopyBurst.poissonUpperTail
        let oneBelowFive: Double = 1 + 1 + 0.5 + 1.0 / 6 + 1.0 / 24
        let fiveBelowThree: Double = 1 + 5 + 12.5
        #expect(abs(tail(1, 1) - (1 - exp(-1.0))) < 1e-12)
        #expect(abs(tail(5, 1) - (1 - exp(-1.0) * oneBelowFive)) < 1e-12)
        #expect(abs(tail(3, 5) - (1 - exp(-5.0) * fiveBelowThree)) < 1e-12)
        // Far in the tail, where one less the rest would round to zero.
        let tiny = CopyBurst.poissonUpperTail(atLeast: 40, mean: 0.5)
        #expect(tiny > 0 && tiny < 1e-50)
        #expect(CopyBurst.poissonUpperTail(atLeast: 0, mean: 3) == 1)
        #expect(CopyBurst.poissonUpperTail(atLeast: 2, mean: 0) == 0)
    }

    /// A campaign of `perMinute(m)` posts in minute m of the test clock.
    private func campaign(perMinute: @escaping (Int) -> Int) -> CopyBurst {
        let base = CopyBurst.minute(at(minute: 0).timeIntervalSinceReferenceDate)
        return CopyBurst(postsIn: { range in range.reduce(0) { $0 + perMinute($1 - base) } })
    }

    /// A campaign of `perMinute` posts every minute.
    private func campaign(perMinute: Int) -> CopyBurst { campaign(perMinute: { _ in perMinute }) }

    /// When copies at `seconds` after minute 0 of the test clock, one account each unless given, first became a
    /// cluster of five accounts in a minute, as the trackers find it: the index of the copy that completed it.
    private func detection(at seconds: [Double], accounts: [UInt64]? = nil, in burst: CopyBurst) throws -> Int? {
        let times = seconds.map { at(minute: 0, second: $0).timeIntervalSinceReferenceDate }
        let window = try #require(
            DensestAccountWindow(
                times: times, accounts: accounts ?? seconds.indices.map { UInt64($0 + 10) }, seconds: 60, minimumAccounts: 5,
                qualifies: { burst.isBurst(events: $0, accounts: $1, times: times, tests: $2) }))
        return window.detectedAt
    }

    @Test func somethingNewInACampaignThatHasBeenRunningIsABurstAtItsFifthAccount() throws {
        // Copies from minute 0 of the test clock, in a campaign of 10,000 posts a minute that began a day earlier.
        #expect(try detection(at: [0, 5, 10, 20, 30, 40], in: campaign(perMinute: 10_000)) == 4)
        // Four accounts, one of them twice: not yet.
        #expect(try detection(at: [0, 5, 10, 20, 30], accounts: [1, 2, 3, 4, 1], in: campaign(perMinute: 10_000)) == nil)
    }

    @Test func aLineManyPostAtLaunchIsNotABurstButTwentyAccountsAre() throws {
        // The campaign begins at minute 0 with 20 posts a minute, and six of the first minute's posts are one
        // suggested text: with nothing before it, that is the campaign, not a burst within it.
        let launching = campaign(perMinute: { $0 < 0 ? 0 : 20 })
        #expect(try detection(at: [0, 5, 10, 20, 30, 40], in: launching) == nil)
        let flood: [Double] = (0..<25).map { Double($0 * 2) }
        #expect(try detection(at: flood, in: launching) == 19)
    }

    @Test func aLineGrowingWithTheCampaignIsNotAndAFloodAboveItIs() throws {
        // A line that is a quarter of the campaign: one copy every two minutes while the campaign has two posts a
        // minute (an hour), then every 12 seconds at 20 a minute (40 minutes). Six posters in a minute, as usual for it.
        let slow: [Double] = (0..<30).map { Double($0 * 120) }
        let busy: [Double] = (0..<200).map { Double(3_600 + $0 * 12) }
        let line = slow + busy
        let growing = campaign(perMinute: { $0 < 60 ? 2 : 20 })
        #expect(try detection(at: line, in: growing) == nil)
        // Copied every six minutes for five hours, then five copies within 50 seconds at minute 300: a burst at the
        // fifth; two are not.
        let regular: [Double] = (0..<50).map { Double(180 + $0 * 360) }
        #expect(try detection(at: regular + [18_000, 18_010, 18_020, 18_030, 18_050], in: campaign(perMinute: 20)) == 54)
        #expect(try detection(at: regular + [18_000, 18_050], in: campaign(perMinute: 20)) == nil)
    }

    @Test func aDetectionReadsNothingAfterIt() throws {
        // What follows the flood (its copies going on all evening) does not move when it was found, so a live run
        // that has not seen it yet finds the same moment.
        let regular: [Double] = (0..<50).map { Double(180 + $0 * 360) }
        let flood: [Double] = [18_000, 18_010, 18_020, 18_030, 18_050]
        let after: [Double] = (0..<100).map { Double(18_100 + $0 * 10) }
        let burst = campaign(perMinute: 20)
        #expect(try detection(at: regular + flood, in: burst) == 54)
        #expect(try detection(at: regular + flood + after, in: burst) == 54)
    }

    @Test func twentyAccountsInAMinuteAreAFloodWhateverTheShare() {
        // A long flood that is most of the campaign (30 posts a minute, 25 of them copies): at the share it had before,
        // a minute of it is ordinary, but twenty accounts in one minute are a flood.
        let times = (0..<200).map { at(minute: 0, second: Double($0) * 2.4).timeIntervalSinceReferenceDate }
        let minute = 100...124
        #expect(campaign(perMinute: 30).isBurst(events: minute, accounts: 20, times: times))
        #expect(!campaign(perMinute: 30).isBurst(events: minute, accounts: 19, times: times))
    }

    @Test func theNthWindowTestedMustBeNTimesRarer() {
        // Copied every six minutes for five hours in a campaign of 20 posts a minute, then five copies within 40
        // seconds across two minutes: about 1 in 40,000 at the line's share. That passes as a group's first window tested (1 in 10,000)
        // but not as its tenth, where a popular line's chance windows would otherwise add up.
        let seconds: [Double] = (0..<50).map { Double(180 + $0 * 360) } + [17_990, 18_000, 18_010, 18_020, 18_030]
        let times = seconds.map { at(minute: 0, second: $0).timeIntervalSinceReferenceDate }
        let burst = campaign(perMinute: 20)
        #expect(burst.isBurst(events: 50...54, accounts: 5, times: times, tests: 1))
        #expect(burst.isBurst(events: 50...54, accounts: 5, times: times, tests: 2))
        #expect(!burst.isBurst(events: 50...54, accounts: 5, times: times, tests: 10))
    }
}
