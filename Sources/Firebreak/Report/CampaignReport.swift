import Foundation

/// Everything a campaign report says, in the shape of the `firebreak.report/1` JSON schema.
/// Renderers (JSON, HTML, Markdown) only format this; they compute nothing.
public struct CampaignReport: Sendable, Hashable {
    /// The schema identifier written into every JSON report.
    public static let schemaID = "firebreak.report/1"

    /// The campaign the report is about.
    public var campaign: Campaign
    /// What was read, kept, dropped as duplicate and rejected.
    public var input: InputSummary
    /// The headline figures.
    public var summary: Summary
    /// Consecutive event-time buckets covering the whole campaign.
    public var timeline: [TimelineBucket]
    /// Alerts the monitor raised, in the order raised.
    public var alerts: [Alert]
    /// Emerging themes, largest first.
    public var themes: [Theme]
    /// The accounts that drove the campaign, most posts first.
    public var accounts: [AccountSummary]
    /// Groups of accounts that posted the same thing within a short window.
    public var coordination: [CoordinationCluster]
    /// Example posts worth a person's look: the most shared supportive, critical and sarcastic ones.
    public var examples: [ExamplePost]
    /// Ids of posts eligible to be featured (supportive, not reposts, with media, irony and offence below one half).
    public var featuredCandidates: [String]
    /// The program and version that made the report.
    public var generatedBy: String
    /// What makes this run's report read other than it seems (empty for most runs).
    public var warnings: [ReportWarning]

    /// Creates a report.
    public init(
        campaign: Campaign, input: InputSummary, summary: Summary, timeline: [TimelineBucket], alerts: [Alert],
        themes: [Theme], accounts: [AccountSummary], coordination: [CoordinationCluster], examples: [ExamplePost],
        featuredCandidates: [String], generatedBy: String, warnings: [ReportWarning] = []
    ) {
        self.campaign = campaign
        self.input = input
        self.summary = summary
        self.timeline = timeline
        self.alerts = alerts
        self.themes = themes
        self.accounts = accounts
        self.coordination = coordination
        self.examples = examples
        self.featuredCandidates = featuredCandidates
        self.generatedBy = generatedBy
        self.warnings = warnings
    }
}

/// What the input held and what became of it.
public struct InputSummary: Sendable, Hashable {
    /// The inputs, as named on the command line (`-` for standard input).
    public var files: [String]
    /// Records read: lines, array elements, CSV rows.
    public var records: Int
    /// Distinct posts kept.
    public var posts: Int
    /// Posts seen again and dropped.
    public var duplicates: Int
    /// Records that could not be read.
    public var rejected: Int
    /// The first rejected records, with where and why.
    public var rejections: [Rejection]

    /// Creates an input summary.
    public init(files: [String], records: Int, posts: Int, duplicates: Int, rejected: Int, rejections: [Rejection]) {
        self.files = files
        self.records = records
        self.posts = posts
        self.duplicates = duplicates
        self.rejected = rejected
        self.rejections = rejections
    }
}

/// A record that could not be read: where it was and why.
public struct Rejection: Sendable, Hashable, Codable, Error, CustomStringConvertible {
    /// The file (`-` for standard input) or stream name.
    public var file: String
    /// The 1-based record number within the file.
    public var record: Int
    /// Why it was rejected, in words a person can act on.
    public var reason: String

    /// Creates a rejection.
    public init(file: String, record: Int, reason: String) {
        self.file = file
        self.record = record
        self.reason = reason
    }

    /// `file:record: reason`.
    public var description: String { "\(file):\(record): \(reason)" }
}

/// The headline figures of a campaign.
public struct Summary: Sendable, Hashable {
    /// Distinct posts.
    public var posts: Int
    /// Distinct authors (estimated with a sketch above a few thousand).
    public var authors: Int
    /// Event time of the first post.
    public var firstPostAt: Date?
    /// Event time of the last post.
    public var lastPostAt: Date?
    /// Posts per stance.
    public var supportive: Int
    /// Posts per stance.
    public var neutral: Int
    /// Posts per stance.
    public var critical: Int
    /// Posts judged sarcastic.
    public var sarcastic: Int
    /// Health at the end of the input.
    public var health: Health
    /// When the campaign turned: the onset estimate of the first hijack alert.
    public var turnedAt: Date?

    /// Creates a summary.
    public init(
        posts: Int, authors: Int, firstPostAt: Date?, lastPostAt: Date?, supportive: Int, neutral: Int, critical: Int,
        sarcastic: Int, health: Health, turnedAt: Date?
    ) {
        self.posts = posts
        self.authors = authors
        self.firstPostAt = firstPostAt
        self.lastPostAt = lastPostAt
        self.supportive = supportive
        self.neutral = neutral
        self.critical = critical
        self.sarcastic = sarcastic
        self.health = health
        self.turnedAt = turnedAt
    }
}

/// One event-time bucket of the timeline.
public struct TimelineBucket: Sendable, Hashable {
    /// Start of the bucket (inclusive).
    public var start: Date
    /// End of the bucket (exclusive).
    public var end: Date
    /// Posts in the bucket.
    public var posts: Int
    /// Supportive posts.
    public var supportive: Int
    /// Neutral posts.
    public var neutral: Int
    /// Critical posts.
    public var critical: Int
    /// Sarcastic posts.
    public var sarcastic: Int
    /// Distinct authors in the bucket.
    public var authors: Int
    /// Authors seen for the first time in the campaign.
    public var newAuthors: Int
    /// The worst health the monitor reported during the bucket.
    public var health: Health

    /// Creates a bucket.
    public init(
        start: Date, end: Date, posts: Int, supportive: Int, neutral: Int, critical: Int, sarcastic: Int, authors: Int,
        newAuthors: Int, health: Health
    ) {
        self.start = start
        self.end = end
        self.posts = posts
        self.supportive = supportive
        self.neutral = neutral
        self.critical = critical
        self.sarcastic = sarcastic
        self.authors = authors
        self.newAuthors = newAuthors
        self.health = health
    }
}

/// A theme: terms that rose together, with when they first appeared.
public struct Theme: Sendable, Hashable {
    /// The terms, strongest first.
    public var terms: [String]
    /// Posts that carry the theme.
    public var posts: Int
    /// Event time of the first post with the theme.
    public var firstSeen: Date
    /// A few posts that show it.
    public var examplePostIDs: [String]

    /// Creates a theme.
    public init(terms: [String], posts: Int, firstSeen: Date, examplePostIDs: [String]) {
        self.terms = terms
        self.posts = posts
        self.firstSeen = firstSeen
        self.examplePostIDs = examplePostIDs
    }
}

/// One account's part in the campaign.
public struct AccountSummary: Sendable, Hashable {
    /// The handle, with `@`.
    public var handle: String
    /// Posts by the account.
    public var posts: Int
    /// Of which critical.
    public var critical: Int
    /// Followers, when known.
    public var followers: Int?
    /// `owner`, `supporter`, `critic`, `mixed`.
    public var role: String

    /// Creates an account summary.
    public init(handle: String, posts: Int, critical: Int, followers: Int?, role: String) {
        self.handle = handle
        self.posts = posts
        self.critical = critical
        self.followers = followers
        self.role = role
    }
}

/// Accounts that posted the same text, link or media, or reposted the same post, within a short window.
public struct CoordinationCluster: Sendable, Hashable {
    /// `same_text`, `same_link`, `same_media`, `same_repost`, `near_duplicate_text`.
    public var kind: String
    /// The accounts' handles, with `@`.
    public var accounts: [String]
    /// Posts in the cluster.
    public var posts: Int
    /// The span of the cluster in seconds.
    public var windowSeconds: Double
    /// What they shared (the text, link or media key).
    public var shared: String
    /// Event time of the first post of the window (nil when not known, as in clusters stored before it was kept).
    public var startedAt: Date?
    /// Event time of the post that made the copies a cluster: the end of their first window of enough accounts that
    /// was a burst. A live run raises its coordination alert at the close of that minute (nil when not known).
    public var detectedAt: Date?
    /// The native id of the earliest post that shared it (nil when not known).
    public var examplePostID: String?

    /// The part of a shared text a cluster keeps and shows: its first 280 Unicode scalars. A hostile archive's texts
    /// can be up to a megabyte each, and the trackers keep one per group, so they keep no more. O(1) for up to 280
    /// bytes, else a walk of at most 280 scalars, and a copy only when the text is longer.
    public static func shownText(_ text: String) -> String {
        guard text.utf8.count > 280 else { return text }
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: 280, limitedBy: scalars.endIndex), end != scalars.endIndex else { return text }
        return String(scalars[..<end])
    }

    /// Creates a cluster.
    public init(
        kind: String, accounts: [String], posts: Int, windowSeconds: Double, shared: String, startedAt: Date? = nil, detectedAt: Date? = nil,
        examplePostID: String? = nil
    ) {
        self.kind = kind
        self.accounts = accounts
        self.posts = posts
        self.windowSeconds = windowSeconds
        self.shared = shared
        self.startedAt = startedAt
        self.detectedAt = detectedAt
        self.examplePostID = examplePostID
    }
}

/// A post quoted in the report as an example, with what Firebreak made of it.
public struct ExamplePost: Sendable, Hashable {
    /// The post's native id.
    public var id: String
    /// The author's handle with `@`.
    public var handle: String
    /// Event time.
    public var createdAt: Date
    /// The text, exactly as posted (renderers escape it).
    public var text: String
    /// The assessed stance.
    public var stance: Stance
    /// Whether it was judged sarcastic.
    public var sarcastic: Bool
    /// Whether it has media.
    public var hasMedia: Bool
    /// Why it is shown (`most reposted critical post`, `launch post`, ...).
    public var why: String

    /// Creates an example.
    public init(id: String, handle: String, createdAt: Date, text: String, stance: Stance, sarcastic: Bool, hasMedia: Bool, why: String) {
        self.id = id
        self.handle = handle
        self.createdAt = createdAt
        self.text = text
        self.stance = stance
        self.sarcastic = sarcastic
        self.hasMedia = hasMedia
        self.why = why
    }
}
