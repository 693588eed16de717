/// Counts per hour over a bounded number of slots: when the span grows past `maxSlots`, slots widen to
/// 2, 4, 8... hours, so memory stays bounded for archives of any length. Add is O(1) amortised
/// (O(slots) when the range extends or coarsens), whatever order hours arrive in.
public struct HourHistogram: Sendable, Hashable {
    /// The most slots kept.
    public static let maxSlots = 256
    /// Hours per slot (a power of two).
    public private(set) var width = 1
    /// The first hour of slot 0 (a multiple of `width`).
    public private(set) var base: Int
    /// Counts per slot, oldest first.
    public private(set) var slots: [UInt32]

    /// Creates an empty histogram whose first slot is `hour`.
    public init(startingAt hour: Int) {
        base = hour
        slots = [0]
    }

    /// Counts one event at `hour`.
    public mutating func add(hour: Int) {
        var index = Self.floorDiv(hour - base, width)
        if index < 0 || index >= slots.count {
            let low = min(base, hour)
            let high = max(base + slots.count * width - 1, hour)
            while Self.floorDiv(high, width) - Self.floorDiv(low, width) + 1 > Self.maxSlots { coarsen() }
            let newBase = Self.floorDiv(min(base, hour), width) * width
            if newBase < base {
                slots.insert(contentsOf: repeatElement(0, count: (base - newBase) / width), at: 0)
                base = newBase
            }
            index = Self.floorDiv(hour - base, width)
            if index >= slots.count { slots.append(contentsOf: repeatElement(0, count: index - slots.count + 1)) }
        }
        slots[index] &+= 1
    }

    /// Doubles the slot width, merging neighbours.
    private mutating func coarsen() {
        let newWidth = width * 2
        let newBase = Self.floorDiv(base, newWidth) * newWidth
        var merged = [UInt32](repeating: 0, count: (slots.count * width + (base - newBase)) / newWidth + 1)
        for (i, value) in slots.enumerated() {
            merged[(base + i * width - newBase) / newWidth] &+= value
        }
        while merged.last == 0 && merged.count > 1 { merged.removeLast() }
        width = newWidth
        base = newBase
        slots = merged
    }

    @inline(__always) static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
