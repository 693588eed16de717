import Foundation
import Testing

@testable import Firebreak

@Suite struct BinomialTailTests {
    /// The tail by brute force over every term, in log space (fine for small n).
    func bruteForce(k: Int, n: Int, p: Double) -> Double {
        var sum = 0.0
        for i in k...n {
            let logChoose: Double = lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1))
            let logPower: Double = Double(i) * log(p) + Double(n - i) * log(1 - p)
            sum += exp(logChoose + logPower)
        }
        return sum
    }

    @Test("matches the sum of every term, above and below the mean")
    func matchesBruteForce() {
        for (n, p) in [(10, 0.1), (25, 0.2), (60, 0.5), (200, 0.05), (300, 0.7)] {
            for k in stride(from: 0, through: n, by: max(1, n / 20)) {
                let exact = k == 0 ? 1 : bruteForce(k: k, n: n, p: p)
                let tail = BinomialTail.upper(k: k, n: n, p: p)
                #expect(abs(tail - exact) <= 1e-9 + 1e-9 * exact, "n=\(n) p=\(p) k=\(k): \(tail) vs \(exact)")
            }
        }
    }

    @Test("a huge run: far tails are 0 or 1, one standard deviation above the mean about 0.16")
    func hugeRuns() {
        // A run of a million posts at 20 % with 30 % critical: the first term underflows; the tail is 0, not a
        // loop over the remaining 700,000 terms.
        #expect(BinomialTail.upper(k: 300_000, n: 1_000_000, p: 0.2) == 0)
        #expect(BinomialTail.upper(k: 100_000, n: 1_000_000, p: 0.2) == 1)
        let nearMean = BinomialTail.upper(k: 200_400, n: 1_000_000, p: 0.2)
        // 400 above a mean of 200,000 with a standard deviation of 400: one sigma, about 0.16.
        #expect(nearMean > 0.14 && nearMean < 0.18)
    }
}
