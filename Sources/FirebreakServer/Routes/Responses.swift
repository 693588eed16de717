import Firebreak
import FirebreakStore
import Foundation
import Hummingbird

/// Building responses the same way everywhere.
enum Responses {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: DeskJSON.string(value))))
    }

    static func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok, cache: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let cache { headers[.cacheControl] = cache }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A 303 to a path on this server (never to a URL taken from the request).
    static func redirect(_ path: String) -> Response {
        let safe = path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") ? path : "/"
        return Response(status: .seeOther, headers: [.location: safe])
    }

    /// A JSON error body `{"error": "..."}`.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(["error": message], status: status)
    }

    /// Maps a desk refusal to its status.
    static func status(of error: DeskError) -> HTTPResponse.Status {
        switch error {
        case .notFound: .notFound
        case .invalid: .badRequest
        case .conflict: .conflict
        }
    }
}

/// A post as the JSON API returns it.
struct PostJSON: Encodable {
    struct AuthorJSON: Encodable {
        var id: String
        var handle: String
        var name: String?
        var followers: Int?
    }

    struct MediaJSON: Encodable {
        var kind: String
        var url: String?
        var altText: String?
    }

    struct ReasonJSON: Encodable {
        var head: String
        var feature: String
        var weight: Double
    }

    var id: String
    var key: String
    var platform: String
    var kind: String
    var author: AuthorJSON
    var createdAt: Date
    var text: String
    var hashtags: [String]
    var links: [String]
    var media: [MediaJSON]
    var stance: String
    var pCritical: Double
    var pSupportive: Double
    var sentiment: String
    var irony: Double
    var offensive: Double
    var reasons: [ReasonJSON]
    var moderation: String
    var moderatedBy: String?
    var featuredAt: Date?
    var sequence: Int64

    init(_ stored: StoredPost) {
        let post = stored.post
        let a = stored.assessment
        id = post.nativeID
        key = post.key.description
        platform = post.platform.rawValue
        kind = post.kind.rawValue
        author = AuthorJSON(id: post.author.id, handle: post.author.handle, name: post.author.displayName, followers: post.author.followers)
        createdAt = post.createdAt
        text = post.text
        hashtags = post.hashtags
        links = post.links
        media = post.media.map { MediaJSON(kind: $0.kind.rawValue, url: $0.url, altText: $0.altText) }
        stance = a.stance.rawValue
        pCritical = a.pCritical
        pSupportive = a.pSupportive
        sentiment = a.sentiment.rawValue
        irony = a.irony
        offensive = a.offensive
        reasons = a.reasons.map { ReasonJSON(head: $0.head, feature: $0.feature, weight: $0.weight) }
        moderation = stored.moderation.rawValue
        moderatedBy = stored.moderatedBy
        featuredAt = stored.featuredAt
        sequence = stored.sequence
    }
}

/// The keyset cursor for "older posts": the last post's exact event time and its sequence, `seconds_sequence`.
enum PostCursor {
    static func encode(_ post: StoredPost) -> String {
        "\(post.post.createdAt.timeIntervalSince1970)_\(post.sequence)"
    }

    static func decode(_ text: String) -> (createdAt: Date, sequence: Int64)? {
        let parts = text.split(separator: "_")
        guard text.count <= 64, parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite, let sequence = Int64(parts[1]) else { return nil }
        return (Date(timeIntervalSince1970: seconds), sequence)
    }
}
