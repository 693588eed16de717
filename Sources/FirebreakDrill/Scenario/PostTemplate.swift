/// One way of saying something: text with `{slot}` placeholders, its theme, and whether a photo goes with it.
public struct PostTemplate: Sendable, Hashable, Codable {
    /// The text with `{slot}` placeholders (see `PhraseBook`).
    public var text: String
    /// The theme the post belongs to (`jaywalker`, `dog`, `hair`), if any.
    public var theme: String?
    /// Alt text of the attached photo, with placeholders; nil means the post has no photo.
    public var photo: String?
    /// Minutes from the scenario's start before which nobody would say this (`it backfired` needs a backfire).
    public var notBefore: Double?

    /// Creates a template.
    public init(_ text: String, theme: String? = nil, photo: String? = nil, notBefore: Double? = nil) {
        self.text = text
        self.theme = theme
        self.photo = photo
        self.notBefore = notBefore
    }
}
