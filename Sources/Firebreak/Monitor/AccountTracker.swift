/// Counts posts per account, to name who drove the campaign.
///
/// Memory is bounded by `capacity` accounts: past it, accounts with a single post are forgotten first,
/// so the leading accounts are exact and the long tail is approximate.
public struct AccountTracker: Sendable {
    /// One account's counts, kept compact (40 bytes) because the table of them is probed once per post and is
    /// larger than the cache on a busy campaign.
    struct Stats: Sendable {
        var handle: String
        var firstSeenMinute: Int
        private var postCount: UInt32 = 0
        private var criticalCount: UInt32 = 0
        private var supportiveCount: UInt32 = 0
        /// The most followers seen, saturating; -1 when no record said.
        private var mostFollowers: Int32 = -1

        init(handle: String, firstSeenMinute: Int) {
            self.handle = handle
            self.firstSeenMinute = firstSeenMinute
        }

        var posts: Int { Int(postCount) }
        var critical: Int { Int(criticalCount) }
        var supportive: Int { Int(supportiveCount) }
        var followers: Int? { mostFollowers < 0 ? nil : Int(mostFollowers) }

        /// Counts one post; returns the previous first-seen minute when this post moved it earlier.
        mutating func record(_ item: AssessedPost, minute: Int) -> Int? {
            postCount &+= 1
            if item.assessment.stance == .critical { criticalCount &+= 1 }
            if item.assessment.stance == .supportive { supportiveCount &+= 1 }
            if let followers = item.post.author.followers { mostFollowers = max(mostFollowers, Int32(clamping: max(0, followers))) }
            guard minute < firstSeenMinute else { return nil }
            defer { firstSeenMinute = minute }
            return firstSeenMinute
        }
    }

    private var accounts = FingerprintTable<Stats>(capacity: 4096)
    private let capacity: Int
    private let campaign: Campaign
    /// First-seen minute per author hash (for "new authors" per bucket); bounded like the accounts.
    public private(set) var newAuthorsPerMinute: [Int: Int] = [:]

    /// Creates a tracker.
    public init(campaign: Campaign, capacity: Int = 1_000_000) {
        self.campaign = campaign
        self.capacity = capacity
    }

    /// Adds one assessed post by an author whose hash is `authorHash`. O(1): the account is updated in place.
    /// Loads the author's home slot ahead of `add` (see `FingerprintTable.touch`).
    @inline(__always)
    func touch(authorHash: UInt64) -> UInt64 { accounts.touch(authorHash) }

    public mutating func add(_ item: AssessedPost, authorHash: UInt64, minute: Int) {
        var movedFrom: Int?
        let isNew = accounts.update(authorHash, insert: { Stats(handle: item.post.author.handle, firstSeenMinute: minute) }) {
            movedFrom = $0.record(item, minute: minute)
        }
        if isNew {
            newAuthorsPerMinute[minute, default: 0] += 1
        } else if let earlier = movedFrom {
            // Posts can arrive out of order: the author's first appearance moved earlier.
            newAuthorsPerMinute[earlier, default: 0] -= 1
            newAuthorsPerMinute[minute, default: 0] += 1
        }
        if accounts.count > capacity { accounts.removeAll { $0.posts <= 1 } }
    }

    /// The leading accounts by posts (then critical posts), with a role.
    public func leading(limit: Int = 25) -> [AccountSummary] {
        // Field by field, reaching the handles only on a tie: a tuple of them would retain both on every comparison.
        var best = TopList<Stats>(limit) { a, b in
            a.posts != b.posts ? a.posts > b.posts : a.critical != b.critical ? a.critical > b.critical : a.handle < b.handle
        }
        accounts.forEach { _, stats in best.consider(stats) }
        return best.elements.map { s in
            let role: String
            if campaign.isOwner(handle: s.handle) {
                role = "owner"
            } else if Double(s.critical) >= 0.6 * Double(s.posts) {
                role = "critic"
            } else if Double(s.supportive) >= 0.6 * Double(s.posts) {
                role = "supporter"
            } else {
                role = "mixed"
            }
            return AccountSummary(handle: "@" + s.handle, posts: s.posts, critical: s.critical, followers: s.followers, role: role)
        }
    }

    /// The handle of an author by hash (`TermExtractor.authorHash`), while the tracker still holds the account.
    public func handle(authorHash: UInt64) -> String? { accounts[authorHash]?.handle }

    /// The leading critical accounts (most critical posts first), as handles with `@`.
    public func leadingCritics(limit: Int = 10) -> [String] {
        var best = TopList<Stats>(limit) { a, b in a.critical != b.critical ? a.critical > b.critical : a.handle < b.handle }
        accounts.forEach { _, stats in if stats.critical > 0 { best.consider(stats) } }
        return best.elements.map { "@" + $0.handle }
    }
}
