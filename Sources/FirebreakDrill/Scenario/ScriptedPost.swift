import Firebreak

/// A post the story needs at a fixed moment: the launch, the owner's reply, the posts everyone quotes.
public struct ScriptedPost: Sendable, Hashable, Codable {
    /// A name other scripted posts use to refer to this one (`launch`, `first-photo`).
    public var label: String
    /// Minutes from the scenario's start.
    public var minute: Double
    /// The author's handle; it must be a named account of the roster.
    public var handle: String
    /// What the post says, which fixes its true stance.
    public var voice: PostVoice
    /// The exact text; `{reply_to}` becomes the handle of the post replied to.
    public var text: String
    /// The theme the post belongs to, if any (`jaywalker`, `dog`).
    public var theme: String?
    /// Alt text of an attached photo; nil means no photo.
    public var photoAltText: String?
    /// The label of the scripted post this one replies to.
    public var replyTo: String?
    /// How strongly later posts repost it, against an ordinary post's weight of about 3.
    public var popularity: Double

    /// Creates a scripted post.
    public init(
        label: String, minute: Double, handle: String, voice: PostVoice, text: String, theme: String? = nil,
        photoAltText: String? = nil, replyTo: String? = nil, popularity: Double = 0
    ) {
        self.label = label
        self.minute = minute
        self.handle = handle
        self.voice = voice
        self.text = text
        self.theme = theme
        self.photoAltText = photoAltText
        self.replyTo = replyTo
        self.popularity = popularity
    }
}
