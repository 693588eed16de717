/// Everything the crowd of a scenario says: templates per voice and form, and the words that fill their slots.
///
/// Templates use `{slot}` placeholders filled from `slots` (values may hold placeholders themselves).
/// A few names are filled by the generator instead: `{tag}` (a campaign hashtag in one of its spellings),
/// `{link}` (a shortened link to one of `slots["link"]`), `{owner}` (the owner's handle with `@`) and
/// `{ally}` (the handle of a named account of the author's side, with `@`).
public struct PhraseBook: Sendable, Hashable, Codable {
    /// Templates for original posts, by voice.
    public var originals: [PostVoice: [PostTemplate]]
    /// Templates for replies, by voice; the generator puts the replied-to handle in front.
    public var replies: [PostVoice: [PostTemplate]]
    /// Templates for the comment of a quote, by voice.
    public var quotes: [PostVoice: [PostTemplate]]
    /// Slot values by slot name.
    public var slots: [String: [String]]
    /// Spellings of the campaign hashtag with relative weights, as people really type it.
    public var hashtagSpellings: [String: Double]
    /// Emoji an author of the voice sometimes adds at the end.
    public var emojiTails: [PostVoice: [String]]
    /// Share of posts written in capitals, per voice.
    public var shoutingShare: [PostVoice: Double]
    /// Share of replies that also carry the campaign hashtag.
    public var replyHashtagShare: Double

    /// Creates a phrase book.
    public init(
        originals: [PostVoice: [PostTemplate]], replies: [PostVoice: [PostTemplate]],
        quotes: [PostVoice: [PostTemplate]], slots: [String: [String]], hashtagSpellings: [String: Double],
        emojiTails: [PostVoice: [String]], shoutingShare: [PostVoice: Double], replyHashtagShare: Double
    ) {
        self.originals = originals
        self.replies = replies
        self.quotes = quotes
        self.slots = slots
        self.hashtagSpellings = hashtagSpellings
        self.emojiTails = emojiTails
        self.shoutingShare = shoutingShare
        self.replyHashtagShare = replyHashtagShare
    }
}
