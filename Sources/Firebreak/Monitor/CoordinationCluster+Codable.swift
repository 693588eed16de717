import Foundation

/// Coordination clusters travel inside alerts, which are Codable.
extension CoordinationCluster: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, accounts, posts
        case windowSeconds = "window_seconds"
        case shared
        case startedAt = "started_at"
        case detectedAt = "detected_at"
        case examplePostID = "example_post_id"
    }

    /// Decodes a cluster.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(String.self, forKey: .kind), accounts: try c.decode([String].self, forKey: .accounts),
            posts: try c.decode(Int.self, forKey: .posts), windowSeconds: try c.decode(Double.self, forKey: .windowSeconds),
            shared: try c.decode(String.self, forKey: .shared), startedAt: try c.decodeIfPresent(Date.self, forKey: .startedAt),
            detectedAt: try c.decodeIfPresent(Date.self, forKey: .detectedAt),
            examplePostID: try c.decodeIfPresent(String.self, forKey: .examplePostID))
    }

    /// Encodes a cluster.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(accounts, forKey: .accounts)
        try c.encode(posts, forKey: .posts)
        try c.encode(windowSeconds, forKey: .windowSeconds)
        try c.encode(shared, forKey: .shared)
        try c.encodeIfPresent(startedAt, forKey: .startedAt)
        try c.encodeIfPresent(detectedAt, forKey: .detectedAt)
        try c.encodeIfPresent(examplePostID, forKey: .examplePostID)
    }
}
