import Foundation

/// Everything the monitor keeps about one minute of event time. Adding a post is O(1) and the
/// result does not depend on the order posts arrive in, so an unsorted archive gives the same
/// buckets as a live stream.
public struct MinuteBucket: Sendable {
    /// Minutes since 1970-01-01T00:00Z.
    public let minute: Int
    /// Posts.
    public var posts = 0
    /// Posts per stance label.
    public var supportive = 0
    /// Posts per stance label.
    public var neutral = 0
    /// Posts per stance label.
    public var critical = 0
    /// Posts judged sarcastic.
    public var sarcastic = 0
    /// Posts judged offensive.
    public var offensive = 0
    /// Sum of p_critical.
    public var sumPCritical: Double { Self.real(fixedPCritical) }
    /// Sum of p_critical squared (for its variance).
    public var sumPCriticalSquares: Double { Self.real(fixedPCriticalSquares) }
    /// Sum of p_supportive.
    public var sumPSupportive: Double { Self.real(fixedPSupportive) }
    /// Sum of the irony probability.
    public var sumIrony: Double { Self.real(fixedIrony) }
    /// Sum of the offence probability.
    public var sumOffensive: Double { Self.real(fixedOffensive) }
    // Probabilities are summed in fixed point (nanounits): integer sums do not depend on the order posts
    // arrive in, floating-point sums do, and the alerts must be the same for any order.
    private var fixedPCritical: Int64 = 0
    private var fixedPCriticalSquares: Int64 = 0
    private var fixedPSupportive: Int64 = 0
    private var fixedIrony: Int64 = 0
    private var fixedOffensive: Int64 = 0
    /// Posts per kind.
    public var originals = 0
    /// Posts per kind.
    public var reposts = 0
    /// Posts per kind.
    public var replies = 0
    /// Posts per kind.
    public var quotes = 0
    /// Posts with media.
    public var withMedia = 0
    /// Distinct authors (sketch).
    public var authors = SmallDistinctCounter()
    /// Distinct authors of critical posts (sketch), so a handful of trolls is told from a crowd.
    public var criticalAuthors = SmallDistinctCounter()
    /// Event time of the latest post in the bucket.
    public var lastPostAt: Date
    /// A few critical posts, most critical first: (p_critical, id).
    public var criticalExamples: [(Double, String)] = []
    /// The author hash of each critical post, in arrival order, so the monitor can tell a few accounts posting a lot
    /// from a crowd (`AccountRepeatCap`). An append per post (counting per author here cost a hash-table update on
    /// every critical post); at most `maxCriticalAuthorHashes`: a minute with more is a crowd anyway.
    public var criticalAuthorHashes: [UInt64] = []
    /// The most entries `criticalAuthorHashes` holds.
    public static let maxCriticalAuthorHashes = 65_536

    /// Creates an empty bucket.
    public init(minute: Int) {
        self.minute = minute
        lastPostAt = Date(timeIntervalSince1970: TimeInterval(minute * 60))
    }

    /// The bucket's start.
    public var start: Date { Date(timeIntervalSince1970: TimeInterval(minute * 60)) }

    /// Adds one assessed post.
    public mutating func add(_ item: AssessedPost, authorHash: UInt64) {
        // Read in place: a local copy of the assessment retains and releases its arrays for every post.
        posts += 1
        switch item.assessment.stance {
        case .supportive: supportive += 1
        case .neutral: neutral += 1
        case .critical: critical += 1
        }
        if item.assessment.isSarcastic { sarcastic += 1 }
        if item.assessment.isOffensive { offensive += 1 }
        let pCritical = item.assessment.pCritical
        fixedPCritical += Self.fixed(pCritical)
        fixedPCriticalSquares += Self.fixed(pCritical * pCritical)
        fixedPSupportive += Self.fixed(item.assessment.pSupportive)
        fixedIrony += Self.fixed(item.assessment.irony)
        fixedOffensive += Self.fixed(item.assessment.offensive)
        switch item.post.kind {
        case .original: originals += 1
        case .repost: reposts += 1
        case .reply: replies += 1
        case .quote: quotes += 1
        }
        if item.post.hasMedia { withMedia += 1 }
        authors.insert(hash: authorHash)
        if item.post.createdAt > lastPostAt { lastPostAt = item.post.createdAt }
        if item.assessment.stance == .critical {
            criticalAuthors.insert(hash: authorHash)
            if criticalAuthorHashes.count < Self.maxCriticalAuthorHashes { criticalAuthorHashes.append(authorHash) }
            criticalExamples.append((item.assessment.pCritical, item.post.nativeID))
            criticalExamples.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            if criticalExamples.count > 3 { criticalExamples.removeLast() }
        }
    }

    @inline(__always) private static func fixed(_ p: Double) -> Int64 { Int64((min(max(p, 0), 1) * 1e9).rounded()) }
    private static func real(_ sum: Int64) -> Double { Double(sum) / 1e9 }
}
