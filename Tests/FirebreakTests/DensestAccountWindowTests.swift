import Testing

@testable import Firebreak

@Suite struct DensestAccountWindowTests {
    @Test func theFirstWindowWithTheMostDistinctAccountsWins() throws {
        // Account 1 posts four times in the first minute (one account, not four); accounts 2-4 and 1 fall within
        // 60 seconds later on; a later window with as many accounts does not replace the first.
        let times: [Double] = [0, 5, 10, 15, 100, 120, 140, 159, 300, 310, 320, 330]
        let accounts: [UInt64] = [1, 1, 1, 1, 2, 3, 4, 1, 5, 6, 7, 8]
        let window = try #require(DensestAccountWindow(times: times, accounts: accounts, seconds: 60))
        #expect(window.accounts == 4)
        #expect(window.events == 4...7)
    }

    @Test func theWindowIncludesItsEdgeAndNothingBeyond() throws {
        let window = try #require(DensestAccountWindow(times: [0, 60, 60.5], accounts: [1, 2, 3], seconds: 60))
        #expect(window.accounts == 2)
        #expect(window.events == 0...1)
    }

    @Test func noEventsOrMismatchedInputsHaveNoWindow() {
        #expect(DensestAccountWindow(times: [], accounts: [], seconds: 60) == nil)
        #expect(DensestAccountWindow(times: [0, 1], accounts: [1], seconds: 60) == nil)
    }

    @Test func detectionIsTheFirstAcceptedWindowOfEnoughAccounts() throws {
        // Three accounts by event 2, four by event 3; the first window of four is refused, the next one accepted.
        let times: [Double] = [0, 10, 20, 30, 40, 200, 210, 220, 230]
        let accounts: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        var offered: [ClosedRange<Int>] = []
        let window = try #require(
            DensestAccountWindow(times: times, accounts: accounts, seconds: 60, minimumAccounts: 4) { events, distinct, tests in
                offered.append(events)
                #expect(distinct == events.count)
                #expect(tests == offered.count)
                return offered.count == 2
            })
        #expect(offered == [0...3, 0...4])
        #expect(window.detectedAt == 4)
        #expect(window.offered == 2)
        #expect(window.accounts == 5)
        let never = try #require(DensestAccountWindow(times: times, accounts: accounts, seconds: 60, minimumAccounts: 6))
        #expect(never.detectedAt == nil)
    }
}
