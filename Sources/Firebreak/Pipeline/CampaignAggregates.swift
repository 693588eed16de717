import Foundation

/// What `CampaignAnalysis` accumulates from its posts: the deduplicator, minute buckets and trackers.
///
/// A value type so that adding a post is one exclusive access to the analysis, not one per tracker.
struct CampaignAggregates {
    var deduplicator = PostDeduplicator()
    /// Minute buckets keyed by the minute's number as a fingerprint (no SipHash per post).
    var buckets = FingerprintTable<MinuteBucket>(capacity: 1024)
    var authors = HyperLogLog()
    var accounts: AccountTracker
    var themes: ThemeTracker
    var coordination = CoordinationTracker()
    var nearDuplicates = NearDuplicateDetector()
    var examples: ExampleCollector
    let extractor: TermExtractor
    var totals = (supportive: 0, neutral: 0, critical: 0, sarcastic: 0)
    var firstPostAt: Date?
    var lastPostAt: Date?
    /// Distinct posts kept.
    var posts = 0
    /// Sightings of posts already kept.
    var duplicates = 0
    /// What the warming loads read, kept so the compiler cannot drop them.
    private var warmed: UInt64 = 0

    init(campaign: Campaign) {
        accounts = AccountTracker(campaign: campaign)
        themes = ThemeTracker(campaign: campaign)
        examples = ExampleCollector(campaign: campaign)
        extractor = TermExtractor(campaign: campaign)
    }

    /// Adds posts in order, `warmAhead` at a time: first touching the deduplication, account and near-copy slots each will
    /// probe, so their cache misses overlap, then adding them one by one. Same result as adding them singly; `items` is
    /// left as it was.
    mutating func add(contentsOf items: inout [AssessedPost]) {
        let warmAhead = 32
        var sink: UInt64 = 0
        // In place, through the array's own storage: a post borrowed from a read-only array or pointer is copied whole
        // (every string and array in it retained, then released) before each call.
        items.withUnsafeMutableBufferPointer { buffer in
            // The base pointer's subscript reads a field in place; the buffer's would copy the whole post to read it.
            guard let items = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let end = min(start + warmAhead, buffer.count)
                for index in start..<end {
                    guard let keyHash = items[index].features?.keyHash, let authorHash = items[index].features?.authorHash else { continue }
                    sink &+= deduplicator.touch(fingerprint: keyHash) &+ accounts.touch(authorHash: authorHash)
                    if let keys = items[index].features?.nearDuplicateKeys { sink &+= nearDuplicates.touch(keys) }
                }
                for index in start..<end { _ = add(inPlace: &items[index]) }
                start = end
            }
        }
        warmed &+= sink
    }

    /// Adds one assessed post; returns false (and counts a duplicate) when the post was already kept.
    mutating func add(_ item: borrowing AssessedPost) -> Bool {
        // The switch binds the features in place; bound with `??`, `!` or `if let` they are copied (their terms
        // retained, then released) for every post.
        switch item.features {
        case .some(let features): add(item, features: features)
        case .none: add(item, features: extractor.features(of: item.post))
        }
    }

    /// `add(_:)` for a post the caller holds exclusively: borrowed from an exclusive access, the post is not copied,
    /// where one borrowed from memory a pointer reaches is copied whole first.
    private mutating func add(inPlace item: inout AssessedPost) -> Bool { add(item) }

    private mutating func add(_ item: borrowing AssessedPost, features: borrowing PostFeatures) -> Bool {
        guard deduplicator.insert(fingerprint: features.keyHash) else {
            duplicates += 1
            return false
        }
        posts += 1
        let createdAt = item.post.createdAt
        let minute = Int((createdAt.timeIntervalSince1970 / 60).rounded(.down))
        let authorHash = features.authorHash
        buckets.update(UInt64(bitPattern: Int64(minute)), insert: { MinuteBucket(minute: minute) }) { $0.add(item, authorHash: authorHash) }
        authors.insert(hash: authorHash)
        accounts.add(item, authorHash: authorHash, minute: minute)
        themes.add(item, terms: features.terms)
        coordination.add(item.post, textFingerprint: features.textFingerprint)
        if let keys = features.nearDuplicateKeys {
            nearDuplicates.add(keys, authorHash: authorHash, id: item.post.nativeID, text: item.post.text, time: createdAt)
        }
        examples.add(item, byOwner: features.byOwner)
        switch item.assessment.stance {
        case .supportive: totals.supportive += 1
        case .neutral: totals.neutral += 1
        case .critical: totals.critical += 1
        }
        if item.assessment.isSarcastic { totals.sarcastic += 1 }
        if firstPostAt.map({ createdAt < $0 }) ?? true { firstPostAt = createdAt }
        if lastPostAt.map({ createdAt > $0 }) ?? true { lastPostAt = createdAt }
        return true
    }

    /// The coordination clusters: exact copies, links, media and reposts, and near-identical texts
    /// (`near_duplicate_text`), each a burst against the campaign's volume (`CopyBurst`); largest first. A flood seen
    /// both as exact copies and as near copies is listed once: of clusters whose texts are near copies of each other,
    /// only the one with the most accounts (the exact copies on a tie), dated by the earlier of the two detections.
    func coordinationClusters(limit: Int = 20) -> [CoordinationCluster] {
        let postsIn = postsPerMinute()
        let near = nearDuplicates.clusters(limit: limit, postsIn: postsIn).map { cluster in
            // An account the tracker has forgotten (past its million) is named by its hash.
            let handles = cluster.authorHashes.map { hash in accounts.handle(authorHash: hash).map { "@" + $0 } ?? "#" + String(hash, radix: 16) }
            return CoordinationCluster(
                kind: Self.nearText, accounts: handles.sorted(), posts: cluster.posts, windowSeconds: cluster.windowSeconds,
                shared: cluster.exampleText, startedAt: cluster.windowStart, detectedAt: cluster.detectedAt,
                examplePostID: cluster.examplePostID)
        }
        let sameText = CoordinationTracker.Kind.sameText.rawValue
        var result: [CoordinationCluster] = []
        var listedTexts: [(keys: NearDuplicateKeys, index: Int)] = []
        for cluster in (coordination.clusters(limit: limit, postsIn: postsIn) + near).sorted(by: Self.listedBefore) {
            if cluster.kind == sameText || cluster.kind == Self.nearText, let keys = NearDuplicateKeys(text: cluster.shared) {
                // The same flood seen the other way: it was found when either was.
                if let listed = listedTexts.first(where: { NearDuplicateKeys.meet($0.keys, keys) }) {
                    if let found = cluster.detectedAt { result[listed.index].detectedAt = min(result[listed.index].detectedAt ?? found, found) }
                    continue
                }
                if result.count < limit { listedTexts.append((keys, result.count)) }
            }
            guard result.count < limit else { continue }
            result.append(cluster)
        }
        return result
    }

    /// The kind of a near-copy cluster.
    static let nearText = "near_duplicate_text"

    /// The clusters' order: most accounts, exact kinds before near copies, then what was shared, the kind and the
    /// accounts (a total order, so the listing does not depend on the tables' arrival order).
    static func listedBefore(_ a: CoordinationCluster, _ b: CoordinationCluster) -> Bool {
        if a.accounts.count != b.accounts.count { return a.accounts.count > b.accounts.count }
        if (a.kind == nearText) != (b.kind == nearText) { return b.kind == nearText }
        if a.shared != b.shared { return a.shared < b.shared }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.accounts.lexicographicallyPrecedes(b.accounts)
    }

    /// The minutes (since 1970) that hold posts, in order. O(m log m) for m such minutes.
    func minutesWithPosts() -> [Int] {
        var minutes: [Int] = []
        minutes.reserveCapacity(buckets.count)
        buckets.forEach { _, bucket in minutes.append(bucket.minute) }
        return minutes.sorted()
    }

    /// The index of the first of `sorted` at or after `minute` (`sorted.count` when none is). O(log n).
    static func firstIndex(atOrAfter minute: Int, in sorted: [Int]) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < minute { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first minute after `minute` that holds posts, or nil. O(m): a scan of the buckets.
    func firstMinuteWithPosts(after minute: Int) -> Int? {
        var first: Int?
        buckets.forEach { _, bucket in
            if bucket.minute > minute, first.map({ bucket.minute < $0 }) ?? true { first = bucket.minute }
        }
        return first
    }

    /// The posts in a range of minutes, from the minute buckets: their counts summed once, then two binary searches a
    /// call. O(m log m) to build for m minutes with posts, whatever the time between the first and the last.
    func postsPerMinute() -> (ClosedRange<Int>) -> Int {
        var minutes: [(minute: Int, posts: Int)] = []
        buckets.forEach { _, bucket in minutes.append((bucket.minute, bucket.posts)) }
        minutes.sort { $0.minute < $1.minute }
        let starts = minutes.map(\.minute)
        // cumulative[i]: posts in the minutes before starts[i].
        let cumulative = minutes.reduce(into: [0]) { $0.append($0.last! + $1.posts) }
        return { range in
            cumulative[Self.firstIndex(atOrAfter: range.upperBound + 1, in: starts)]
                - cumulative[Self.firstIndex(atOrAfter: range.lowerBound, in: starts)]
        }
    }
}
