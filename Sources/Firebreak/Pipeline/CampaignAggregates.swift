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

    /// Adds posts in order, `warmAhead` at a time: first touching the deduplication and account slots each will
    /// probe, so their cache misses overlap, then adding them one by one. Same result as adding them singly.
    mutating func add(contentsOf items: [AssessedPost]) {
        let warmAhead = 32
        var sink: UInt64 = 0
        // Through a pointer, whose subscript reads each post in place: an array's (or a buffer's) would copy it.
        items.withUnsafeBufferPointer { buffer in
            guard let items = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let end = min(start + warmAhead, buffer.count)
                for index in start..<end {
                    guard let keyHash = items[index].features?.keyHash, let authorHash = items[index].features?.authorHash else { continue }
                    sink &+= deduplicator.touch(fingerprint: keyHash) &+ accounts.touch(authorHash: authorHash)
                }
                for index in start..<end { _ = add(items[index]) }
                start = end
            }
        }
        warmed &+= sink
    }

    /// Adds one assessed post; returns false (and counts a duplicate) when the post was already kept.
    mutating func add(_ item: borrowing AssessedPost) -> Bool {
        let features = item.features ?? extractor.features(of: item.post)
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
}
