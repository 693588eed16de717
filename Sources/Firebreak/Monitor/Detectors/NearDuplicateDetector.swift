import FirebreakLanguage
import Foundation

/// Many accounts posting nearly the same text within about a minute, found with MinHash signatures over the
/// text's shingles and locality-sensitive hashing: two texts share a band key with probability about s^rows,
/// where s is their Jaccard similarity, so copies with a word or two changed still meet.
///
/// Fed with precomputed shingle hashes (the pipeline's parallel stage can make them), never with text. Per post
/// O(shingles × hashes) to sign plus O(bands) amortised table work for posts arriving roughly in time order;
/// memory bounded by `capacity` groups (groups idle for longer than the window are dropped first).
public struct NearDuplicateDetector: Sendable {
    /// A group of accounts that posted near-identical text within the window.
    public struct Cluster: Sendable, Hashable {
        /// The accounts, sorted.
        public var accounts: [String]
        /// Posts seen in the group.
        public var posts: Int
        /// The earliest post's id: an example of the text.
        public var examplePostID: String
        /// When the group first reached the minimum number of accounts.
        public var detectedAt: Date
        /// The span in seconds of the densest window.
        public var windowSeconds: Double
    }

    struct Group: Sendable {
        var events: [(time: Date, author: String)] = []
        var head = 0
        var authorCounts: [String: Int] = [:]
        var posts = 0
        var first: (time: Date, id: String)
        var peak: (accounts: Set<String>, span: Double)?
        var detectedAt: Date?
        var lastTime: Date
    }

    /// MinHash functions per signature.
    public let bands: Int
    /// Rows per band.
    public let rows: Int
    /// Seconds within which copies count together.
    public let windowSeconds: Double
    /// Distinct accounts needed for a cluster.
    public let minimumAccounts: Int
    private let capacity: Int
    private let seeds: [UInt64]
    private var groups: [UInt64: Group] = [:]
    private var newest = Date.distantPast

    /// Creates a detector; the defaults (8 bands of 3 rows) meet copies with Jaccard similarity above about 0.5.
    public init(bands: Int = 8, rows: Int = 3, windowSeconds: Double = 60, minimumAccounts: Int = 5, capacity: Int = 100_000) {
        self.bands = max(1, bands)
        self.rows = max(1, rows)
        self.windowSeconds = windowSeconds
        self.minimumAccounts = max(2, minimumAccounts)
        self.capacity = max(16, capacity)
        seeds = (0..<(self.bands * self.rows)).map { StableHash.splitMix(UInt64($0) &* 0x9e37_79b9_7f4a_7c15 &+ 0x5eed) }
    }

    /// The MinHash signature of a set of shingle hashes: one minimum per hash function.
    public func signature(of shingles: [UInt64]) -> [UInt64] {
        seeds.map { seed in shingles.reduce(UInt64.max) { min($0, StableHash.splitMix($1 ^ seed)) } }
    }

    /// Adds one post by its shingle hashes; returns true when it makes a group reach `minimumAccounts` for the
    /// first time (a new cluster, in event time). Posts with fewer than three shingles are too short to tell.
    @discardableResult
    public mutating func add(shingles: [UInt64], author: String, id: String, time: Date) -> Bool {
        guard shingles.count >= 3 else { return false }
        let signature = signature(of: shingles)
        if time > newest { newest = time }
        var detected = false
        for band in 0..<bands {
            var key = UInt64(band) &+ 0x6e65_6172
            for row in 0..<rows { key = StableHash.splitMix(key ^ signature[band * rows + row]) }
            detected = record(key: key, author: author, id: id, time: time) || detected
        }
        if groups.count > capacity {
            let cutoff = newest.addingTimeInterval(-windowSeconds)
            groups = groups.filter { $0.value.lastTime >= cutoff || $0.value.detectedAt != nil }
        }
        return detected
    }

    private mutating func record(key: UInt64, author: String, id: String, time: Date) -> Bool {
        var group = groups[key] ?? Group(first: (time, id), lastTime: time)
        group.posts += 1
        if (time, id) < group.first { group.first = (time, id) }
        if time > group.lastTime { group.lastTime = time }
        group.events.append((time, author))
        group.authorCounts[author, default: 0] += 1
        // Slide the window's start past events older than the window (posts arrive roughly in order).
        while group.head < group.events.count, group.lastTime.timeIntervalSince(group.events[group.head].time) > windowSeconds {
            let old = group.events[group.head].author
            group.authorCounts[old]! -= 1
            if group.authorCounts[old] == 0 { group.authorCounts[old] = nil }
            group.head += 1
        }
        if group.head > 256 {
            group.events.removeFirst(group.head)
            group.head = 0
        }
        var detected = false
        if group.authorCounts.count > (group.peak?.accounts.count ?? 0) {
            let span = group.lastTime.timeIntervalSince(group.events[group.head].time)
            group.peak = (Set(group.authorCounts.keys), span)
            if group.detectedAt == nil, group.authorCounts.count >= minimumAccounts {
                group.detectedAt = time
                detected = true
            }
        }
        groups[key] = group
        return detected
    }

    /// The clusters found so far, most accounts first; a text found by several bands is listed once.
    public func clusters(limit: Int = 20) -> [Cluster] {
        var byExample: [String: Cluster] = [:]
        for group in groups.values {
            guard let detectedAt = group.detectedAt, let peak = group.peak else { continue }
            let cluster = Cluster(
                accounts: peak.accounts.sorted(), posts: group.posts, examplePostID: group.first.id, detectedAt: detectedAt,
                windowSeconds: peak.span)
            if let known = byExample[cluster.examplePostID], known.accounts.count >= cluster.accounts.count { continue }
            byExample[cluster.examplePostID] = cluster
        }
        return Array(
            byExample.values.sorted { ($1.accounts.count, $0.examplePostID) < ($0.accounts.count, $1.examplePostID) }.prefix(limit))
    }

    /// Word shingles of a text (hashes of `width` consecutive lowercased words): a helper for callers that have
    /// only the text; the pipeline should make these once in its parallel stage.
    public static func shingles(of text: String, width: Int = 2) -> [UInt64] {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "#" }.filter { !$0.hasPrefix("http") }
        guard words.count >= width else { return words.map { StableHash.fnv1a(String($0)) } }
        return (0...(words.count - width)).map { i in
            words[i..<(i + width)].reduce(StableHash.fnv1a("")) { StableHash.fnv1a(String($1), seed: StableHash.splitMix($0)) }
        }
    }
}
