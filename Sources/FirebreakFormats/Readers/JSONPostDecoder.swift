import Firebreak

/// Turns one parsed JSON record of a platform's format into posts.
///
/// A record may hold several posts (a twarc2 response page, a Mastodon REST array, a Bluesky thread);
/// it may also hold none that count (a Jetstream delete event), which is not an error.
public protocol JSONPostDecoder: Sendable {
    /// Decodes one record; throws `DecodeError` with a reason a person can act on.
    func decode(_ record: JSONValue, origin: RecordOrigin) throws(DecodeError) -> [Post]
}
