import Firebreak

/// Turns one parsed JSON record of a platform's format into posts.
///
/// A record may hold several posts (a twarc2 response page, a Mastodon REST array, a Bluesky thread);
/// it may also hold none that count (a Jetstream delete event), which is not an error.
public protocol JSONPostDecoder: Sendable {
    /// Decodes one record; throws `DecodeError` with a reason a person can act on.
    func decode(_ record: JSONValue, origin: RecordOrigin) throws(DecodeError) -> [Post]

    /// Decodes one record of a batch, taking the posts it carries from `carried` when an earlier record of the batch
    /// carried them already, and adding the ones it reads. A decoder that does not reuse carried posts ignores it.
    func decode(_ record: JSONValue, origin: RecordOrigin, carried: inout CarriedPosts) throws(DecodeError) -> [Post]
}

extension JSONPostDecoder {
    /// Decodes the record alone.
    public func decode(_ record: JSONValue, origin: RecordOrigin, carried: inout CarriedPosts) throws(DecodeError) -> [Post] {
        try decode(record, origin: origin)
    }

    /// Decodes each element of an array record (a REST page, a JSON array of statuses) in order; an element
    /// that cannot be read rejects the record, naming it (`status 2 of 5: missing required field "id"`).
    public func decodeEach(_ elements: [JSONValue], noun: String, origin: RecordOrigin) throws(DecodeError) -> [Post] {
        var carried = CarriedPosts()
        return try decodeEach(elements, noun: noun, origin: origin, carried: &carried)
    }

    /// The same, sharing `carried` between the elements and with the rest of the batch.
    public func decodeEach(
        _ elements: [JSONValue], noun: String, origin: RecordOrigin, carried: inout CarriedPosts
    ) throws(DecodeError) -> [Post] {
        var posts: [Post] = []
        posts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do throws(DecodeError) {
                posts += try decode(element, origin: origin, carried: &carried)
            } catch {
                throw DecodeError("\(noun) \(index + 1) of \(elements.count): \(error.reason)")
            }
        }
        return posts
    }
}
