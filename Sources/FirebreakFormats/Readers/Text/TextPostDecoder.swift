import Firebreak
import Foundation

/// Reads plain text, one post a line: the line is the text and its number is the id.
///
/// Text carries no time, author or platform, so every post is dated at the Unix epoch
/// (`1970-01-01T00:00:00Z`), written by `unknown` on `.unknown`; time-based figures over a text input
/// are therefore meaningless, while per-post understanding (`firebreak classify`) is not affected.
/// Hashtags, mentions and links are found in the text.
public struct TextPostDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes one line; throws when it is not valid UTF-8.
    public func decode(_ line: some Collection<UInt8>, origin: RecordOrigin) throws(DecodeError) -> Post {
        guard let text = String(validating: line, as: UTF8.self) else { throw DecodeError("invalid UTF-8") }
        let id: String
        switch origin {
        case .file(_, let record): id = String(record)
        case .stream(_, let cursor): id = cursor
        }
        let entities = TextEntities(text: text)
        return Post(
            platform: .unknown, nativeID: id, author: Author(id: "unknown", handle: "unknown"),
            createdAt: Post.undated, text: text, hashtags: entities.hashtags, mentions: entities.mentions,
            links: entities.links, origin: origin)
    }
}
