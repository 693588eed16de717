import Firebreak
import Foundation

/// Decodes X API v1.1 status objects (REST, streaming and archive forms), one a record, as a JSON array, or as a
/// search response page (`statuses`, or premium search's `results`).
///
/// Long posts are read from `extended_tweet.full_text`, then `full_text`, then `text`. A retweet's own
/// text is cut short by X, so a repost takes the text and entities of its `retweeted_status`, which is
/// also returned in `carried`. Streaming notices (`delete`, `limit`, ...) are not posts and decode to
/// nothing; anything else that is not a status is rejected as an unknown shape.
public struct XV1Decoder: JSONPostDecoder {
    /// How deep carried statuses are followed (a retweet of a quote carries two levels).
    static let maxCarriedDepth = 2

    /// Creates a decoder.
    public init() {}

    /// Decodes one status, or every status of a JSON array.
    public func decode(_ record: JSONValue, origin: RecordOrigin) throws(DecodeError) -> [Post] {
        switch record.kind {
        case .object:
            let fields = Fields(record)
            if fields.isNotice { return [] }
            guard fields.looksLikeStatus else {
                if let statuses = SearchPage.posts(in: record) { return try decodeEach(statuses, noun: "status", origin: origin) }
                throw DecodeError("unknown record shape: not an X v1.1 status")
            }
            return [try decodeStatus(fields, origin: origin, depth: 0)]
        case .array:
            return try decodeEach(record.array, noun: "status", origin: origin)
        default:
            throw DecodeError("unknown record shape: not an X v1.1 status")
        }
    }

    /// The members of a status this decoder reads, gathered in one pass over the object.
    struct Fields {
        var idStr: JSONValue?
        var id: JSONValue?
        var createdAt: JSONValue?
        var text: JSONValue?
        var fullText: JSONValue?
        var extendedTweet: JSONValue?
        var user: JSONValue?
        var lang: JSONValue?
        var entities: JSONValue?
        var extendedEntities: JSONValue?
        var inReplyToStatusIDStr: JSONValue?
        var inReplyToStatusID: JSONValue?
        var retweetedStatus: JSONValue?
        var quotedStatus: JSONValue?
        var quotedStatusIDStr: JSONValue?
        var retweetCount: JSONValue?
        var favoriteCount: JSONValue?
        var replyCount: JSONValue?
        var quoteCount: JSONValue?
        /// A member that marks a streaming notice rather than a status.
        var isNotice = false

        init(_ object: JSONValue) {
            object.forEachMember { key, member in
                if key == "id_str" {
                    idStr = member.value
                } else if key == "id" {
                    id = member.value
                } else if key == "created_at" {
                    createdAt = member.value
                } else if key == "text" {
                    text = member.value
                } else if key == "full_text" {
                    fullText = member.value
                } else if key == "extended_tweet" {
                    extendedTweet = member.value
                } else if key == "user" {
                    user = member.value
                } else if key == "lang" {
                    lang = member.value
                } else if key == "entities" {
                    entities = member.value
                } else if key == "extended_entities" {
                    extendedEntities = member.value
                } else if key == "in_reply_to_status_id_str" {
                    inReplyToStatusIDStr = member.value
                } else if key == "in_reply_to_status_id" {
                    inReplyToStatusID = member.value
                } else if key == "retweeted_status" {
                    retweetedStatus = member.value
                } else if key == "quoted_status" {
                    quotedStatus = member.value
                } else if key == "quoted_status_id_str" {
                    quotedStatusIDStr = member.value
                } else if key == "retweet_count" {
                    retweetCount = member.value
                } else if key == "favorite_count" {
                    favoriteCount = member.value
                } else if key == "reply_count" {
                    replyCount = member.value
                } else if key == "quote_count" {
                    quoteCount = member.value
                } else if Fields.isNoticeKey(key) {
                    isNotice = true
                }
            }
            // A status that happens to have, say, a `warning` member is still a status.
            if looksLikeStatus { isNotice = false }
        }

        /// Whether the object has any of the members every status has.
        var looksLikeStatus: Bool {
            idStr != nil || id != nil || createdAt != nil || user != nil || text != nil || fullText != nil
        }

        /// The top-level keys of the v1.1 streaming API's non-status messages.
        static func isNoticeKey(_ key: JSONKey) -> Bool {
            key == "delete" || key == "limit" || key == "scrub_geo" || key == "status_withheld"
                || key == "user_withheld" || key == "disconnect" || key == "warning" || key == "event"
                || key == "friends" || key == "friends_str" || key == "control" || key == "direct_message"
        }
    }

    func decodeStatus(_ f: Fields, origin: RecordOrigin, depth: Int) throws(DecodeError) -> Post {
        guard let id = f.idStr?.nonEmptyString ?? f.id?.idString else { throw .missing("id_str") }
        guard let createdValue = f.createdAt, !createdValue.isNull else { throw .missing("created_at") }
        guard let parsed = XV1Date.parse(createdValue) else {
            throw .invalid("created_at", "unreadable date \(describe(createdValue))")
        }
        let createdAt = try Timestamp.plausible(parsed, field: "created_at")
        guard let userValue = f.user, userValue.kind == .object else { throw .missing("user") }
        let author = try decodeUser(userValue)

        // An extended (compatibility-mode) tweet keeps its full text and entities under `extended_tweet`.
        var extendedText: JSONValue?
        var extendedEntities: JSONValue?
        var extendedMediaEntities: JSONValue?
        f.extendedTweet?.forEachMember { key, member in
            if key == "full_text" {
                extendedText = member.value
            } else if key == "entities" {
                extendedEntities = member.value
            } else if key == "extended_entities" {
                extendedMediaEntities = member.value
            }
        }
        guard var text = XText.text(extendedText) ?? XText.text(f.fullText) ?? XText.text(f.text) else {
            throw .missing("text")
        }
        var entities = XEntities.v1(extendedEntities ?? f.entities)
        entities.media = XEntities.v1Media(
            extendedMediaEntities?["media"] ?? f.extendedEntities?["media"] ?? extendedEntities?["media"]
                ?? f.entities?["media"])

        var kind = PostKind.original
        var carried: [Post] = []
        var repostedID: String?
        var quotedID: String?
        let repliedToID = f.inReplyToStatusIDStr?.nonEmptyString ?? f.inReplyToStatusID?.idString

        if let retweeted = f.retweetedStatus, retweeted.kind == .object {
            kind = .repost
            let originalFields = Fields(retweeted)
            repostedID = originalFields.idStr?.nonEmptyString ?? originalFields.id?.idString
            if depth < Self.maxCarriedDepth, let original = try? decodeStatus(originalFields, origin: origin, depth: depth + 1) {
                // The retweet's own text is "RT @name: " plus a truncated copy; the original is what was said.
                text = original.text
                entities = XEntities(
                    hashtags: original.hashtags, mentions: original.mentions, links: original.links, media: original.media)
                carried.append(original)
            }
            // X repeats the original's quoted status on the retweet; it belongs to the original, which carries it.
        } else {
            if let quoted = f.quotedStatus, quoted.kind == .object {
                let quotedFields = Fields(quoted)
                quotedID = quotedFields.idStr?.nonEmptyString ?? quotedFields.id?.idString
                if depth < Self.maxCarriedDepth, let post = try? decodeStatus(quotedFields, origin: origin, depth: depth + 1) {
                    carried.append(post)
                }
            }
            if quotedID == nil { quotedID = f.quotedStatusIDStr?.nonEmptyString }
            // A reply that quotes is filed as a reply: the reply places it in a conversation; the quoted id is kept.
            if repliedToID != nil {
                kind = .reply
            } else if quotedID != nil {
                kind = .quote
            }
        }

        let metrics = PublicMetrics(
            reposts: f.retweetCount?.int, replies: f.replyCount?.int, likes: f.favoriteCount?.int, quotes: f.quoteCount?.int)
        return Post(
            platform: .x, nativeID: id, kind: kind, author: author, createdAt: createdAt, text: text,
            language: XText.language(f.lang), hashtags: entities.hashtags, mentions: entities.mentions,
            links: entities.links, media: entities.media, repliedToID: repliedToID, quotedID: quotedID,
            repostedID: repostedID, carried: carried, metrics: metrics.isEmpty ? nil : metrics, origin: origin)
    }

    /// Reads a v1.1 user object: `id_str` (else `id`), `screen_name`, `name`, `followers_count`,
    /// `created_at`, `verified`.
    func decodeUser(_ user: JSONValue) throws(DecodeError) -> Author {
        var idStr: JSONValue?
        var id: JSONValue?
        var screenName: JSONValue?
        var name: JSONValue?
        var followers: JSONValue?
        var createdAt: JSONValue?
        var verified: JSONValue?
        user.forEachMember { key, member in
            if key == "id_str" {
                idStr = member.value
            } else if key == "id" {
                id = member.value
            } else if key == "screen_name" {
                screenName = member.value
            } else if key == "name" {
                name = member.value
            } else if key == "followers_count" {
                followers = member.value
            } else if key == "created_at" {
                createdAt = member.value
            } else if key == "verified" {
                verified = member.value
            }
        }
        let handle = screenName?.nonEmptyString
        guard let userID = idStr?.nonEmptyString ?? id?.idString ?? handle else { throw .missing("user.id_str") }
        return Author(
            id: userID, handle: handle ?? userID, displayName: name?.nonEmptyString, followers: followers?.int,
            createdAt: XV1Date.parse(createdAt), verified: verified?.bool)
    }

    private func describe(_ value: JSONValue) -> String {
        if let s = value.string { return "\"\(s.prefix(64))\"" }
        return "of type \(value.kind)"
    }
}
