import FirebreakLanguage

/// A hash table keyed by 64-bit fingerprints (already-hashed keys), with open addressing and linear
/// probing: no per-lookup SipHash as `Dictionary` does, and no per-entry allocation.
///
/// Lookup and update are O(1) expected; the table doubles at 70 % load. Probing follows `LinearProbe` (so
/// fingerprints 0 and 1 count as one key).
public struct FingerprintTable<Value: Sendable>: Sendable {
    /// A key beside its value, so a probe that finds its key reads one cache line, not two arrays.
    private struct Slot: Sendable {
        var key: UInt64
        var value: Value?
    }

    private var slots: [Slot]
    private var mask: Int
    /// Entries stored.
    public private(set) var count = 0

    /// Creates an empty table with room for about `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        var size = 16
        while size * 7 / 10 < capacity { size *= 2 }
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: size)
        mask = size - 1
    }

    /// The value for a key.
    public subscript(key: UInt64) -> Value? {
        slots.withUnsafeBufferPointer { slots in
            let (index, found) = LinearProbe.find(LinearProbe.stored(key), mask: mask) { slots[$0].key }
            return found ? slots[index].value : nil
        }
    }

    /// Reads the key's home slot and returns what is stored there: a load whose only purpose is to bring the slot
    /// into the cache ahead of `update`, so the misses of many keys overlap instead of following one another.
    @inline(__always)
    public func touch(_ key: UInt64) -> UInt64 {
        slots[LinearProbe.home(LinearProbe.stored(key), mask: mask)].key
    }

    /// Applies `change` to the key's value in place, inserting `make()` first when the key is new;
    /// returns true when the key was new.
    @discardableResult
    public mutating func update(_ key: UInt64, insert make: () -> Value, _ change: (inout Value) -> Void) -> Bool {
        let key = LinearProbe.stored(key)
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let mask = self.mask
        var inserted = false
        slots.withUnsafeMutableBufferPointer { buffer in
            let (index, found) = LinearProbe.find(key, mask: mask) { buffer[$0].key }
            if !found {
                buffer[index].key = key
                buffer[index].value = make()
                inserted = true
            }
            change(&buffer[index].value!)
        }
        if inserted { count += 1 }
        return inserted
    }

    /// Stores a value for a key, replacing any.
    public mutating func set(_ key: UInt64, _ value: Value) {
        update(key, insert: { value }) { $0 = value }
    }

    /// Calls `body` for every entry, in table order.
    public func forEach(_ body: (UInt64, Value) -> Void) {
        for slot in slots where slot.key != 0 { body(slot.key, slot.value!) }
    }

    /// Keeps only the entries for which `keep` is true.
    ///
    /// Kept values are moved (not copied) into a table sized for them; the removed ones go with the old table.
    public mutating func removeAll(where remove: (Value) -> Bool) {
        var old: [Slot] = []
        swap(&old, &slots)
        var keep = [Bool](repeating: false, count: old.count)
        var kept = 0
        for index in old.indices where old[index].key != 0 && !remove(old[index].value!) {
            keep[index] = true
            kept += 1
        }
        var size = 16
        while size * 7 / 10 < kept { size *= 2 }
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: size)
        mask = size - 1
        count = kept
        moveEntries(from: &old, where: keep)
    }

    /// Doubles the table, moving (not copying) the values.
    private mutating func grow() {
        var old: [Slot] = []
        swap(&old, &slots)
        let size = old.count * 2
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: size)
        mask = size - 1
        moveEntries(from: &old, where: nil)
    }

    /// Moves the entries of `old` (those marked in `keep`, or all) into the empty `slots`.
    private mutating func moveEntries(from old: inout [Slot], where keep: [Bool]?) {
        let mask = self.mask
        slots.withUnsafeMutableBufferPointer { buffer in
            for i in old.indices where old[i].key != 0 && keep?[i] ?? true {
                let index = LinearProbe.find(old[i].key, mask: mask) { buffer[$0].key }.index
                buffer[index].key = old[i].key
                buffer[index].value = old[i].value.take()
            }
        }
    }
}
