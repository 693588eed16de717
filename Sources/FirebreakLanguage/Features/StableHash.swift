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
        fnv1a(string, seed: start(namespace))
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

    /// SplitMix64's golden gamma.
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The FNV-1a hash of a string's UTF-8 bytes from a starting state (the offset basis unless given), so a
    /// hash can be seeded with another (`fnv1a(id, seed: fnv1a(platform))`).
    public static func fnv1a(_ string: String, seed: UInt64 = offsetBasis) -> UInt64 {
        // Native strings hash straight from their buffer, without the UTF-8 view's per-byte index checks.
        if let hash = string.utf8.withContiguousStorageIfAvailable({ bytes in
            var hash = seed
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
            return hash
        }) {
            return hash
        }
        var hash = seed
        for byte in string.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// A stable hash of a string's UTF-8 bytes read eight at a time: several times faster than FNV-1a on long
    /// strings such as URLs, for keys that only live in memory (never saved with a model).
    public static func words(_ string: String, seed: UInt64 = offsetBasis) -> UInt64 {
        string.utf8.withContiguousStorageIfAvailable { words($0, seed: seed) }
            ?? Array(string.utf8).withUnsafeBufferPointer { words($0, seed: seed) }
    }

    /// The word-at-a-time hash of `bytes`.
    public static func words(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        guard let base = bytes.baseAddress else { return splitMix(seed) }
        var hash = seed ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        return splitMix(hash ^ tail)
    }

    /// SplitMix64's output for a state: `value` advanced by the gamma and finalised. `SeededGenerator` and
    /// the drills' generator draw with it; the monitor's tables use it to spread fingerprints.
    @inline(__always)
    public static func splitMix(_ value: UInt64) -> UInt64 {
        var z = value &+ gamma
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
