/// Counts per hour over a bounded number of slots: when the span grows past `maxSlots`, slots widen to
/// 2, 4, 8... hours, so memory stays bounded for archives of any length. Add is O(1) amortised
/// (O(slots) when the range extends or coarsens), whatever order hours arrive in.
public struct HourHistogram: Sendable, Hashable {
    /// The most slots kept.
    public static let maxSlots = 256
    /// Hours per slot (a power of two).
    public var width: Int { 1 << shift }
    /// log2 of `width`: hours map to slots by an arithmetic shift, which rounds down for hours before `base` too (a
    /// division per term of every post added up).
    private var shift = 0
    /// The first hour of slot 0 (a multiple of `width`).
    public private(set) var base: Int
    /// Slot 0's count while it is the only slot: most terms are seen within one hour, and this spares them an
    /// array of their own (an allocation, and a second cache miss on every count).
    private var only: UInt32 = 0
    /// Counts per slot once there is more than one (empty until then).
    private var many: [UInt32] = []

    /// Creates an empty histogram whose first slot is `hour`.
    public init(startingAt hour: Int) {
        base = hour
    }

    /// Counts per slot, oldest first.
    public var slots: [UInt32] { many.isEmpty ? [only] : many }

    /// Counts one event at `hour`.
    public mutating func add(hour: Int) {
        var index = (hour - base) >> shift
        if many.isEmpty {
            if index == 0 {
                only &+= 1
                return
            }
            many = [only]
        }
        if index < 0 || index >= many.count {
            let low = min(base, hour)
            let high = max(base + many.count * width - 1, hour)
            while (high >> shift) - (low >> shift) + 1 > Self.maxSlots { coarsen() }
            let newBase = (low >> shift) << shift
            if newBase < base {
                many.insert(contentsOf: repeatElement(0, count: (base - newBase) / width), at: 0)
                base = newBase
            }
            index = (hour - base) >> shift
            if index >= many.count { many.append(contentsOf: repeatElement(0, count: index - many.count + 1)) }
        }
        many[index] &+= 1
    }

    /// Equal when they count the same hours the same way, however the counts are held.
    public static func == (a: HourHistogram, b: HourHistogram) -> Bool {
        a.width == b.width && a.base == b.base && a.slots == b.slots
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(base)
        hasher.combine(slots)
    }

    /// Doubles the slot width, merging neighbours.
    private mutating func coarsen() {
        let newWidth = width * 2
        let newBase = (base >> (shift + 1)) << (shift + 1)
        var merged = [UInt32](repeating: 0, count: (many.count * width + (base - newBase)) / newWidth + 1)
        for (i, value) in many.enumerated() {
            merged[(base + i * width - newBase) / newWidth] &+= value
        }
        while merged.last == 0 && merged.count > 1 { merged.removeLast() }
        shift += 1
        base = newBase
        many = merged
    }
}
