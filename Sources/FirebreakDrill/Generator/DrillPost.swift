import Firebreak

/// A generated post with the truth behind it and the thread context an encoder needs.
public struct DrillPost: Sendable, Hashable {
    /// The post itself.
    public var post: Post
    /// What it says (for a repost, what the reposted original says).
    public var voice: PostVoice
    /// The theme it belongs to, if any.
    public var theme: String?
    /// The index of the scenario phase it was made in.
    public var phase: Int
    /// The id of the post that started its conversation (its own id unless it is a reply).
    public var conversationID: String
    /// The author of the post it replies to.
    public var inReplyTo: Author?
    /// Known authors of the handles it mentions, so their ids can be written.
    public var mentionedAuthors: [Author]
    /// The label of the scripted post it realises, if it is one.
    public var scriptLabel: String?

    /// Creates a generated post.
    public init(
        post: Post, voice: PostVoice, theme: String? = nil, phase: Int, conversationID: String, inReplyTo: Author? = nil,
        mentionedAuthors: [Author] = [], scriptLabel: String? = nil
    ) {
        self.post = post
        self.voice = voice
        self.theme = theme
        self.phase = phase
        self.conversationID = conversationID
        self.inReplyTo = inReplyTo
        self.mentionedAuthors = mentionedAuthors
        self.scriptLabel = scriptLabel
    }

    /// The true stance of the post toward the campaign's target.
    public var stance: Stance { voice.stance }
}
