import Foundation

/// Whether a window of copies (the same text, link or media, or near copies) is a burst for what was copied, rather
/// than its usual share of a campaign that is simply busy: as many copies in the window would be rarer than
/// `pValue` (Poisson) if the thing kept the share of the campaign's posts it had over the rest of its sightings.
///
/// A popular line or link shared all evening puts five or eight of its posters in some minute by chance, and more as
/// the campaign grows; a flood does not follow the campaign's volume. A window of `floodAccounts` accounts or more
/// is a flood whatever the share: a long flood's kept sightings are all flood, so it would only match itself.
/// O(k + mean) for k copies in the window.
struct CopyBurst {
    /// How unlikely the window's copies must be at the usual share.
    static let pValue = 1e-4
    /// Distinct accounts in one window that make a flood without the test.
    static let floodAccounts = 20

    /// The campaign's posts in a range of minutes since 1970 (from the minute buckets).
    let postsIn: (ClosedRange<Int>) -> Int

    /// Whether `window` is a burst among the copies whose sorted `times` (seconds since the reference date) it was
    /// found in. With no copies outside the window, the thing is new and any window of enough accounts counts.
    func isBurst(_ window: DensestAccountWindow, times: [Double]) -> Bool {
        let inWindow = window.events.count
        let outside = times.count - inWindow
        guard outside > 0, window.accounts < Self.floodAccounts else { return true }
        let windowPosts = max(inWindow, postsIn(Self.minute(times[window.events.lowerBound])...Self.minute(times[window.events.upperBound])))
        let spanPosts = postsIn(Self.minute(times[0])...Self.minute(times[times.count - 1]))
        let expected = Double(outside) / Double(max(outside, spanPosts - windowPosts)) * Double(windowPosts)
        return Self.poissonUpperTail(atLeast: inWindow, mean: expected) <= Self.pValue
    }

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
