/// Whether a post is for or against the campaign's target.
public enum Stance: String, Sendable, Hashable, Codable, CaseIterable {
    case supportive
    case neutral
    case critical
}

/// The overall feeling of a post, regardless of its target.
public enum Sentiment: String, Sendable, Hashable, Codable, CaseIterable {
    case negative
    case neutral
    case positive
}
