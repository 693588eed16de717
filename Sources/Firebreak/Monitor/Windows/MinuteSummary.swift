import Foundation

/// One closed minute as the monitor reads it: counts, probability sums and author sketches. Summaries add
/// and subtract field by field, so a roll-up over many minutes is kept with O(1) work per minute.
public struct MinuteSummary: Sendable, Hashable {
    /// Minutes since the epoch.
    public var minute: Int
    /// Posts.
    public var posts: Int
    /// Critical posts.
    public var critical: Int
    /// Distinct authors of critical posts in this minute.
    public var criticalAuthors: Int
    /// Event time of the latest post in the minute.
    public var lastPostAt: Date
    /// A few critical post ids, most critical first.
    public var criticalExamples: [String]
    /// The critical posts' authors as a sketch, so a window counts distinct authors across minutes (the same
    /// troll in every minute counts once). Without it the window adds up the per-minute counts, an upper bound.
    public var criticalAuthorSketch: SmallDistinctCounter?
    /// Supportive posts.
    public var supportive: Int
    /// Neutral posts.
    public var neutral: Int
    /// Posts judged sarcastic.
    public var sarcastic: Int
    /// Posts judged offensive.
    public var offensive: Int
    /// Sum of p_critical (nil when only labels are known; readers then use `critical`).
    public var sumPCritical: Double?
    /// Sum of p_critical squared (nil when not known; readers then use `softCritical`, exact for labels).
    public var sumPCriticalSquares: Double?
    /// Sum of p_supportive.
    public var sumPSupportive: Double
    /// Sum of the irony probability.
    public var sumIrony: Double
    /// Sum of the offence probability.
    public var sumOffensive: Double
    /// Original posts.
    public var originals: Int
    /// Reposts.
    public var reposts: Int
    /// Replies.
    public var replies: Int
    /// Quotes.
    public var quotes: Int
    /// Posts with media.
    public var withMedia: Int
    /// Authors whose first post in the campaign falls in this minute.
    public var newAuthors: Int
    /// All authors of the minute as a sketch.
    public var authorSketch: SmallDistinctCounter?
    /// The author hash of each critical post, sorted (by the initialiser, whatever order they arrived in), so an
    /// author's posts are adjacent for `AccountRepeatCap`; empty when not known.
    public private(set) var criticalAuthorHashes: [UInt64]

    /// Creates a summary; everything beyond the composition figures defaults to zero.
    public init(
        minute: Int, posts: Int, critical: Int, criticalAuthors: Int, lastPostAt: Date, criticalExamples: [String],
        criticalAuthorSketch: SmallDistinctCounter? = nil, supportive: Int = 0, neutral: Int = 0, sarcastic: Int = 0,
        offensive: Int = 0, sumPCritical: Double? = nil, sumPCriticalSquares: Double? = nil, sumPSupportive: Double = 0, sumIrony: Double = 0,
        sumOffensive: Double = 0,
        originals: Int = 0, reposts: Int = 0, replies: Int = 0, quotes: Int = 0, withMedia: Int = 0, newAuthors: Int = 0,
        authorSketch: SmallDistinctCounter? = nil, criticalAuthorHashes: [UInt64] = []
    ) {
        self.minute = minute
        self.posts = posts
        self.critical = critical
        self.criticalAuthors = criticalAuthors
        self.lastPostAt = lastPostAt
        self.criticalExamples = criticalExamples
        self.criticalAuthorSketch = criticalAuthorSketch
        self.supportive = supportive
        self.neutral = neutral
        self.sarcastic = sarcastic
        self.offensive = offensive
        self.sumPCritical = sumPCritical
        self.sumPCriticalSquares = sumPCriticalSquares
        self.sumPSupportive = sumPSupportive
        self.sumIrony = sumIrony
        self.sumOffensive = sumOffensive
        self.originals = originals
        self.reposts = reposts
        self.replies = replies
        self.quotes = quotes
        self.withMedia = withMedia
        self.newAuthors = newAuthors
        self.authorSketch = authorSketch
        self.criticalAuthorHashes = criticalAuthorHashes.sorted()
    }

    /// Summarises a minute bucket; `newAuthors` comes from the account tracker. An absent bucket is an empty minute.
    public init(minute: Int, bucket: MinuteBucket?, newAuthors: Int) {
        guard let b = bucket else {
            self.init(
                minute: minute, posts: 0, critical: 0, criticalAuthors: 0,
                lastPostAt: Date(timeIntervalSince1970: TimeInterval(minute * 60 + 59)), criticalExamples: [],
                sumPCritical: 0, newAuthors: max(0, newAuthors))
            return
        }
        self.init(
            minute: minute, posts: b.posts, critical: b.critical, criticalAuthors: b.criticalAuthors.estimate, lastPostAt: b.lastPostAt,
            criticalExamples: b.criticalExamples.map(\.1), criticalAuthorSketch: b.criticalAuthors, supportive: b.supportive,
            neutral: b.neutral, sarcastic: b.sarcastic, offensive: b.offensive, sumPCritical: b.sumPCritical,
            sumPCriticalSquares: b.sumPCriticalSquares, sumPSupportive: b.sumPSupportive, sumIrony: b.sumIrony, sumOffensive: b.sumOffensive,
            originals: b.originals,
            reposts: b.reposts, replies: b.replies, quotes: b.quotes, withMedia: b.withMedia, newAuthors: max(0, newAuthors),
            authorSketch: b.authors, criticalAuthorHashes: b.criticalAuthorHashes)
    }

    /// The soft count of critical posts: the sum of p_critical when known, else the label count.
    public var softCritical: Double { sumPCritical ?? Double(critical) }

    /// The sum of squared p_critical when known, else the soft count (which it is for 0/1 labels).
    public var softCriticalSquares: Double { sumPCriticalSquares ?? softCritical }
}
