import Foundation

/// Whether a window of copies (the same text, link or media, or near copies) is a burst for what was copied, rather
/// than its usual share of a campaign that is simply busy: as many copies in the window would be rarer than
/// `pValue` (Poisson) if the thing kept the share of the campaign's posts it had before the window.
///
/// A popular line or link shared all evening puts five or eight of its posters in some minute by chance, and more as
/// the campaign grows; a flood does not follow the campaign's volume. Such a line also offers a window at nearly every
/// copy, and one test in ten thousand passes by chance, so the `n`th window tested for one group must be `n` times
/// rarer (Bonferroni over the windows tested so far): a flood of something new is caught at its first window anyway.
/// A window of `floodAccounts` accounts or more is a flood whatever the share: a long flood's earlier copies are flood
/// too, so it would only match itself.
/// The test reads only the copies up to the window's end and the campaign's volume up to then, so a live run, which
/// has seen no more, judges a window as the report of the whole archive does. O(k + mean) for k copies in the window.
struct CopyBurst {
    /// How unlikely the window's copies must be at the usual share.
    static let pValue = 1e-4
    /// Distinct accounts in one window that make a flood without the test.
    static let floodAccounts = 20

    /// The campaign's posts in a range of minutes since 1970 (from the minute buckets).
    let postsIn: (ClosedRange<Int>) -> Int

    /// Whether the copies `events` (indices into the sorted `times`, seconds since the reference date), posted by
    /// `accounts` distinct accounts, are a burst against the copies before them. Something new is judged as if it had
    /// been posted once in the campaign's day before the window: a line many post the moment a campaign launches (a
    /// suggested text) is not a burst, the same line from nowhere in a campaign that has been running is. `tests` is
    /// how many windows of the group have been tested, this one included.
    func isBurst(events: ClosedRange<Int>, accounts: Int, times: [Double], tests: Int = 1) -> Bool {
        isBurst(
            before: events.lowerBound, inWindow: events.count, accounts: accounts, firstTime: times[0], start: times[events.lowerBound],
            end: times[events.upperBound], tests: tests)
    }

    /// The same test on counts: `before` copies before a window of `inWindow` copies by `accounts` accounts from `start`
    /// to `end` (seconds since the reference date), the first copy at `firstTime`. Without `floodShortcut`, twenty
    /// accounts are judged like five: for copies past a group's earliest, which a popular line reaches by itself.
    func isBurst(
        before: Int, inWindow: Int, accounts: Int, firstTime: Double, start: Double, end: Double, tests: Int = 1, floodShortcut: Bool = true
    ) -> Bool {
        guard !floodShortcut || accounts < Self.floodAccounts else { return true }
        let startMinute = Self.minute(start)
        let windowPosts = max(inWindow, postsIn(startMinute...Self.minute(end)))
        let expected: Double
        if before > 0 {
            let spanPosts = postsIn(Self.minute(firstTime)...Self.minute(end))
            expected = Double(before) / Double(max(before, spanPosts - windowPosts)) * Double(windowPosts)
        } else {
            expected = Double(windowPosts) / Double(max(1, postsIn((startMinute - Self.dayMinutes)...(startMinute - 1))))
        }
        // Within three standard deviations of the mean no Poisson tail is as small as `pValue`: skip the sum, since
        // a popular line's group offers a window at nearly every copy.
        guard Double(inWindow) > expected + 3 * expected.squareRoot() else { return false }
        return Self.poissonUpperTail(atLeast: inWindow, mean: expected) <= Self.pValue / Double(max(1, tests))
    }

    /// How far back the campaign's volume is read for something new.
    static let dayMinutes = 1_440

    /// The minute since 1970 of a time in seconds since the reference date.
    static func minute(_ time: Double) -> Int { Int(((time + Date.timeIntervalBetween1970AndReferenceDate) / 60).rounded(.down)) }

    /// P(X ≥ k) for X ~ Poisson(mean): summed from k upwards while k is above the mean (so tiny tails keep their
    /// precision), else one less the terms below k. O(k + mean) at most.
    static func poissonUpperTail(atLeast k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0 else { return 0 }
        guard Double(k) > mean else {
            let below = (0..<k).reduce(0.0) { $0 + exp(Double($1) * log(mean) - mean - lgamma(Double($1) + 1)) }
            return max(0, 1 - below)
        }
        // log P(X = k), then the terms above it until they stop mattering.
        var logTerm = Double(k) * log(mean) - mean - lgamma(Double(k) + 1)
        var sum = 0.0
        var i = k
        while true {
            let term = exp(logTerm)
            sum += term
            i += 1
            if term < sum * 1e-12 { break }
            logTerm += log(mean / Double(i))
        }
        return min(1, sum)
    }
}
