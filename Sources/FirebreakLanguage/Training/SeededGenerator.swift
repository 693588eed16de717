/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so training runs repeat
/// exactly on every machine and Swift version.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        defer { state &+= StableHash.gamma }
        return StableHash.splitMix(state)
    }

    /// A value in `0..<bound` (multiply-shift; the tiny bias is irrelevant for shuffling).
    public mutating func below(_ bound: Int) -> Int {
        Int((UInt128(next()) * UInt128(bound)) >> 64)
    }

    /// Fisher–Yates shuffle written out here, because the standard library's `shuffle(using:)` algorithm
    /// is not promised to stay the same across releases.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(index, below(index + 1))
        }
    }
}
