import Foundation

/// The slots of a `FingerprintTable`: each a key beside its value, so a probe that finds its key reads one cache line,
/// not two arrays. Keys are 0 in empty slots, whose values are uninitialised memory: the slots come zeroed from
/// `calloc`, so an empty or doubled table costs no per-slot writes, and values move between tables bitwise.
final class FingerprintSlots<Value>: @unchecked Sendable {
    // Unchecked: the table writes its slots only while it holds the sole reference (copy-on-write), as `Array` does.
    private struct Slot {
        var key: UInt64
        var value: Value
    }

    private let memory: UnsafeMutableRawPointer
    private let slots: UnsafeMutablePointer<Slot>
    let size: Int
    let mask: Int
    private(set) var count = 0

    /// Empty slots, `size` a power of two.
    init(size: Int) {
        // Aligned to a cache line, so a slot of 16, 32 or 64 bytes never straddles two (malloc aligns to 16 only).
        let line = 64
        guard let memory = calloc(size * MemoryLayout<Slot>.stride + line, 1) else {
            fatalError("FingerprintTable: out of memory for \(size) slots")
        }
        self.memory = memory
        let aligned = memory + (line - Int(bitPattern: memory) % line) % line
        slots = aligned.bindMemory(to: Slot.self, capacity: size)
        self.size = size
        mask = size - 1
    }

    deinit {
        // Values such as `Int` need no destroying: a table of them is freed without a pass over its slots.
        if count > 0 && !_isPOD(Value.self) {
            for index in 0..<size where key(at: index) != 0 { value(at: index).deinitialize(count: 1) }
        }
        free(memory)
    }

    @inline(__always) func key(at index: Int) -> UInt64 {
        UnsafeMutableRawPointer(slots + index).load(as: UInt64.self)
    }

    @inline(__always) func value(at index: Int) -> UnsafeMutablePointer<Value> {
        (UnsafeMutableRawPointer(slots + index) + Self.valueOffset).assumingMemoryBound(to: Value.self)
    }

    private static var valueOffset: Int { MemoryLayout<Slot>.offset(of: \Slot.value)! }

    /// The slot holding the stored fingerprint `key`, or the empty slot where it would go.
    @inline(__always) func find(_ key: UInt64) -> (index: Int, found: Bool) {
        LinearProbe.find(key, mask: mask) { self.key(at: $0) }
    }

    /// Fills the empty slot `index`.
    @inline(__always) func insert(_ key: UInt64, _ value: Value, at index: Int) {
        claim(index, for: key).initialize(to: value)
    }

    /// Stores `key` in the empty slot `index` and counts it; returns the slot's value memory, for the caller to fill.
    @inline(__always) private func claim(_ index: Int, for key: UInt64) -> UnsafeMutablePointer<Value> {
        UnsafeMutableRawPointer(slots + index).storeBytes(of: key, as: UInt64.self)
        count += 1
        return value(at: index)
    }

    /// A copy in slots of `size` (at least this table's): for a table that is shared, before writing.
    func copy(size: Int) -> FingerprintSlots {
        let copy = FingerprintSlots(size: size)
        for index in 0..<self.size where key(at: index) != 0 {
            let key = key(at: index)
            copy.insert(key, value(at: index).pointee, at: copy.find(key).index)
        }
        return copy
    }

    /// The entries (those marked in `keep`, or all) moved bitwise into new slots of `size`; the others are destroyed
    /// and these slots are left empty.
    func moved(size: Int, keeping keep: [Bool]?) -> FingerprintSlots {
        let moved = FingerprintSlots(size: size)
        for index in 0..<self.size where key(at: index) != 0 {
            let key = key(at: index)
            if keep?[index] ?? true {
                moved.claim(moved.find(key).index, for: key).moveInitialize(from: value(at: index), count: 1)
            } else {
                value(at: index).deinitialize(count: 1)
            }
            UnsafeMutableRawPointer(slots + index).storeBytes(of: 0, as: UInt64.self)
        }
        count = 0
        return moved
    }
}
