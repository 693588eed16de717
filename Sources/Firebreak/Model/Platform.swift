/// The network a post was published on.
public enum Platform: String, Sendable, Hashable, Codable, CaseIterable {
    case x
    case mastodon
    case bluesky
    /// A post whose network the input did not say (plain text, generic CSV).
    case unknown
}
