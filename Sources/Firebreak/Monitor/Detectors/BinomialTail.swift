import Foundation

/// The upper tail of the binomial distribution, P(X ≥ k) for X ~ Binomial(n, p): how surprising a count of critical
/// posts is under the baseline share. Exact summation over the terms that matter, from the count away from the mode
/// so they shrink (a few standard deviations' worth), so small windows get the skewed tail the normal approximation
/// misses and a run of a million posts costs no more than its spread.
public enum BinomialTail {
    /// P(X ≥ k) for X ~ Binomial(n, p).
    public static func upper(k: Int, n: Int, p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n, n > 0 else { return 0 }
        let p = min(max(p, 1e-12), 1 - 1e-12)
        // At or below the mean the tail is large; its complement below k is the sum whose terms shrink.
        if Double(k) <= Double(n) * p { return max(0, 1 - lower(k - 1, n: n, p: p)) }
        var term = probability(k, n: n, p: p)
        // Past double precision: smaller than any threshold a caller can ask about, and summing zeros never stops.
        guard term > 0 else { return 0 }
        var sum = term
        let odds = p / (1 - p)
        var i = k
        while i < n {
            term *= Double(n - i) / Double(i + 1) * odds
            sum += term
            i += 1
            if term < sum * 1e-14 { break }
        }
        return min(1, sum)
    }

    /// P(X ≤ k), summed from k downwards; k is below the mean.
    private static func lower(_ k: Int, n: Int, p: Double) -> Double {
        guard k >= 0 else { return 0 }
        var term = probability(k, n: n, p: p)
        guard term > 0 else { return 0 }
        var sum = term
        let inverseOdds = (1 - p) / p
        var i = k
        while i > 0 {
            term *= Double(i) / Double(n - i + 1) * inverseOdds
            sum += term
            i -= 1
            if term < sum * 1e-14 { break }
        }
        return min(1, sum)
    }

    /// P(X = k).
    private static func probability(_ k: Int, n: Int, p: Double) -> Double {
        let trials = Double(n)
        let successes = Double(k)
        let logChoose: Double = lgamma(trials + 1) - lgamma(successes + 1) - lgamma(trials - successes + 1)
        return exp(logChoose + successes * log(p) + (trials - successes) * log(1 - p))
    }
}
