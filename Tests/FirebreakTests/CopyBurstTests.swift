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

    /// A campaign of `perMinute` posts every minute.
    private func campaign(perMinute: Int) -> CopyBurst { CopyBurst(postsIn: { $0.count * perMinute }) }

    private func seconds(minute: Int) -> Double { at(minute: minute).timeIntervalSinceReferenceDate }

    @Test func somethingNewIsABurstWhateverTheCampaign() {
        let start = seconds(minute: 0)
        #expect(campaign(perMinute: 10_000).isBurst(inWindow: 5, accounts: 5, windowStart: start, windowEnd: start + 30, outside: 0, first: start, last: start + 30))
    }

    @Test func copiesAtTheirUsualShareAreNotAndAFloodIs() {
        // A line copied 100 times over ten hours of a campaign of 20 posts a minute: a share of 1 in 120, about a
        // sixth of a copy in a minute. Five in one minute is a burst, two is not. In a campaign of 2,000 a minute
        // that copies it 10,000 times (the same share), five in a minute are what it always gets.
        let (start, end, first, last) = (seconds(minute: 300), seconds(minute: 300) + 50, seconds(minute: 0), seconds(minute: 600))
        #expect(campaign(perMinute: 20).isBurst(inWindow: 5, accounts: 5, windowStart: start, windowEnd: end, outside: 100, first: first, last: last))
        #expect(!campaign(perMinute: 20).isBurst(inWindow: 2, accounts: 2, windowStart: start, windowEnd: end, outside: 100, first: first, last: last))
        #expect(!campaign(perMinute: 2_000).isBurst(inWindow: 5, accounts: 5, windowStart: start, windowEnd: end, outside: 10_000, first: first, last: last))
    }

    @Test func twentyAccountsInAMinuteAreAFloodWhateverTheShare() {
        // A long flood that is most of the campaign (30 posts a minute, 25 of them copies): its 200 kept copies are
        // all flood, eight minutes of it, so at its own share a minute of it is ordinary.
        let (start, first, last) = (seconds(minute: 20), seconds(minute: 12), seconds(minute: 20) + 59)
        let burst = campaign(perMinute: 30)
        #expect(burst.isBurst(inWindow: 25, accounts: 20, windowStart: start, windowEnd: start + 50, outside: 175, first: first, last: last))
        #expect(!burst.isBurst(inWindow: 25, accounts: 19, windowStart: start, windowEnd: start + 50, outside: 175, first: first, last: last))
    }
}
