/// FNV-1a 64-bit: a hash that is the same in every process, unlike Swift's seeded `Hasher`,
/// so fingerprints can be compared across runs and saved.
public enum StableHash {
    /// Hashes a string's UTF-8 bytes.
    public static func fnv1a(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    /// Mixes a 64-bit value (splitmix64 finaliser), to spread FNV's weak low bits.
    @inline(__always) public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
