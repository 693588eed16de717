import Foundation

/// One public post, normalised from any platform's record.
///
/// A value with copy-on-write storage: the pipeline hands each post from decoder to assessor to monitor, and a
/// copy of seventeen fields would retain every string and array in it, where this retains one reference.
public struct Post: Sendable, Hashable, Codable {
    /// The time given to posts whose input carries none (plain text, CSV without a date column): the Unix epoch,
    /// which no timed post can have (readers reject times before 2000). Reports leave time-based figures out for them.
    public static let undated = Date(timeIntervalSince1970: 0)

    /// The fields, shared between copies until one of them changes.
    // Unchecked: a storage object is only written while uniquely referenced (`writable`), so no two threads
    // ever see it change.
    private final class Storage: @unchecked Sendable {
        var platform: Platform
        var nativeID: String
        var kind: PostKind
        var author: Author
        var createdAt: Date
        var text: String
        var language: String?
        var hashtags: [String]
        var mentions: [String]
        var links: [String]
        var media: [Media]
        var repliedToID: String?
        var quotedID: String?
        var repostedID: String?
        var carried: [Post]
        var metrics: PublicMetrics?
        var origin: RecordOrigin?

        init(
            platform: Platform, nativeID: String, kind: PostKind, author: Author, createdAt: Date, text: String, language: String?,
            hashtags: [String], mentions: [String], links: [String], media: [Media], repliedToID: String?, quotedID: String?, repostedID: String?,
            carried: [Post], metrics: PublicMetrics?, origin: RecordOrigin?
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

        /// A separate copy of the fields.
        func copy() -> Storage {
            Storage(
                platform: platform, nativeID: nativeID, kind: kind, author: author, createdAt: createdAt, text: text, language: language,
                hashtags: hashtags, mentions: mentions, links: links, media: media, repliedToID: repliedToID, quotedID: quotedID,
                repostedID: repostedID, carried: carried, metrics: metrics, origin: origin)
        }
    }

    private var storage: Storage

    /// The network it was published on.
    public var platform: Platform {
        get { storage.platform }
        set { writable.platform = newValue }
    }
    /// The platform's own id (tweet id, status id, AT URI).
    public var nativeID: String {
        get { storage.nativeID }
        set { writable.nativeID = newValue }
    }
    /// Original, repost, reply or quote.
    public var kind: PostKind {
        get { storage.kind }
        set { writable.kind = newValue }
    }
    /// Who wrote it.
    public var author: Author {
        get { storage.author }
        set { writable.author = newValue }
    }
    /// When it was published (event time).
    public var createdAt: Date {
        get { storage.createdAt }
        set { writable.createdAt = newValue }
    }
    /// The full text (long posts included); for a repost, the reposted text when the record carries it.
    public var text: String {
        get { storage.text }
        set { writable.text = newValue }
    }
    /// The language code the platform detected, when known.
    public var language: String? {
        get { storage.language }
        set { writable.language = newValue }
    }
    /// Hashtags with their `#`, as written.
    public var hashtags: [String] {
        get { storage.hashtags }
        set { writable.hashtags = newValue }
    }
    /// Mentioned handles without `@`.
    public var mentions: [String] {
        get { storage.mentions }
        set { writable.mentions = newValue }
    }
    /// Expanded link URLs.
    public var links: [String] {
        get { storage.links }
        set { writable.links = newValue }
    }
    /// Attached media.
    public var media: [Media] {
        get { storage.media }
        set { writable.media = newValue }
    }
    /// The id of the post this one replies to.
    public var repliedToID: String? {
        get { storage.repliedToID }
        set { writable.repliedToID = newValue }
    }
    /// The id of the post this one quotes.
    public var quotedID: String? {
        get { storage.quotedID }
        set { writable.quotedID = newValue }
    }
    /// The id of the post this one reposts.
    public var repostedID: String? {
        get { storage.repostedID }
        set { writable.repostedID = newValue }
    }
    /// Posts the record carried in full: the reposted original and the quoted post.
    public var carried: [Post] {
        get { storage.carried }
        set { writable.carried = newValue }
    }
    /// Engagement counts when the record has them.
    public var metrics: PublicMetrics? {
        get { storage.metrics }
        set { writable.metrics = newValue }
    }
    /// Where the record came from.
    public var origin: RecordOrigin? {
        get { storage.origin }
        set { writable.origin = newValue }
    }

    /// The storage, copied first when another post shares it.
    private var writable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// Creates a post.
    public init(
        platform: Platform, nativeID: String, kind: PostKind = .original, author: Author, createdAt: Date,
        text: String, language: String? = nil, hashtags: [String] = [], mentions: [String] = [],
        links: [String] = [], media: [Media] = [], repliedToID: String? = nil, quotedID: String? = nil,
        repostedID: String? = nil, carried: [Post] = [], metrics: PublicMetrics? = nil, origin: RecordOrigin? = nil
    ) {
        storage = Storage(
            platform: platform, nativeID: nativeID, kind: kind, author: author, createdAt: createdAt, text: text, language: language,
            hashtags: hashtags, mentions: mentions, links: links, media: media, repliedToID: repliedToID, quotedID: quotedID, repostedID: repostedID,
            carried: carried, metrics: metrics, origin: origin)
    }

    /// The identity used to find the same post seen twice: platform plus native id.
    public var key: PostKey { PostKey(platform: platform, nativeID: nativeID) }

    /// Whether at least one photo, video or GIF is attached.
    public var hasMedia: Bool { !storage.media.isEmpty }

    /// Equal when every field is.
    public static func == (a: Post, b: Post) -> Bool {
        if a.storage === b.storage { return true }
        let (x, y) = (a.storage, b.storage)
        return x.platform == y.platform
            && x.nativeID == y.nativeID
            && x.kind == y.kind
            && x.author == y.author
            && x.createdAt == y.createdAt
            && x.text == y.text
            && x.language == y.language
            && x.hashtags == y.hashtags
            && x.mentions == y.mentions
            && x.links == y.links
            && x.media == y.media
            && x.repliedToID == y.repliedToID
            && x.quotedID == y.quotedID
            && x.repostedID == y.repostedID
            && x.carried == y.carried
            && x.metrics == y.metrics
            && x.origin == y.origin
    }

    /// Hashes every field, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.platform)
        hasher.combine(storage.nativeID)
        hasher.combine(storage.kind)
        hasher.combine(storage.author)
        hasher.combine(storage.createdAt)
        hasher.combine(storage.text)
        hasher.combine(storage.language)
        hasher.combine(storage.hashtags)
        hasher.combine(storage.mentions)
        hasher.combine(storage.links)
        hasher.combine(storage.media)
        hasher.combine(storage.repliedToID)
        hasher.combine(storage.quotedID)
        hasher.combine(storage.repostedID)
        hasher.combine(storage.carried)
        hasher.combine(storage.metrics)
        hasher.combine(storage.origin)
    }

    private enum CodingKeys: String, CodingKey {
        case platform, nativeID, kind, author, createdAt, text, language, hashtags, mentions, links, media, repliedToID, quotedID, repostedID,
            carried, metrics, origin
    }

    /// Decodes the fields under their own names (optional ones may be absent).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            platform: try c.decode(Platform.self, forKey: .platform),
            nativeID: try c.decode(String.self, forKey: .nativeID),
            kind: try c.decode(PostKind.self, forKey: .kind),
            author: try c.decode(Author.self, forKey: .author),
            createdAt: try c.decode(Date.self, forKey: .createdAt),
            text: try c.decode(String.self, forKey: .text),
            language: try c.decodeIfPresent(String.self, forKey: .language),
            hashtags: try c.decode([String].self, forKey: .hashtags),
            mentions: try c.decode([String].self, forKey: .mentions),
            links: try c.decode([String].self, forKey: .links),
            media: try c.decode([Media].self, forKey: .media),
            repliedToID: try c.decodeIfPresent(String.self, forKey: .repliedToID),
            quotedID: try c.decodeIfPresent(String.self, forKey: .quotedID),
            repostedID: try c.decodeIfPresent(String.self, forKey: .repostedID),
            carried: try c.decode([Post].self, forKey: .carried),
            metrics: try c.decodeIfPresent(PublicMetrics.self, forKey: .metrics),
            origin: try c.decodeIfPresent(RecordOrigin.self, forKey: .origin))
    }

    /// Encodes the fields under their own names, leaving out absent optional ones.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(storage.platform, forKey: .platform)
        try c.encode(storage.nativeID, forKey: .nativeID)
        try c.encode(storage.kind, forKey: .kind)
        try c.encode(storage.author, forKey: .author)
        try c.encode(storage.createdAt, forKey: .createdAt)
        try c.encode(storage.text, forKey: .text)
        try c.encodeIfPresent(storage.language, forKey: .language)
        try c.encode(storage.hashtags, forKey: .hashtags)
        try c.encode(storage.mentions, forKey: .mentions)
        try c.encode(storage.links, forKey: .links)
        try c.encode(storage.media, forKey: .media)
        try c.encodeIfPresent(storage.repliedToID, forKey: .repliedToID)
        try c.encodeIfPresent(storage.quotedID, forKey: .quotedID)
        try c.encodeIfPresent(storage.repostedID, forKey: .repostedID)
        try c.encode(storage.carried, forKey: .carried)
        try c.encodeIfPresent(storage.metrics, forKey: .metrics)
        try c.encodeIfPresent(storage.origin, forKey: .origin)
    }
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
