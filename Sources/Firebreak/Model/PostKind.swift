/// What a post is in relation to other posts.
public enum PostKind: String, Sendable, Hashable, Codable, CaseIterable {
    case original
    case repost
    case reply
    case quote
}
