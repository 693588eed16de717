import Foundation

/// One public post, normalised from any platform's record.
public struct Post: Sendable, Hashable, Codable {
    /// The network it was published on.
    public var platform: Platform
    /// The platform's own id (tweet id, status id, AT URI).
    public var nativeID: String
    /// Original, repost, reply or quote.
    public var kind: PostKind
    /// Who wrote it.
    public var author: Author
    /// When it was published (event time).
    public var createdAt: Date
    /// The full text (long posts included); for a repost, the reposted text when the record carries it.
    public var text: String
    /// The language code the platform detected, when known.
    public var language: String?
    /// Hashtags with their `#`, as written.
    public var hashtags: [String]
    /// Mentioned handles without `@`.
    public var mentions: [String]
    /// Expanded link URLs.
    public var links: [String]
    /// Attached media.
    public var media: [Media]
    /// The id of the post this one replies to.
    public var repliedToID: String?
    /// The id of the post this one quotes.
    public var quotedID: String?
    /// The id of the post this one reposts.
    public var repostedID: String?
    /// Posts the record carried in full: the reposted original and the quoted post.
    public var carried: [Post]
    /// Engagement counts when the record has them.
    public var metrics: PublicMetrics?
    /// Where the record came from.
    public var origin: RecordOrigin?

    /// Creates a post.
    public init(
        platform: Platform, nativeID: String, kind: PostKind = .original, author: Author, createdAt: Date,
        text: String, language: String? = nil, hashtags: [String] = [], mentions: [String] = [],
        links: [String] = [], media: [Media] = [], repliedToID: String? = nil, quotedID: String? = nil,
        repostedID: String? = nil, carried: [Post] = [], metrics: PublicMetrics? = nil, origin: RecordOrigin? = nil
    ) {
        self.platform = platform
        self.nativeID = nativeID
        self.kind = kind
        self.author = author
        self.createdAt = createdAt
        self.text = text
        self.language = language
        self.hashtags = hashtags
        self.mentions = mentions
        self.links = links
        self.media = media
        self.repliedToID = repliedToID
        self.quotedID = quotedID
        self.repostedID = repostedID
        self.carried = carried
        self.metrics = metrics
        self.origin = origin
    }

    /// The identity used to find the same post seen twice: platform plus native id.
    public var key: PostKey { PostKey(platform: platform, nativeID: nativeID) }

    /// Whether at least one photo, video or GIF is attached.
    public var hasMedia: Bool { !media.isEmpty }
}

/// The identity of a post across inputs: the same platform and native id are the same post.
public struct PostKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The network.
    public var platform: Platform
    /// The platform's own id.
    public var nativeID: String

    /// Creates a key.
    public init(platform: Platform, nativeID: String) {
        self.platform = platform
        self.nativeID = nativeID
    }

    /// `x:1234`.
    public var description: String { "\(platform.rawValue):\(nativeID)" }

    /// Reads `platform:id` back (nil for an unknown platform, an empty id or one over 200 characters).
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":"), let platform = Platform(rawValue: String(text[..<colon])) else { return nil }
        let id = String(text[text.index(after: colon)...])
        guard !id.isEmpty, id.count <= 200 else { return nil }
        self.init(platform: platform, nativeID: id)
    }
}
