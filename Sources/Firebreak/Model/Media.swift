/// A photo, video or animated GIF attached to a post.
public struct Media: Sendable, Hashable, Codable {
    /// The kind of media.
    public enum Kind: String, Sendable, Hashable, Codable {
        case photo
        case video
        case gif
    }

    /// Photo, video or GIF.
    public var kind: Kind
    /// Where the media (or its preview) can be fetched; never fetched by Firebreak without limits.
    public var url: String?
    /// The alt text the author gave.
    public var altText: String?
    /// The platform's media key or id.
    public var key: String?

    /// Creates a media item.
    public init(kind: Kind, url: String? = nil, altText: String? = nil, key: String? = nil) {
        self.kind = kind
        self.url = url
        self.altText = altText
        self.key = key
    }
}
