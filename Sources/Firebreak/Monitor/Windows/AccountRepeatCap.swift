/// Leaves out of the composition figures the critical posts an account makes beyond `cap` within `minutes` minutes, so
/// a handful of accounts posting a lot reads as the handful it is, not as a change in what the crowd says.
///
/// Minutes are read in order, each with the author of every critical post (`MinuteSummary.criticalAuthorHashes`), so
/// the result does not depend on the order posts arrived in. Work per minute is O(critical posts in the minute and in
/// the one falling out); memory is the critical authors of the last `minutes` minutes.
public struct AccountRepeatCap: Sendable {
    /// Critical posts an account counts for within the window.
    public let cap: Int
    /// Minutes the window spans.
    public let minutes: Int
    /// Critical posts left out over the minutes held.
    public private(set) var leftOut = 0
    private var ring: [(authors: [UInt64], leftOut: Int)] = []
    private var next = 0
    /// Critical posts per author over the minutes held. Authors whose posts have all left keep an entry at zero
    /// until `live` says the table is mostly such entries (a table probe per author is cheaper than a dictionary's
    /// hashing, which cost a few per cent of the monitor on a busy stream).
    private var counts = FingerprintTable<Int>(capacity: 256)
    /// Authors with posts in the window.
    private var live = 0

    /// Creates a cap of `cap` critical posts per account in `minutes` minutes (at least one of each).
    public init(cap: Int, minutes: Int) {
        self.cap = max(1, cap)
        self.minutes = max(1, minutes)
    }

    /// Reads the next minute and returns it with the posts beyond the cap left out: from `posts` and `critical`, and
    /// their share of `sumPCritical`.
    public mutating func admit(_ minute: MinuteSummary) -> MinuteSummary {
        if ring.count == minutes {
            let old = ring[next]
            Self.forEachAuthor(in: old.authors) { author, posts in
                counts.update(author, insert: { 0 }) { count in
                    count -= posts
                    if count == 0 { live -= 1 }
                }
            }
            leftOut -= old.leftOut
            if counts.count > 1024 && counts.count > 4 * live { counts.removeAll { $0 == 0 } }
        }
        var excess = 0
        let cap = cap
        Self.forEachAuthor(in: minute.criticalAuthorHashes) { author, posts in
            counts.update(author, insert: { 0 }) { before in
                if before == 0 { live += 1 }
                excess += max(0, before + posts - cap) - max(0, before - cap)
                before += posts
            }
        }
        // Never more than the minute's critical posts (a summary whose authors and count disagree).
        let removed = min(excess, minute.critical)
        let entry = (minute.criticalAuthorHashes, removed)
        if ring.count < minutes {
            ring.append(entry)
        } else {
            ring[next] = entry
            next = (next + 1) % minutes
        }
        leftOut += removed
        guard removed > 0 else { return minute }
        var admitted = minute
        // Which of the author's posts are the repeats is not known per post: they take the minute's mean p_critical.
        let kept = Double(minute.critical - removed) / Double(minute.critical)
        admitted.sumPCritical = minute.sumPCritical.map { $0 * kept }
        admitted.sumPCriticalSquares = minute.sumPCriticalSquares.map { $0 * kept }
        admitted.critical -= removed
        admitted.posts -= removed
        return admitted
    }

    /// Calls `body` once per author with their number of posts; `hashes` is sorted (`MinuteSummary` keeps it so), so
    /// an author's are adjacent.
    private static func forEachAuthor(in hashes: [UInt64], _ body: (UInt64, Int) -> Void) {
        var start = 0
        while start < hashes.count {
            var end = start + 1
            while end < hashes.count && hashes[end] == hashes[start] { end += 1 }
            body(hashes[start], end - start)
            start = end
        }
    }
}
