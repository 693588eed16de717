import Firebreak

/// The posts that the records of one batch carried (reposted originals, quoted posts), by id and depth, so a post
/// that many records carry is decoded once.
///
/// Keyed by depth too: a post decoded one level down carries nothing of its own (`XV2Decoder.maxCarriedDepth`),
/// so it cannot stand for the same post read at the top. At most `capacity` posts are kept; later ones are simply
/// decoded each time.
public struct CarriedPosts: Sendable {
    /// The most posts remembered.
    static let capacity = 4_096

    private struct Key: Hashable {
        var id: String
        var depth: Int
    }

    private var posts: [Key: Post] = [:]

    /// An empty memory, for one batch.
    public init() {}

    /// The post with this id read at this depth, when an earlier record carried it.
    func post(id: String, depth: Int) -> Post? {
        posts[Key(id: id, depth: depth)]
    }

    /// Keeps a post decoded at this depth.
    mutating func remember(_ post: Post, id: String, depth: Int) {
        guard posts.count < Self.capacity else { return }
        posts[Key(id: id, depth: depth)] = post
    }
}
