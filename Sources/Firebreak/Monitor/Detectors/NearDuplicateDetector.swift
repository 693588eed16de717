import FirebreakLanguage
import Foundation

/// Many accounts posting nearly the same text within about a minute: posts whose `NearDuplicateKeys` share a band
/// key fall in one group, and a group in which `minimumAccounts` distinct accounts posted within `windowSeconds` is
/// a cluster (a bot flood with a word or two changed per copy, which the exact-copy fingerprint cannot join).
///
/// Independent of arrival order, like the other trackers: a group keeps its earliest `sightingsPerGroup` sightings
/// by event time (then author) and its earliest post as the example, so an archive read newest first, or shuffled,
/// gives what a live run gives. Fed with precomputed keys and author hashes, never with text.
///
/// Per post O(bands) amortised table work, and no allocation for a key seen once. Memory is bounded by `capacity`
/// groups: past it, groups seen once are forgotten first (then twice), as `CoordinationTracker` does.
/// `clusters` is O(g · s log s) for g groups of at least `minimumAccounts` sightings, s ≤ `sightingsPerGroup`.
public struct NearDuplicateDetector: Sendable {
    /// A group of accounts that posted near-identical text within the window.
    public struct Cluster: Sendable, Hashable {
        /// The accounts' hashes (`TermExtractor.authorHash`) in the densest window, in the order they posted.
        public var authorHashes: [UInt64]
        /// Posts that carried the group's band key (all of them, also outside the window).
        public var posts: Int
        /// The group's earliest post (by event time, then id): an example of the text.
        public var examplePostID: String
        /// Its text.
        public var exampleText: String
        /// When the densest window begins (event time).
        public var windowStart: Date
        /// Seconds between the first and the last post of the densest window.
        public var windowSeconds: Double
        /// When the copies first became a cluster (`DensestAccountWindow.detectedAt`), for the family of texts.
        public var detectedAt: Date
    }

    /// One post carrying a band key: when, and by whom.
    struct Sighting: Sendable {
        var time: Double
        var author: UInt64

        /// Event time, then author: a total order, so which sightings are kept does not depend on arrival.
        @inline(__always) static func precedes(_ a: Sighting, _ b: Sighting) -> Bool {
            a.time != b.time ? a.time < b.time : a.author < b.author
        }
    }

    /// The posts that carried one band key.
    struct Group: Sendable {
        /// The only sighting, while `total` is 1 (no array is allocated for a key seen once).
        var first = Sighting(time: 0, author: 0)
        /// The earliest sightings once there are two or more, at most `sightingsPerGroup`.
        var kept: [Sighting] = []
        /// Index in `kept` of its latest sighting: the one a newer, earlier post replaces when `kept` is full.
        var latest = 0
        var total = 0
        var exampleTime = Double.infinity
        var exampleID = ""
        var exampleText = ""

        mutating func add(_ sighting: Sighting, id: String, text: String) {
            total += 1
            if total == 1 {
                first = sighting
            } else {
                if kept.isEmpty { kept = [first] }
                if kept.count < NearDuplicateDetector.sightingsPerGroup {
                    kept.append(sighting)
                    if Sighting.precedes(kept[latest], sighting) { latest = kept.count - 1 }
                } else if Sighting.precedes(sighting, kept[latest]) {
                    kept[latest] = sighting
                    latest = kept.indices.max { Sighting.precedes(kept[$0], kept[$1]) }!
                }
            }
            if sighting.time != exampleTime ? sighting.time < exampleTime : id < exampleID {
                exampleTime = sighting.time
                exampleID = id
                exampleText = text
            }
        }
    }

    /// Seconds within which copies count together.
    public let windowSeconds: Double
    /// Distinct accounts needed for a cluster.
    public let minimumAccounts: Int
    /// Sightings kept per group: the earliest ones.
    static let sightingsPerGroup = 200
    private let capacity: Int
    private var groups = FingerprintTable<Group>(capacity: 4096)
    /// Groups held now (at most `capacity` after each `add`).
    var groupCount: Int { groups.count }

    /// Creates a detector.
    public init(windowSeconds: Double = 60, minimumAccounts: Int = 5, capacity: Int = 200_000) {
        self.windowSeconds = windowSeconds
        self.minimumAccounts = max(2, minimumAccounts)
        self.capacity = max(16, capacity)
    }

    /// Loads the home slots of a post's keys ahead of `add`, so that a batch's cache misses overlap
    /// (see `FingerprintTable.touch`).
    @inline(__always)
    func touch(_ keys: NearDuplicateKeys) -> UInt64 {
        groups.touch(keys[0]) &+ groups.touch(keys[1]) &+ groups.touch(keys[2]) &+ groups.touch(keys[3])
    }

    /// Adds one post by its keys and author hash. `id` and `text` are kept only while the post is a group's earliest,
    /// and the text only as far as it is shown (`CoordinationCluster.shownText`).
    public mutating func add(_ keys: NearDuplicateKeys, authorHash: UInt64, id: String, text: String, time: Date) {
        let sighting = Sighting(time: time.timeIntervalSinceReferenceDate, author: authorHash)
        let text = CoordinationCluster.shownText(text)
        for band in 0..<NearDuplicateKeys.bands {
            groups.update(keys[band], insert: { Group() }) { $0.add(sighting, id: id, text: text) }
        }
        if groups.count > capacity {
            groups.removeAll { $0.total <= 1 }
            if groups.count > capacity * 3 / 4 { groups.removeAll { $0.total <= 2 } }
        }
    }

    /// The clusters, most accounts first (then the example's id). Bands of the same texts find the same flood, so a
    /// cluster whose example is a near copy of a listed one's (they share a band), or whose accounts are mostly
    /// (four in five) a listed one's, is left out: one line per family of texts, its largest window.
    ///
    /// `postsIn` gives the campaign's posts in a range of minutes (since 1970). With it, a group is a cluster only once
    /// a window of enough accounts is a `CopyBurst` against the copies before it, so that a popular line copied all
    /// evening is not a cluster; without it every window of enough accounts counts.
    public func clusters(limit: Int = 20, postsIn: ((ClosedRange<Int>) -> Int)? = nil) -> [Cluster] {
        let burst = postsIn.map(CopyBurst.init)
        var candidates: [Cluster] = []
        groups.forEach { _, group in
            guard group.total >= minimumAccounts, let cluster = densestWindow(of: group, burst: burst) else { return }
            candidates.append(cluster)
        }
        // A total order (the table's order follows arrival): most accounts, then the example, then the accounts.
        candidates.sort {
            if $0.authorHashes.count != $1.authorHashes.count { return $0.authorHashes.count > $1.authorHashes.count }
            if $0.examplePostID != $1.examplePostID { return $0.examplePostID < $1.examplePostID }
            return $0.authorHashes.sorted().lexicographicallyPrecedes($1.authorHashes.sorted())
        }
        var result: [Cluster] = []
        var listed: [(accounts: Set<UInt64>, keys: NearDuplicateKeys?)] = []
        for candidate in candidates {
            // Another band of a flood already listed: mostly the same accounts, or an example that is a near copy of
            // a listed one's (in a long flood each band's densest minute can be another minute, with other accounts).
            // The family was found when its first band was, so a live run, whichever band it lists, dates it alike.
            let keys = NearDuplicateKeys(text: candidate.exampleText)
            // The keys first: four comparisons, where the accounts' test hashes up to 200 of them.
            let family = listed.firstIndex { NearDuplicateKeys.meet(keys, $0.keys) || Self.mostlyWithin(candidate.authorHashes, $0.accounts) }
            if let family {
                result[family].detectedAt = min(result[family].detectedAt, candidate.detectedAt)
                continue
            }
            guard result.count < limit else { continue }
            result.append(candidate)
            listed.append((Set(candidate.authorHashes), keys))
        }
        return result
    }

    /// Whether at least four in five of `accounts` are in `other`.
    private static func mostlyWithin(_ accounts: [UInt64], _ other: Set<UInt64>) -> Bool {
        accounts.count { other.contains($0) } * 5 >= accounts.count * 4
    }

    /// The window of at most `windowSeconds` holding the most distinct accounts, when the group has a window of at
    /// least `minimumAccounts` accounts that is a burst against the copies before it (given `postsIn`). O(s log s)
    /// plus the burst tests.
    private func densestWindow(of group: Group, burst: CopyBurst?) -> Cluster? {
        let sightings = group.kept.sorted(by: Sighting.precedes)
        let times = sightings.map(\.time)
        guard
            let best = DensestAccountWindow(
                times: times, accounts: sightings.map(\.author), seconds: windowSeconds, minimumAccounts: minimumAccounts,
                qualifies: { burst?.isBurst(events: $0, accounts: $1, times: times, tests: $2) ?? true }),
            let detected = best.detectedAt
        else { return nil }
        var seen = Set<UInt64>()
        let authors = sightings[best.events].map(\.author).filter { seen.insert($0).inserted }
        return Cluster(
            authorHashes: authors, posts: group.total, examplePostID: group.exampleID, exampleText: group.exampleText,
            windowStart: Date(timeIntervalSinceReferenceDate: sightings[best.events.lowerBound].time),
            windowSeconds: sightings[best.events.upperBound].time - sightings[best.events.lowerBound].time,
            detectedAt: Date(timeIntervalSinceReferenceDate: times[detected]))
    }
}
