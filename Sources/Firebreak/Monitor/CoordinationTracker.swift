import FirebreakLanguage
import Foundation

/// Finds many accounts posting the same thing within about a minute: the same text (after removing
/// links, mentions and case), the same link, the same media, or reposts of the same post.
///
/// A group keeps its earliest sightings (where a flood of something new shows) and counts the later ones minute by
/// minute (`LateCopies`, where a flood of something long shared shows). Per post O(1) amortised; memory bounded by
/// `capacity` keys (keys seen once are dropped first) and `LateCopies.maxMinutes` per long group.
public struct CoordinationTracker: Sendable {
    /// What the accounts shared.
    enum Kind: String, Sendable {
        case sameText = "same_text"
        case sameLink = "same_link"
        case sameMedia = "same_media"
        case sameRepost = "same_repost"

        /// Keeps the kinds' keys apart in one table.
        var seed: UInt64 {
            switch self {
            case .sameText: 0x7465_7874
            case .sameLink: 0x6c69_6e6b
            case .sameMedia: 0x6d65_6469_61
            case .sameRepost: 0x7265_706f_7374
            }
        }

        /// Accounts needed for a cluster: reposts of one post need many, since cascades are normal.
        var minimumAccounts: Int {
            switch self {
            case .sameText, .sameMedia: 5
            case .sameLink: 8
            case .sameRepost: 40
            }
        }

        /// Accounts kept per minute of the later events (`LateCopies`): enough for a cluster, and to name a flood's
        /// leading twenty (its `posts` says how large it was).
        var lateAccounts: Int { max(20, minimumAccounts) }
    }

    /// One thing shared: its earliest sightings and its total. 55 bytes, so with its key a table slot is one cache line
    /// (the table outgrows the cache, and a slot over two lines cost two misses per post).
    struct Group: Sendable {
        /// What was shared, as the earliest post had it (a whole text is shortened only when shown).
        var shared = ""
        /// Id of the post `shared` was taken from ("" until there is one).
        var sharedID = ""
        /// Time of that post (seconds since 2001; infinity until there is one): the earliest, so arrival order does not
        /// matter.
        var sharedTime = Double.infinity
        /// Handles without `@`.
        var events: [(time: Date, author: String)] = []
        /// Sightings, saturating at `UInt32.max`.
        private var count: UInt32 = 0
        /// Index of the latest kept event (-1 while there is none).
        private var latest: Int16 = -1
        var kind: Kind

        init(kind: Kind) { self.kind = kind }

        /// Sightings of what was shared.
        var total: Int { Int(count) }
        /// The id of the post `shared` was taken from.
        var sharedPostID: String? { sharedTime.isFinite ? sharedID : nil }

        /// Time order, then account: compared field by field, since building tuples of them retains the strings.
        @inline(__always) static func precedes(_ a: (time: Date, author: String), _ b: (time: Date, author: String)) -> Bool {
            a.time != b.time ? a.time < b.time : a.author < b.author
        }

        /// What falls past a group's kept events when one is added.
        enum Spill {
            case nothing
            /// The post added.
            case incoming
            /// A kept event the post replaced (it came later).
            case replaced(time: Date, author: String)
        }

        /// Adds one sighting in place; `shared` is only worked out when this post becomes the group's earliest. Returns
        /// what falls past `events`: nothing, this post, or the kept event it replaced.
        mutating func add(_ post: Post, shared: () -> String) -> Spill {
            if count < UInt32.max { count += 1 }
            var spilled = Spill.nothing
            // Keep the earliest events (by time, then account), so a replay in any order keeps what a live run keeps.
            let event = (time: post.createdAt, author: post.author.handle)
            if events.count < CoordinationTracker.eventsPerGroup {
                events.append(event)
                if latest < 0 || Self.precedes(events[Int(latest)], event) {
                    latest = Int16(events.count - 1)
                }
            } else if latest >= 0, Self.precedes(event, events[Int(latest)]) {
                let index = Int(latest)
                spilled = .replaced(time: events[index].time, author: events[index].author)
                events[index] = event
                latest = Int16(events.indices.max { Self.precedes(events[$0], events[$1]) }!)
            } else {
                spilled = .incoming
            }
            let time = post.createdAt.timeIntervalSinceReferenceDate
            if time != sharedTime ? time < sharedTime : post.nativeID < sharedID {
                self.shared = shared()
                sharedID = post.nativeID
                sharedTime = time
            }
            return spilled
        }
    }

    private var groups = FingerprintTable<Group>(capacity: 4096)
    /// The events past a group's earliest, by the group's key: only groups that long have an entry.
    private var late = FingerprintTable<LateCopies<String>>(capacity: 64)
    /// Later events kept (accounts of `LateCopies` minutes) over all groups, and the most that may be.
    private(set) var lateKept = 0
    private let lateBudget: Int
    private let capacity: Int
    private let windowSeconds: Double
    static let eventsPerGroup = 200

    /// Creates a tracker. `lateBudget` bounds the later events kept over all groups (about 40 bytes each).
    public init(capacity: Int = 200_000, windowSeconds: Double = 60, lateBudget: Int = 1_000_000) {
        self.capacity = capacity
        self.windowSeconds = windowSeconds
        self.lateBudget = lateBudget
    }

    /// Adds one post, working out its text fingerprint.
    public mutating func add(_ post: Post) {
        add(post, textFingerprint: post.kind == .repost ? nil : TermExtractor.textFingerprint(of: post.text))
    }

    /// Adds one post whose text fingerprint was already worked out (`PostFeatures.textFingerprint`).
    /// O(1) amortised: table updates only.
    public mutating func add(_ post: Post, textFingerprint: UInt64?) {
        if post.kind == .repost, let original = post.repostedID {
            record(.sameRepost, StableHash.words(original), post) { original }
            return
        }
        if let fingerprint = textFingerprint {
            record(.sameText, fingerprint, post) { CoordinationCluster.shownText(post.text) }
        }
        for link in post.links.prefix(3) { record(.sameLink, StableHash.words(link), post) { link } }
        for index in post.media.indices.prefix(4) {
            // By index: copying each `Media` would retain all its strings.
            if let id = post.media[index].url ?? post.media[index].key { record(.sameMedia, StableHash.words(id), post) { id } }
        }
        if groups.count > capacity {
            groups.removeAll { $0.total <= 1 }
            if groups.count > capacity * 3 / 4 { groups.removeAll { $0.total <= 2 } }
        }
    }

    private mutating func record(_ kind: Kind, _ hash: UInt64, _ post: Post, shared: () -> String) {
        let key = StableHash.splitMix(hash ^ kind.seed)
        var spilled = Group.Spill.nothing
        groups.update(key, insert: { Group(kind: kind) }) { spilled = $0.add(post, shared: shared) }
        let spill: (time: Date, author: String)
        switch spilled {
        case .nothing: return
        case .incoming: spill = (post.createdAt, post.author.handle)
        case .replaced(let time, let author): spill = (time, author)
        }
        // Past the budget, later copies are only counted: memory stays bounded however many lines are long-shared.
        let cap = lateKept < lateBudget ? kind.lateAccounts : 0
        var added = 0
        late.update(key, insert: { LateCopies() }) { added = $0.add(time: spill.time.timeIntervalSinceReferenceDate, author: spill.author, cap: cap) }
        lateKept += added
    }

    /// The clusters: groups where enough distinct accounts posted within the window, largest first.
    ///
    /// `postsIn` gives the campaign's posts in a range of minutes (since 1970). With it, a group is a cluster only once
    /// a window of enough accounts is a `CopyBurst` against the copies before it, so that a line, link or photo shared
    /// all evening by a campaign that is simply busy is not a cluster; without it every window of enough accounts
    /// counts.
    public func clusters(limit: Int = 20, postsIn: ((ClosedRange<Int>) -> Int)? = nil) -> [CoordinationCluster] {
        let burst = postsIn.map(CopyBurst.init)
        var result: [CoordinationCluster] = []
        var candidates: [(key: UInt64, group: Group)] = []
        groups.forEach { key, group in if group.total >= group.kind.minimumAccounts { candidates.append((key, group)) } }
        for (key, group) in candidates {
            let events = group.events.sorted { Group.precedes($0, $1) }
            let times = events.map(\.time.timeIntervalSinceReferenceDate)
            let minimum = group.kind.minimumAccounts
            guard
                let best = DensestAccountWindow(
                    times: times, accounts: events.map { StableHash.words($0.author) }, seconds: windowSeconds, minimumAccounts: minimum,
                    qualifies: { burst?.isBurst(events: $0, accounts: $1, times: times, tests: $2) ?? true })
            else { continue }
            // The window that made the cluster: among the earliest events, or else (a flood of something already shared
            // many times) a later minute.
            let found: (accounts: [String], start: Double, end: Double, detected: Double)
            if let detected = best.detectedAt {
                found = (
                    Set(events[best.events].map(\.author)).sorted(), times[best.events.lowerBound], times[best.events.upperBound],
                    times[detected]
                )
            } else {
                var tests = best.offered
                guard
                    let minute = late[key]?.firstBurst(
                        earlier: events.count, firstTime: times[0], minimumAccounts: minimum, burst: burst, tests: &tests)
                else { continue }
                let sightings = minute.sightings
                found = (sightings.map(\.author).sorted(), sightings[0].time, sightings[sightings.count - 1].time, minute.latest)
            }
            result.append(
                CoordinationCluster(
                    kind: group.kind.rawValue, accounts: found.accounts.map { "@" + $0 }, posts: group.total, windowSeconds: found.end - found.start,
                    shared: group.shared, startedAt: Date(timeIntervalSinceReferenceDate: found.start),
                    detectedAt: Date(timeIntervalSinceReferenceDate: found.detected), examplePostID: group.sharedPostID))
        }
        return Array(
            result.sorted { $0.accounts.count > $1.accounts.count || ($0.accounts.count == $1.accounts.count && $0.shared < $1.shared) }
                .prefix(limit))
    }
}
