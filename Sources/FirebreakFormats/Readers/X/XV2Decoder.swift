import Firebreak
import Foundation

/// Decodes X API v2 tweets: response pages as twarc2 writes them (`data` plus `includes`) and
/// flattened tweets as `twarc2 flatten` writes them (one tweet a record, expansions inlined).
///
/// Long posts are read from `note_tweet.text` (with `note_tweet.entities`). A retweet's own text is cut
/// short by X, so a repost takes the text and entities of the retweeted original, which is also returned
/// in `carried` when the record holds it. Pages with no `data` (only `errors` or `meta`) decode to nothing.
public struct XV2Decoder: JSONPostDecoder {
    /// How deep referenced tweets are followed (a retweet of a quote carries two levels).
    static let maxCarriedDepth = 2

    /// Creates a decoder.
    public init() {}

    /// Decodes one page (every tweet of its `data`), one flattened tweet, or a JSON array of either.
    public func decode(_ record: JSONValue, origin: RecordOrigin) throws(DecodeError) -> [Post] {
        var carried = CarriedPosts()
        return try decode(record, origin: origin, carried: &carried)
    }

    /// Decodes one record, taking the originals and quoted posts that earlier records of the same batch
    /// carried from `carried` instead of decoding them again (and adding the ones it decodes).
    public func decode(_ record: JSONValue, origin: RecordOrigin, carried: inout CarriedPosts) throws(DecodeError) -> [Post] {
        switch record.kind {
        case .object:
            let fields = Fields(record)
            if let data = fields.data {
                return try decodePage(data: data, includes: fields.includes, origin: origin, carried: &carried)
            }
            if fields.looksLikeTweet {
                return [try decodeTweet(fields, includes: nil, origin: origin, depth: 0, carried: &carried)]
            }
            // A page without data: a search with no results (`meta`) or only errors for deleted or
            // protected tweets. Nothing to read, and nothing wrong with the record.
            if fields.hasPageMembers { return [] }
            throw DecodeError("unknown record shape: neither an X v2 response page nor a tweet")
        case .array:
            return try decodeEach(record.array, noun: "element", origin: origin, carried: &carried)
        default:
            throw DecodeError("unknown record shape: neither an X v2 response page nor a tweet")
        }
    }

    /// The members of a tweet or page this decoder reads, gathered in one pass over the object.
    ///
    /// Members are kept unretained and made into values when read: a page holds a hundred of these, and
    /// retaining the document for every member found was a measurable share of the decoding time. A
    /// `Fields` never outlives the `decode` call whose record keeps the document alive.
    struct Fields {
        private var idMember: JSONMember?
        private var textMember: JSONMember?
        private var noteTweetMember: JSONMember?
        private var createdAtMember: JSONMember?
        private var authorIDMember: JSONMember?
        private var authorMember: JSONMember?
        private var langMember: JSONMember?
        private var entitiesMember: JSONMember?
        private var attachmentsMember: JSONMember?
        private var referencedTweetsMember: JSONMember?
        private var publicMetricsMember: JSONMember?
        private var dataMember: JSONMember?
        private var includesMember: JSONMember?
        private var errorsMember: JSONMember?
        private var metaMember: JSONMember?

        var id: JSONValue? { idMember?.value }
        var text: JSONValue? { textMember?.value }
        var noteTweet: JSONValue? { noteTweetMember?.value }
        var createdAt: JSONValue? { createdAtMember?.value }
        var authorID: JSONValue? { authorIDMember?.value }
        var author: JSONValue? { authorMember?.value }
        var lang: JSONValue? { langMember?.value }
        var entities: JSONValue? { entitiesMember?.value }
        var attachments: JSONValue? { attachmentsMember?.value }
        var referencedTweets: JSONValue? { referencedTweetsMember?.value }
        var publicMetrics: JSONValue? { publicMetricsMember?.value }
        var data: JSONValue? { dataMember?.value }
        var includes: JSONValue? { includesMember?.value }
        var errors: JSONValue? { errorsMember?.value }
        var meta: JSONValue? { metaMember?.value }

        init(_ object: JSONValue) {
            object.forEachMember { key, member in
                if key == "id" {
                    idMember = member
                } else if key == "text" {
                    textMember = member
                } else if key == "created_at" {
                    createdAtMember = member
                } else if key == "author_id" {
                    authorIDMember = member
                } else if key == "author" {
                    authorMember = member
                } else if key == "lang" {
                    langMember = member
                } else if key == "entities" {
                    entitiesMember = member
                } else if key == "attachments" {
                    attachmentsMember = member
                } else if key == "referenced_tweets" {
                    referencedTweetsMember = member
                } else if key == "public_metrics" {
                    publicMetricsMember = member
                } else if key == "note_tweet" {
                    noteTweetMember = member
                } else if key == "data" {
                    dataMember = member
                } else if key == "includes" {
                    includesMember = member
                } else if key == "errors" {
                    errorsMember = member
                } else if key == "meta" {
                    metaMember = member
                }
            }
        }

        /// Whether the object has members only a response page has.
        var hasPageMembers: Bool { errorsMember != nil || metaMember != nil || includesMember != nil }

        /// Whether the object has any of the members a v2 tweet has.
        var looksLikeTweet: Bool {
            idMember != nil || textMember != nil || createdAtMember != nil || authorIDMember != nil || authorMember != nil
        }
    }

    /// A page's `includes`, indexed once so every tweet of the page joins by id in constant time.
    final class Includes {
        var users: [String: JSONValue] = [:]
        var media: [String: JSONValue] = [:]
        var tweets: [String: JSONValue] = [:]
        /// Authors already decoded on this page: the same account often writes many of its tweets.
        var authors: [String: Author] = [:]

        init(_ includes: JSONValue?) {
            includes?.forEachMember { key, member in
                if key == "users" {
                    Includes.index(member.value, by: "id", into: &users)
                } else if key == "media" {
                    Includes.index(member.value, by: "media_key", into: &media)
                } else if key == "tweets" {
                    Includes.index(member.value, by: "id", into: &tweets)
                }
            }
        }

        private static func index(_ array: JSONValue, by key: String, into table: inout [String: JSONValue]) {
            table.reserveCapacity(array.count)
            array.forEachElement { item in
                // The first wins, as in the API's own ordering; repeats are not expected.
                if let id = item[key]?.idString, table[id] == nil { table[id] = item }
            }
        }
    }

    func decodePage(data: JSONValue, includes: JSONValue?, origin: RecordOrigin, carried: inout CarriedPosts) throws(DecodeError) -> [Post] {
        let index = Includes(includes)
        switch data.kind {
        case .object:
            return [try decodeTweet(Fields(data), includes: index, origin: origin, depth: 0, carried: &carried)]
        case .array:
            var posts: [Post] = []
            posts.reserveCapacity(data.count)
            var position = 0
            var failure: DecodeError?
            data.forEachElement { tweet in
                guard failure == nil else { return }
                do throws(DecodeError) {
                    posts.append(try decodeTweet(Fields(tweet), includes: index, origin: origin, depth: 0, carried: &carried))
                } catch {
                    // Every tweet of a page comes from the same request and fields, so one that cannot be
                    // read means the page is not what it claims; reject it naming the element.
                    failure = DecodeError("data[\(position)]: \(error.reason)")
                }
                position += 1
            }
            if let failure { throw failure }
            return posts
        default:
            throw DecodeError.invalid("data", "expected an array of tweets or one tweet")
        }
    }

    func decodeTweet(
        _ f: Fields, includes: Includes?, origin: RecordOrigin, depth: Int, carried known: inout CarriedPosts
    ) throws(DecodeError) -> Post {
        guard let id = f.id?.idString else { throw .missing("id") }
        guard let createdValue = f.createdAt, !createdValue.isNull else { throw .missing("created_at") }
        guard let parsed = createdValue.withStringBytes({ Timestamp.parseISO8601($0) }) ?? nil else {
            throw .invalid("created_at", "unreadable date \(describe(createdValue))")
        }
        let createdAt = try Timestamp.plausible(parsed, field: "created_at")
        let author = try resolveAuthor(f, includes: includes)

        var noteText: JSONValue?
        var noteEntities: JSONValue?
        f.noteTweet?.forEachMember { key, member in
            if key == "text" {
                noteText = member.value
            } else if key == "entities" {
                noteEntities = member.value
            }
        }
        guard noteText?.kind == .string || f.text?.kind == .string else { throw .missing("text") }

        var repliedToID: String?
        var quotedID: String?
        var repostedID: String?
        var reposted: JSONValue?
        var quoted: JSONValue?
        f.referencedTweets?.forEachElement { reference in
            var type: JSONValue?
            var refID: JSONValue?
            reference.forEachMember { key, member in
                if key == "type" {
                    type = member.value
                } else if key == "id" {
                    refID = member.value
                }
            }
            guard let refID = refID?.idString, let type else { return }
            // Flattened records merge the referenced tweet into the reference; pages keep it in includes.
            let tweet = includes?.tweets[refID] ?? reference
            type.withStringBytes { bytes in
                let kind = JSONKey(bytes: bytes)
                if kind == "retweeted" {
                    repostedID = refID
                    reposted = tweet
                } else if kind == "quoted" {
                    quotedID = refID
                    quoted = tweet
                } else if kind == "replied_to" {
                    repliedToID = refID
                }
            }
        }

        var kind = PostKind.original
        var carried: [Post] = []
        var original: Post?
        var originalText: String?
        if let reference = repostedID {
            kind = .repost
            if let reposted {
                let originalFields = Fields(reposted)
                if depth < Self.maxCarriedDepth,
                    let post = carriedPost(reference, originalFields, includes: includes, origin: origin, depth: depth + 1, known: &known)
                {
                    original = post
                    carried.append(post)
                    // The original's id string, shared, rather than the copy read from the reference: a batch keeps one
                    // string fewer for every retweet.
                    if post.nativeID == reference { repostedID = post.nativeID }
                } else {
                    // The original is only partly known (no date or author): its text is still the real one.
                    originalText = XText.text(originalFields.noteTweet?["text"]) ?? XText.text(originalFields.text)
                }
            }
        } else if repliedToID != nil {
            // A reply that quotes is filed as a reply: the reply places it in a conversation; the quoted id is kept.
            kind = .reply
        } else if quotedID != nil {
            kind = .quote
        }
        if let quoted, let quotedID, depth < Self.maxCarriedDepth,
            let post = carriedPost(quotedID, Fields(quoted), includes: includes, origin: origin, depth: depth + 1, known: &known)
        {
            carried.append(post)
        }

        let text: String
        var entities: XEntities
        if let original {
            // A repost reads as its original, so the repost's own shortened text and entities are not decoded at all.
            text = original.text
            entities = XEntities(hashtags: original.hashtags, mentions: original.mentions, links: original.links, media: original.media)
        } else {
            guard let own = originalText ?? XText.text(noteText) ?? XText.text(f.text) else { throw .missing("text") }
            text = own
            // A note tweet's top-level entities cover only the truncated text; its own entities cover all of it.
            entities = XEntities.v2(noteEntities ?? f.entities)
            entities.media = media(f.attachments, includes: includes)
        }

        return Post(
            platform: .x, nativeID: id, kind: kind, author: author, createdAt: createdAt, text: text,
            language: XText.language(f.lang), hashtags: entities.hashtags, mentions: entities.mentions,
            links: entities.links, media: entities.media, repliedToID: repliedToID, quotedID: quotedID,
            repostedID: repostedID, carried: carried, metrics: metrics(f.publicMetrics), origin: origin)
    }

    /// A post the record carries (a reposted original or a quoted post), decoded, or taken from `known` when an
    /// earlier record of the batch carried the same post; nil when it cannot be read in full.
    ///
    /// A viral post is carried by every retweet of it, often hundreds of times in one batch: decoding it once
    /// saves a post's strings and arrays each time. The copies are duplicates of the first, which the monitor counts
    /// and drops, so the first one's reading stands for all of them.
    private func carriedPost(
        _ id: String, _ fields: Fields, includes: Includes?, origin: RecordOrigin, depth: Int, known: inout CarriedPosts
    ) -> Post? {
        if let post = known.post(id: id, depth: depth) { return post }
        guard let post = try? decodeTweet(fields, includes: includes, origin: origin, depth: depth, carried: &known) else { return nil }
        known.remember(post, id: id, depth: depth)
        return post
    }

    /// The author from the inlined `author` (flattened), else `includes.users` by `author_id` (pages).
    /// When the record names the account but not its details (twarc writes `"author": {}` for protected or
    /// suspended accounts), the post is kept with the id standing in for the handle.
    func resolveAuthor(_ f: Fields, includes: Includes?) throws(DecodeError) -> Author {
        let authorID = f.authorID?.idString
        if let inline = f.author, inline.isNonEmptyObject, let author = decodeUser(inline, fallbackID: authorID) {
            return author
        }
        if let includes, let authorID {
            if let cached = includes.authors[authorID] { return cached }
            if let user = includes.users[authorID], let author = decodeUser(user, fallbackID: authorID) {
                includes.authors[authorID] = author
                return author
            }
        }
        guard let authorID else { throw .missing("author_id") }
        return Author(id: authorID, handle: authorID)
    }

    /// Reads a v2 user object: `id`, `username`, `name`, `public_metrics.followers_count`, `created_at`, `verified`.
    func decodeUser(_ user: JSONValue, fallbackID: String?) -> Author? {
        var id: JSONValue?
        var username: JSONValue?
        var name: JSONValue?
        var metrics: JSONValue?
        var createdAt: JSONValue?
        var verified: JSONValue?
        user.forEachMember { key, member in
            if key == "id" {
                id = member.value
            } else if key == "username" {
                username = member.value
            } else if key == "name" {
                name = member.value
            } else if key == "public_metrics" {
                metrics = member.value
            } else if key == "created_at" {
                createdAt = member.value
            } else if key == "verified" {
                verified = member.value
            }
        }
        let handle = username?.nonEmptyString
        guard let userID = id?.idString ?? fallbackID ?? handle else { return nil }
        return Author(
            id: userID, handle: handle ?? userID, displayName: name?.nonEmptyString,
            followers: metrics?["followers_count"]?.int,
            createdAt: createdAt?.withStringBytes { Timestamp.parseISO8601($0) } ?? nil, verified: verified?.bool)
    }

    /// Media from `attachments.media` (flattened) or `attachments.media_keys` joined with `includes.media`.
    func media(_ attachments: JSONValue?, includes: Includes?) -> [Media] {
        guard let attachments else { return [] }
        var inline: JSONValue?
        var keys: JSONValue?
        attachments.forEachMember { key, member in
            if key == "media" {
                inline = member.value
            } else if key == "media_keys" {
                keys = member.value
            }
        }
        var result: [Media] = []
        result.reserveCapacity((inline ?? keys)?.count ?? 0)
        if let inline {
            inline.forEachElement { item in
                if let media = XEntities.v2Media(item) { result.append(media) }
            }
        } else if let keys, let includes {
            keys.forEachElement { key in
                if let key = key.string, let item = includes.media[key], let media = XEntities.v2Media(item) {
                    result.append(media)
                }
            }
        }
        return result
    }

    /// `public_metrics`: `retweet_count`, `reply_count`, `like_count`, `quote_count`.
    func metrics(_ value: JSONValue?) -> PublicMetrics? {
        guard let value else { return nil }
        var metrics = PublicMetrics()
        value.forEachMember { key, member in
            if key == "retweet_count" {
                metrics.reposts = member.value.int
            } else if key == "reply_count" {
                metrics.replies = member.value.int
            } else if key == "like_count" {
                metrics.likes = member.value.int
            } else if key == "quote_count" {
                metrics.quotes = member.value.int
            }
        }
        return metrics.isEmpty ? nil : metrics
    }

    private func describe(_ value: JSONValue) -> String {
        if let s = value.string { return "\"\(s.prefix(64))\"" }
        return "of type \(value.kind)"
    }
}
