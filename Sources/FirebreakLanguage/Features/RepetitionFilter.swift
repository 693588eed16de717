/// Lets each word feature through at most `allowed` times in one post.
///
/// Word features are summed, so a post that repeats one word, emoji, hashtag or mention dozens of times ("great great
/// great … the NYPD are murderers") would outweigh everything else it says and read as whatever the repeated token
/// means. A counting filter of 512 one-byte slots, cleared per post: no allocation, O(1) a token. Keys that share a
/// slot share its count, so in a long post a token may pass fewer times than allowed, never more.
struct RepetitionFilter {
    /// Occurrences of one key that count; later ones are dropped.
    static let allowed: UInt8 = 3
    private var counts = InlineArray<512, UInt8>(repeating: 0)

    /// Whether this occurrence of `key` counts (and, if so, counts it).
    @inline(__always)
    mutating func admits(_ key: UInt64) -> Bool {
        let slot = Int(truncatingIfNeeded: StableHash.mix(key) & 511)
        guard counts[slot] < Self.allowed else { return false }
        counts[slot] += 1
        return true
    }
}
