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

    /// Copies at `seconds` after minute 0 of the test clock, by the given accounts: the sorted times and the densest
    /// one-minute window, as the trackers hand them over.
    private func copies(at seconds: [Double], accounts: [UInt64]) throws -> (window: DensestAccountWindow, times: [Double]) {
        let times = seconds.map { at(minute: 0, second: $0).timeIntervalSinceReferenceDate }
        return (try #require(DensestAccountWindow(times: times, accounts: accounts, seconds: 60)), times)
    }

    @Test func somethingNewIsABurstWhateverTheCampaign() throws {
        let new = try copies(at: [0, 5, 10, 20, 30], accounts: [1, 2, 3, 4, 5])
        #expect(campaign(perMinute: 10_000).isBurst(new.window, times: new.times))
    }

    @Test func aLineAtItsUsualShareIsNotAndAFloodAboveItIs() throws {
        // Copied every 12 seconds for 40 minutes in a campaign of 20 posts a minute: six posters in a minute, as
        // usual for it.
        let usual = try copies(at: (0..<200).map { Double($0 * 12) }, accounts: (0..<200).map(UInt64.init))
        #expect(usual.window.accounts == 6)
        #expect(!campaign(perMinute: 20).isBurst(usual.window, times: usual.times))
        // Copied every six minutes for ten hours, then five copies within 50 seconds at minute 300: a burst; two are not.
        let regular = (0..<100).map { Double(180 + $0 * 360) }
        let flood = try copies(at: (regular + [18_000, 18_010, 18_020, 18_030, 18_050]).sorted(), accounts: (0..<105).map(UInt64.init))
        #expect(flood.window.accounts == 5)
        #expect(campaign(perMinute: 20).isBurst(flood.window, times: flood.times))
        let pair = try copies(at: (regular + [18_000, 18_050]).sorted(), accounts: (0..<102).map(UInt64.init))
        #expect(!campaign(perMinute: 20).isBurst(pair.window, times: pair.times))
    }

    @Test func twentyAccountsInAMinuteAreAFloodWhateverTheShare() throws {
        // A long flood that is most of the campaign (30 posts a minute, 25 of them copies): its 200 kept copies are all
        // flood, eight minutes of it, so at its own share a minute of it is ordinary.
        let seconds = (0..<200).map { Double($0) * 2.4 }
        let manyAccounts = try copies(at: seconds, accounts: (0..<200).map(UInt64.init))
        #expect(manyAccounts.window.accounts >= 20)
        #expect(campaign(perMinute: 30).isBurst(manyAccounts.window, times: manyAccounts.times))
        let nineteenAccounts = try copies(at: seconds, accounts: (0..<200).map { UInt64(100 + $0 % 19) })
        #expect(nineteenAccounts.window.accounts == 19)
        #expect(!campaign(perMinute: 30).isBurst(nineteenAccounts.window, times: nineteenAccounts.times))
    }
}
