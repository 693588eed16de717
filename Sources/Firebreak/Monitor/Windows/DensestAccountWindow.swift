/// The stretch of at most a given number of seconds in which the most distinct accounts posted: how coordination is
/// told apart from a popular post shared over hours. It also finds when the copies first became a cluster.
struct DensestAccountWindow {
    /// Distinct accounts in the window.
    var accounts: Int
    /// The window's first and last event (indices into the events given).
    var events: ClosedRange<Int>
    /// The event that completed the first window of enough accounts that `qualifies` accepted (nil: none did): when a
    /// run that had seen the events up to it would have called them a cluster.
    var detectedAt: Int?
    /// Windows offered to `qualifies`: a burst test's count of tests for the group.
    var offered: Int

    /// The first densest window over events sorted by time, given their times and account hashes (numbered through a
    /// `FingerprintTable`, so hashes 0 and 1 count as one account); nil when there are no events. Each window that
    /// ends at an event and holds at least `minimumAccounts` accounts is offered to `qualifies` (its events, its
    /// distinct accounts, and how many windows have been offered so far, this one included) until one is accepted.
    /// O(n) plus the calls: the accounts are numbered once, then one window slides over the events counting each number.
    init?(
        times: [Double], accounts: [UInt64], seconds: Double, minimumAccounts: Int = .max,
        qualifies: (ClosedRange<Int>, Int, Int) -> Bool = { _, _, _ in true }
    ) {
        guard !times.isEmpty, times.count == accounts.count else { return nil }
        var numbers = FingerprintTable<Int>(capacity: accounts.count)
        let accountOf = accounts.map { account in
            var number = numbers.count
            numbers.update(account, insert: { number }) { number = $0 }
            return number
        }
        var inWindow = [Int](repeating: 0, count: numbers.count)
        var distinct = 0
        var best = (distinct: 0, start: 0, end: 0)
        var detectedAt: Int?
        var offered = 0
        var start = 0
        for end in times.indices {
            if inWindow[accountOf[end]] == 0 { distinct += 1 }
            inWindow[accountOf[end]] += 1
            while times[end] - times[start] > seconds {
                inWindow[accountOf[start]] -= 1
                if inWindow[accountOf[start]] == 0 { distinct -= 1 }
                start += 1
            }
            if distinct > best.distinct { best = (distinct, start, end) }
            if detectedAt == nil, distinct >= minimumAccounts {
                offered += 1
                if qualifies(start...end, distinct, offered) { detectedAt = end }
            }
        }
        self.accounts = best.distinct
        events = best.start...best.end
        self.detectedAt = detectedAt
        self.offered = offered
    }
}
