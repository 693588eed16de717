import FirebreakLanguage

/// Remembers which posts were already kept, by a 64-bit fingerprint of platform and id.
///
/// Memory grows by about 16 bytes per distinct post (a million posts: about 16-32 MB), never with the
/// size of the records; the chance of two different posts sharing a fingerprint is about n²/2⁶⁵.
public struct PostDeduplicator: Sendable {
    private var seen = FingerprintTable<Bool>(capacity: 1 << 16)

    /// Creates an empty deduplicator.
    public init() {}

    /// Records the post; returns true the first time it is seen and false for every later sighting.
    public mutating func insert(_ key: PostKey) -> Bool {
        insert(fingerprint: Self.fingerprint(key))
    }

    /// Records a post by its fingerprint (`fingerprint(_:)`, worked out beforehand); true the first time.
    public mutating func insert(fingerprint: UInt64) -> Bool {
        seen.update(fingerprint, insert: { true }) { _ in }
    }

    /// The 64-bit fingerprint of a post's identity.
    public static func fingerprint(_ key: PostKey) -> UInt64 {
        StableHash.fnv1a(key.nativeID, seed: StableHash.fnv1a(key.platform.rawValue))
    }

    /// Distinct posts seen.
    public var count: Int { seen.count }
}
