import FirebreakLanguage

/// Remembers which posts were already kept, by a 64-bit fingerprint of platform and id.
///
/// An open-addressing set of the fingerprints alone (8 bytes a slot, half a `FingerprintTable`'s): it is probed
/// once for every post, and on a large archive it is far larger than the cache. Memory is about 11-23 bytes per
/// distinct post (a million posts: 16 MB), never the size of the records; the chance of two different posts
/// sharing a fingerprint is about n²/2⁶⁵.
public struct PostDeduplicator: Sendable {
    /// Fingerprints as `LinearProbe` stores them, 0 for an empty slot.
    private var slots = [UInt64](repeating: 0, count: 1 << 17)
    /// Distinct posts seen.
    public private(set) var count = 0

    /// Creates an empty deduplicator.
    public init() {}

    /// Records the post; returns true the first time it is seen and false for every later sighting.
    public mutating func insert(_ key: PostKey) -> Bool {
        insert(fingerprint: Self.fingerprint(key))
    }

    /// Records a post by its fingerprint (`fingerprint(_:)`, worked out beforehand); true the first time.
    public mutating func insert(fingerprint: UInt64) -> Bool {
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let inserted = slots.withUnsafeMutableBufferPointer { Self.insert(LinearProbe.stored(fingerprint), into: $0) }
        if inserted { count += 1 }
        return inserted
    }

    /// Loads the fingerprint's home slot ahead of `insert` (see `FingerprintTable.touch`).
    @inline(__always)
    public func touch(fingerprint: UInt64) -> UInt64 {
        slots[LinearProbe.home(LinearProbe.stored(fingerprint), mask: slots.count - 1)]
    }

    /// The 64-bit fingerprint of a post's identity.
    public static func fingerprint(_ key: PostKey) -> UInt64 {
        StableHash.fnv1a(key.nativeID, seed: StableHash.fnv1a(key.platform.rawValue))
    }

    /// Puts a stored fingerprint in its slot; false when it is already there.
    @inline(__always) private static func insert(_ key: UInt64, into slots: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let (index, found) = LinearProbe.find(key, mask: slots.count - 1) { slots[$0] }
        if !found { slots[index] = key }
        return !found
    }

    /// Doubles the slots and puts every fingerprint back.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        slots.withUnsafeMutableBufferPointer { buffer in
            for key in old where key != 0 { _ = Self.insert(key, into: buffer) }
        }
    }
}
