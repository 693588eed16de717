import FirebreakLanguage

/// A hash table keyed by 64-bit fingerprints (already-hashed keys), with open addressing and linear
/// probing: no per-lookup SipHash as `Dictionary` does, and no per-entry allocation.
///
/// Lookup and update are O(1) expected; the table doubles at 70 % load. Key 0 is stored as 1, so the two
/// fingerprints 0 and 1 count as one key (a 2⁻⁶⁴ event for hashed keys).
public struct FingerprintTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    /// Entries stored.
    public private(set) var count = 0

    /// Creates an empty table with room for about `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        var size = 16
        while size * 7 / 10 < capacity { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always) private func slot(of key: UInt64) -> (index: Int, found: Bool) {
        var i = Int(truncatingIfNeeded: StableHash.splitMix(key)) & mask
        while true {
            let k = keys[i]
            if k == key { return (i, true) }
            if k == 0 { return (i, false) }
            i = (i + 1) & mask
        }
    }

    /// The value for a key.
    public subscript(key: UInt64) -> Value? {
        let (index, found) = slot(of: Self.stored(key))
        return found ? values[index] : nil
    }

    /// Applies `change` to the key's value in place, inserting `make()` first when the key is new;
    /// returns true when the key was new.
    @discardableResult
    public mutating func update(_ key: UInt64, insert make: () -> Value, _ change: (inout Value) -> Void) -> Bool {
        let key = Self.stored(key)
        var (index, found) = slot(of: key)
        if !found {
            if (count + 1) * 10 > keys.count * 7 {
                grow()
                index = slot(of: key).index
            }
            keys[index] = key
            values[index] = make()
            count += 1
        }
        change(&values[index]!)
        return !found
    }

    /// Stores a value for a key, replacing any.
    public mutating func set(_ key: UInt64, _ value: Value) {
        update(key, insert: { value }) { $0 = value }
    }

    /// Calls `body` for every entry, in table order.
    public func forEach(_ body: (UInt64, Value) -> Void) {
        for i in keys.indices where keys[i] != 0 { body(keys[i], values[i]!) }
    }

    /// Keeps only the entries for which `keep` is true.
    public mutating func removeAll(where remove: (Value) -> Bool) {
        var kept = FingerprintTable(capacity: max(16, count))
        forEach { key, value in
            if !remove(value) { kept.set(key, value) }
        }
        self = kept
    }

    /// Doubles the table, moving (not copying) the values.
    private mutating func grow() {
        let oldKeys = keys
        var oldValues: [Value?] = []
        swap(&oldValues, &values)
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
        for i in oldKeys.indices where oldKeys[i] != 0 {
            let index = slot(of: oldKeys[i]).index
            keys[index] = oldKeys[i]
            values[index] = oldValues[i].take()
        }
    }
}
