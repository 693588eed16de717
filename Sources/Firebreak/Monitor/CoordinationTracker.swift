import Foundation

/// Finds many accounts posting the same thing within about a minute: the same text (after removing
/// links, mentions and case), the same link, the same media, or reposts of the same post.
///
/// Per post O(1) amortised; memory bounded by `capacity` keys (keys seen once are dropped first).
public struct CoordinationTracker: Sendable {
    struct Group: Sendable {
        var kind: String
        var shared: String
        /// Time and id of the post `shared` was taken from: the earliest, so arrival order does not matter.
        var sharedFrom: (time: Date, id: String)?
        var events: [(time: Date, author: String)] = []
        /// Index of the latest kept event.
        var latest: Int?
        var total = 0
    }

    private var groups: [UInt64: Group] = [:]
    private let capacity: Int
    private let windowSeconds: Double
    private let minimumAccounts: [String: Int]
    private static let eventsPerGroup = 200

    /// Creates a tracker. Reposts of one post need more accounts than identical text, since cascades are normal.
    public init(capacity: Int = 200_000, windowSeconds: Double = 60) {
        self.capacity = capacity
        self.windowSeconds = windowSeconds
        minimumAccounts = ["same_text": 5, "same_link": 8, "same_media": 5, "same_repost": 40]
    }

    /// Adds one post.
    public mutating func add(_ post: Post) {
        let handle = "@" + post.author.handle
        if post.kind == .repost, let original = post.repostedID {
            record("same_repost", original, post, handle)
            return
        }
        let normalised = CoordinationTracker.normalise(post.text)
        if normalised.count >= 24 { record("same_text", String(post.text.prefix(280)), post, handle, key: normalised) }
        for link in post.links.prefix(3) { record("same_link", link, post, handle) }
        for media in post.media.prefix(4) {
            if let id = media.url ?? media.key { record("same_media", id, post, handle) }
        }
        if groups.count > capacity {
            groups = groups.filter { $0.value.total > 1 }
            if groups.count > capacity * 3 / 4 { groups = groups.filter { $0.value.total > 2 } }
        }
    }

    private mutating func record(_ kind: String, _ shared: String, _ post: Post, _ handle: String, key: String? = nil) {
        let hash = StableHash.fnv1a(key ?? shared, seed: StableHash.fnv1a(kind))
        var group = groups[hash] ?? Group(kind: kind, shared: shared)
        group.total += 1
        // Keep the earliest events (by time, then account), so a replay in any order keeps what a live run keeps.
        let event = (time: post.createdAt, author: handle)
        if group.events.count < Self.eventsPerGroup {
            group.events.append(event)
            if group.latest == nil || (event.time, event.author) > (group.events[group.latest!].time, group.events[group.latest!].author) {
                group.latest = group.events.count - 1
            }
        } else if let latest = group.latest, (event.time, event.author) < (group.events[latest].time, group.events[latest].author) {
            group.events[latest] = event
            group.latest = group.events.indices.max { (group.events[$0].time, group.events[$0].author) < (group.events[$1].time, group.events[$1].author) }
        }
        if group.sharedFrom.map({ (post.createdAt, post.nativeID) < ($0.time, $0.id) }) ?? true {
            group.shared = shared
            group.sharedFrom = (post.createdAt, post.nativeID)
        }
        groups[hash] = group
    }

    /// Lowercased words of the text without links and mentions, so trivially varied copies match.
    static func normalise(_ text: String) -> String {
        var scanner = TermScanner()
        scanner.scan(text)
        var out: [UInt8] = []
        out.reserveCapacity(scanner.buffer.count + scanner.words.count)
        for word in scanner.words {
            for b in scanner.buffer[word.start..<word.end] where b != UInt8(ascii: "#") && b != UInt8(ascii: "'") { out.append(b) }
            out.append(0x20)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The clusters: groups where enough distinct accounts posted within the window, largest first.
    public func clusters(limit: Int = 20) -> [CoordinationCluster] {
        var result: [CoordinationCluster] = []
        for group in groups.values where group.total >= (minimumAccounts[group.kind] ?? 5) {
            let events = group.events.sorted { ($0.time, $0.author) < ($1.time, $1.author) }
            // Slide a window over the events; keep the densest run of distinct accounts.
            var best: (accounts: Set<String>, span: Double, posts: Int) = ([], 0, 0)
            var start = 0
            for end in events.indices {
                while events[end].time.timeIntervalSince(events[start].time) > windowSeconds { start += 1 }
                let accounts = Set(events[start...end].map(\.author))
                if accounts.count > best.accounts.count {
                    best = (accounts, events[end].time.timeIntervalSince(events[start].time), end - start + 1)
                }
            }
            guard best.accounts.count >= (minimumAccounts[group.kind] ?? 5) else { continue }
            result.append(
                CoordinationCluster(
                    kind: group.kind, accounts: best.accounts.sorted(), posts: group.total, windowSeconds: best.span,
                    shared: group.shared))
        }
        return Array(
            result.sorted { $0.accounts.count > $1.accounts.count || ($0.accounts.count == $1.accounts.count && $0.shared < $1.shared) }
                .prefix(limit))
    }
}
