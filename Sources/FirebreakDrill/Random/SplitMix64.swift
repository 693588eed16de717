import FirebreakLanguage
import Foundation

/// A small seeded pseudo-random generator (SplitMix64) whose output depends only on its seed.
///
/// Drills must be byte-identical across runs, machines and toolchains, so the generator never touches
/// `SystemRandomNumberGenerator` and never uses the standard library's `random(in:using:)` helpers,
/// whose algorithms may change between Swift releases; every draw goes through the methods below.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        defer { state &+= StableHash.gamma }
        return StableHash.splitMix(state)
    }

    /// A uniform number in `[0, 1)` with 53 bits of precision.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound`; `bound` must be positive.
    ///
    /// Lemire's multiply-shift with rejection, written out so the sequence cannot drift with the standard library.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in the closed range.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform number in the half-open range.
    public mutating func double(in range: Range<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// `true` with the given probability.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element chosen uniformly; the collection must not be empty.
    public mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
        elements[elements.startIndex + below(elements.count)]
    }

    /// An index chosen with probability proportional to its weight; returns nil when all weights are zero.
    public mutating func weightedIndex(_ weights: [Double]) -> Int? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var target = unit() * total
        for (index, weight) in weights.enumerated() where weight > 0 {
            target -= weight
            if target < 0 { return index }
        }
        // Rounding can leave a sliver of the total unspent; the last positive weight takes it.
        return weights.lastIndex { $0 > 0 }
    }

    /// A standard normal draw (Box–Muller).
    public mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-53)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A Poisson draw with the given mean: exact (Knuth) for small means, a rounded normal for large ones.
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 30 {
            let limit = exp(-mean)
            var product = unit()
            var count = 0
            while product > limit {
                product *= unit()
                count += 1
            }
            return count
        }
        return max(0, Int((mean + mean.squareRoot() * normal()).rounded()))
    }

    /// A Pareto draw with minimum `scale` and tail index `shape`: heavy-tailed popularity and follower counts.
    public mutating func pareto(scale: Double, shape: Double) -> Double {
        scale / pow(max(1 - unit(), 0x1.0p-53), 1 / shape)
    }
}
