import Foundation

/// The upper tail of the binomial distribution, P(X ≥ k) for X ~ Binomial(n, p): how surprising a count of critical
/// posts is under the baseline share. Exact summation from k upwards until the terms vanish (O(terms that
/// matter), a few dozen), so small windows get the skewed tail the normal approximation misses.
public enum BinomialTail {
    /// P(X ≥ k) for X ~ Binomial(n, p).
    public static func upper(k: Int, n: Int, p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n, n > 0 else { return 0 }
        let p = min(max(p, 1e-12), 1 - 1e-12)
        let trials = Double(n)
        let successes = Double(k)
        let logChoose: Double = lgamma(trials + 1) - lgamma(successes + 1) - lgamma(trials - successes + 1)
        let logProbability: Double = successes * log(p) + (trials - successes) * log(1 - p)
        var term = exp(logChoose + logProbability)
        var sum = term
        let odds = p / (1 - p)
        var i = k
        while i < n {
            let ratio: Double = Double(n - i) / Double(i + 1)
            term *= ratio * odds
            sum += term
            i += 1
            if term < sum * 1e-14 { break }
        }
        return min(1, sum)
    }
}
