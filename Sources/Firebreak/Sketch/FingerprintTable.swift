import FirebreakLanguage

/// A hash table keyed by 64-bit fingerprints (already-hashed keys), with open addressing and linear
/// probing: no per-lookup SipHash as `Dictionary` does, and no per-entry allocation.
///
/// Lookup and update are O(1) expected; the table doubles at 70 % load. Probing follows `LinearProbe` (so
/// fingerprints 0 and 1 count as one key). A value type with copy-on-write storage.
public struct FingerprintTable<Value: Sendable>: Sendable {
    private var storage: FingerprintSlots<Value>
    /// Entries stored.
    public var count: Int { storage.count }

    /// Creates an empty table with room for about `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        storage = FingerprintSlots(size: Self.size(for: capacity))
    }

    /// The smallest power of two (at least 16) that holds `entries` below 70 % load.
    private static func size(for entries: Int) -> Int {
        var size = 16
        while size * 7 / 10 < entries { size *= 2 }
        return size
    }

    /// The value for a key.
    public subscript(key: UInt64) -> Value? {
        let (index, found) = storage.find(LinearProbe.stored(key))
        return found ? storage.value(at: index).pointee : nil
    }

    /// Reads the key's home slot and returns what is stored there: a load whose only purpose is to bring the slot
    /// into the cache ahead of `update`, so the misses of many keys overlap instead of following one another.
    @inline(__always)
    public func touch(_ key: UInt64) -> UInt64 {
        storage.key(at: LinearProbe.home(LinearProbe.stored(key), mask: storage.mask))
    }

    /// Applies `change` to the key's value in place, inserting `make()` first when the key is new;
    /// returns true when the key was new.
    @discardableResult
    public mutating func update(_ key: UInt64, insert make: () -> Value, _ change: (inout Value) -> Void) -> Bool {
        let key = LinearProbe.stored(key)
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(size: storage.size) }
        if (storage.count + 1) * 10 > storage.size * 7 { storage = storage.moved(size: storage.size * 2, keeping: nil) }
        let (index, found) = storage.find(key)
        if !found { storage.insert(key, make(), at: index) }
        change(&storage.value(at: index).pointee)
        return !found
    }

    /// Stores a value for a key, replacing any.
    public mutating func set(_ key: UInt64, _ value: Value) {
        update(key, insert: { value }) { $0 = value }
    }

    /// Calls `body` for every entry, in table order.
    public func forEach(_ body: (UInt64, Value) -> Void) {
        for index in 0..<storage.size where storage.key(at: index) != 0 { body(storage.key(at: index), storage.value(at: index).pointee) }
    }

    /// Keeps only the entries for which `remove` is false.
    ///
    /// Kept values are moved (not copied) into a table sized for them; the removed ones are destroyed.
    public mutating func removeAll(where remove: (Value) -> Bool) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(size: storage.size) }
        var keep = [Bool](repeating: false, count: storage.size)
        var kept = 0
        for index in 0..<storage.size where storage.key(at: index) != 0 && !remove(storage.value(at: index).pointee) {
            keep[index] = true
            kept += 1
        }
        storage = storage.moved(size: Self.size(for: kept), keeping: keep)
    }
}
