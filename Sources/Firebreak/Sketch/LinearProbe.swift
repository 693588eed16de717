import FirebreakLanguage

/// The open-addressing rules `FingerprintTable` and `PostDeduplicator` share: where a fingerprint's probe starts,
/// how it walks, and that 0 (the empty-slot marker) is stored as 1, so fingerprints 0 and 1 count as one key (a
/// 2⁻⁶⁴ event for hashed keys).
enum LinearProbe {
    /// The fingerprint as stored: never 0.
    @inline(__always) static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The slot a stored fingerprint's probe starts from, in a table of `mask + 1` slots (a power of two).
    @inline(__always) static func home(_ key: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: StableHash.splitMix(key)) & mask }

    /// The slot holding the stored fingerprint `key`, or the empty slot where it would go; `keyAt` reads a slot's key.
    @inline(__always) static func find(_ key: UInt64, mask: Int, keyAt: (Int) -> UInt64) -> (index: Int, found: Bool) {
        var index = home(key, mask: mask)
        while true {
            let found = keyAt(index)
            if found == key { return (index, true) }
            if found == 0 { return (index, false) }
            index = (index + 1) & mask
        }
    }
}
