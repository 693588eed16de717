/// Counts posts per account, to name who drove the campaign.
///
/// Memory is bounded by `capacity` accounts: past it, accounts with a single post are forgotten first,
/// so the leading accounts are exact and the long tail is approximate.
public struct AccountTracker: Sendable {
    struct Stats: Sendable {
        var handle: String
        var posts = 0
        var critical = 0
        var supportive = 0
        var followers: Int?
        var firstSeenMinute: Int

        /// Counts one post; returns the previous first-seen minute when this post moved it earlier.
        mutating func record(_ item: AssessedPost, minute: Int) -> Int? {
            posts += 1
            if item.assessment.stance == .critical { critical += 1 }
            if item.assessment.stance == .supportive { supportive += 1 }
            if let followers = item.post.author.followers { self.followers = max(self.followers ?? 0, followers) }
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

    private var allAccounts: [Stats] {
        var all: [Stats] = []
        all.reserveCapacity(accounts.count)
        accounts.forEach { _, stats in all.append(stats) }
        return all
    }

    /// The leading accounts by posts (then critical posts), with a role.
    public func leading(limit: Int = 25) -> [AccountSummary] {
        allAccounts.top(limit) {
            ($0.posts, $0.critical, $1.handle) > ($1.posts, $1.critical, $0.handle)
        }.map { s in
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

    /// The leading critical accounts (most critical posts first), as handles with `@`.
    public func leadingCritics(limit: Int = 10) -> [String] {
        allAccounts.lazy.filter { $0.critical > 0 }.top(limit) { ($0.critical, $1.handle) > ($1.critical, $0.handle) }
            .map { "@" + $0.handle }
    }
}
