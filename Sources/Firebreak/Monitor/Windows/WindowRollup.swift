/// The last `length` minutes as a ring buffer of minute summaries with running totals.
///
/// Closing a minute is O(1) for every sum (the new minute is added, the one falling out subtracted); the
/// distinct-author counts union the kept sketches on demand, O(length × 256 bytes). Memory is `length`
/// summaries whatever the campaign's length.
public struct WindowRollup: Sendable {
    /// Minutes the window spans.
    public let length: Int
    /// The running sums over the minutes held.
    public private(set) var totals = WindowTotals()
    private var ring: [MinuteSummary] = []
    private var next = 0

    /// Creates an empty window of `length` minutes (at least one).
    public init(length: Int) {
        self.length = max(1, length)
        ring.reserveCapacity(self.length)
    }

    /// Adds a closed minute; the oldest falls out once the window is full.
    public mutating func close(_ minute: MinuteSummary) {
        if ring.count < length {
            ring.append(minute)
        } else {
            totals.apply(ring[next], sign: -1)
            ring[next] = minute
            next = (next + 1) % length
        }
        totals.apply(minute, sign: 1)
    }

    /// The minutes held, oldest first.
    public var minutes: [MinuteSummary] { ring.count < length ? ring : Array(ring[next...] + ring[..<next]) }

    /// Whether the window holds `length` minutes.
    public var isFull: Bool { ring.count == length }

    /// The oldest minute held: the next to fall out once the window is full.
    public var oldest: MinuteSummary? { ring.isEmpty ? nil : ring.count < length ? ring[0] : ring[next] }

    /// The first minute held (nil when empty).
    public var firstMinute: Int? { ring.isEmpty ? nil : ring.count < length ? ring[0].minute : ring[next].minute }

    /// Distinct authors in the window (sketch union), nil when any non-empty minute lacks a sketch.
    public var distinctAuthors: Int? {
        union(\.authorSketch, present: { $0.posts == 0 })
    }

    /// Distinct critical authors: the sketch union when every minute with critical posts has one, otherwise
    /// the sum of the per-minute counts (an upper bound).
    public var distinctCriticalAuthors: Int { distinctCriticalAuthors(from: .min) }

    /// The totals and distinct critical authors of the minutes held from `minute` on (all of them when `minute` is
    /// earlier than the oldest). O(length).
    public func since(_ minute: Int) -> (totals: WindowTotals, distinctCriticalAuthors: Int) {
        var totals = WindowTotals()
        for m in ring where m.minute >= minute { totals.apply(m, sign: 1) }
        return (totals, distinctCriticalAuthors(from: minute))
    }

    private func distinctCriticalAuthors(from minute: Int) -> Int {
        union(\.criticalAuthorSketch, present: { $0.criticalAuthors == 0 }, from: minute)
            ?? ring.reduce(0) { $1.minute >= minute ? $0 + $1.criticalAuthors : $0 }
    }

    /// The most recent critical example ids, newest minute first.
    public func criticalExamples(limit: Int) -> [String] { Array(minutes.reversed().flatMap(\.criticalExamples).prefix(limit)) }

    /// The union of the sketches of the minutes from `minute` on; nil when a minute that is not `empty` has none.
    private func union(
        _ sketch: KeyPath<MinuteSummary, SmallDistinctCounter?>, present empty: (MinuteSummary) -> Bool, from minute: Int = .min
    ) -> Int? {
        var result = SmallDistinctCounter()
        for m in ring where m.minute >= minute {
            if let s = m[keyPath: sketch] {
                result.formUnion(s)
            } else if !empty(m) {
                return nil
            }
        }
        return result.estimate
    }
}
