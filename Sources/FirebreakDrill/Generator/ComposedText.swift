/// A post's text as the generator wrote it, with the entities it contains.
struct ComposedText: Sendable, Hashable {
    /// The text, with shortened links in it.
    var text: String
    /// Hashtags with `#`, in order of appearance.
    var hashtags: [String]
    /// Mentioned handles without `@`, in order of appearance.
    var mentions: [String]
    /// The expanded targets of the shortened links, in order of appearance.
    var links: [String]
}
