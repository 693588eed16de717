/// FNV-1a (64-bit) and a finaliser: a hash that is the same in every process, so hashed feature indices
/// saved with a model stay valid. Swift's `Hasher` is seeded per process and must never be used for this.
public enum StableHash {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The FNV-1a hash of `bytes`, started from a namespace so equal strings in different feature families differ.
    @inline(__always)
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, namespace: UInt64) -> UInt64 {
        var hash = start(namespace)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// The FNV-1a hash of a string's UTF-8 bytes in a namespace.
    public static func fnv1a(_ string: String, namespace: UInt64) -> UInt64 {
        var hash = start(namespace)
        for byte in string.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// The FNV-1a state after feeding the namespace.
    @inline(__always)
    public static func start(_ namespace: UInt64) -> UInt64 {
        (offsetBasis ^ namespace) &* prime
    }

    /// Combines two hashes order-dependently (for word bigrams).
    @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b)
    }

    /// The MurmurHash3 finaliser: spreads FNV's weak low bits before they are masked to a bucket.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}
