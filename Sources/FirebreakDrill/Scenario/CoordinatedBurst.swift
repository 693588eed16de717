/// A coordinated burst: the same or nearly the same post from many accounts within about a minute, repeated.
///
/// This is what campaigns of bots and brigades look like in a stream: one text (or a repost of one post)
/// arriving from dozens of accounts, mostly brand new, inside a minute; the coordination detector looks for it.
public struct CoordinatedBurst: Sendable, Hashable, Codable {
    /// Minutes from the scenario's start of the first burst.
    public var minute: Double
    /// How many bursts (one every `everyMinutes`).
    public var repeats: Int
    /// Minutes between the starts of consecutive bursts.
    public var everyMinutes: Double
    /// Posts in each burst.
    public var posts: Int
    /// Seconds over which one burst's posts are spread.
    public var withinSeconds: Double
    /// What the posts say (fixes their true stance).
    public var voice: PostVoice
    /// The role of the accounts posting.
    public var role: AuthorRole
    /// Texts with placeholders; each burst fills one of them once and every account posts that text.
    public var texts: [String]
    /// Share of copies changed slightly (another hashtag spelling, an emoji, a trailing word): near-duplicates.
    public var variation: Double
    /// Share of posts from accounts created within days of posting.
    public var freshAccountShare: Double
    /// The label of a scripted post every burst post reposts instead of writing text, if any.
    public var repostOf: String?
    /// The theme the posts belong to, if any.
    public var theme: String?

    /// Creates a burst.
    public init(
        minute: Double, repeats: Int = 1, everyMinutes: Double = 1, posts: Int, withinSeconds: Double = 50,
        voice: PostVoice, role: AuthorRole = .bot, texts: [String] = [], variation: Double = 0.3,
        freshAccountShare: Double = 0.9, repostOf: String? = nil, theme: String? = nil
    ) {
        self.minute = minute
        self.repeats = repeats
        self.everyMinutes = everyMinutes
        self.posts = posts
        self.withinSeconds = withinSeconds
        self.voice = voice
        self.role = role
        self.texts = texts
        self.variation = variation
        self.freshAccountShare = freshAccountShare
        self.repostOf = repostOf
        self.theme = theme
    }

    /// Minutes from the scenario's start at which each repetition begins.
    public var startMinutes: [Double] {
        (0..<max(0, repeats)).map { minute + Double($0) * everyMinutes }
    }
}
