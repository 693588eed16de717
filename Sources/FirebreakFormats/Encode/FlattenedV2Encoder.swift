import Firebreak
import Foundation

/// Writes posts as flattened X API v2 JSON, one tweet a line, the way `twarc2 flatten` leaves them.
///
/// Each line is a v2 tweet object (`id`, `text`, `created_at`, `author_id`, `conversation_id`, `lang`,
/// `referenced_tweets`, `entities`, `attachments`, `public_metrics`) with twarc's expansions inlined:
/// `author`, `in_reply_to_user`, `attachments.media`, the referenced tweets, the user objects of mentions,
/// and the `__twarc` collection metadata. Entity offsets count Unicode code points, as the v2 API does.
/// Keys come in a fixed order, so equal posts give equal bytes.
public struct FlattenedV2Encoder: Sendable {
    /// How the JSON is spelled.
    public enum Style: Sendable, Hashable {
        /// As twarc writes it (Python's `json.dumps` defaults): `", "` and `": "`, non-ASCII as `\uXXXX`.
        case twarc
        /// No spaces and raw UTF-8: smaller and faster, the same data.
        case compact
    }

    /// twarc's `__twarc` object: where and when the data was collected, and with which twarc.
    public struct Metadata: Sendable, Hashable {
        /// The API request URL.
        public var url: String
        /// The twarc version.
        public var version: String
        /// When it was retrieved (as twarc writes it, `2014-04-23T02:00:00+00:00`).
        public var retrievedAt: String

        /// Creates the metadata.
        public init(url: String, version: String, retrievedAt: String) {
            self.url = url
            self.version = version
            self.retrievedAt = retrievedAt
        }
    }

    /// What the post alone cannot say: its thread and the accounts it names.
    public struct Context: Sendable, Hashable {
        /// The id of the conversation's first post; nil means the post's own id (or the replied-to id for a reply).
        public var conversationID: String?
        /// The author of the post replied to.
        public var inReplyToUser: Author?
        /// Accounts the post mentions, so mention entities carry their ids and user objects.
        public var knownUsers: [Author]

        /// Creates a context.
        public init(conversationID: String? = nil, inReplyToUser: Author? = nil, knownUsers: [Author] = []) {
            self.conversationID = conversationID
            self.inReplyToUser = inReplyToUser
            self.knownUsers = knownUsers
        }
    }

    /// The `__twarc` object to add to each line; nil leaves it out.
    public var metadata: Metadata?
    /// Spacing and escaping.
    public var style: Style

    /// Creates an encoder.
    public init(metadata: Metadata? = nil, style: Style = .twarc) {
        self.metadata = metadata
        self.style = style
    }

    /// One line of JSON for the post, with its trailing newline.
    public func encode(_ post: Post, context: Context = Context()) -> String {
        var bytes: [UInt8] = []
        encode(post, context: context, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one line of JSON for the post, with its trailing newline, to `bytes`.
    public func encode(_ post: Post, context: Context = Context(), into bytes: inout [UInt8]) {
        var writer = Writer(style: style)
        var users = context.knownUsers
        users.append(post.author)
        if let user = context.inReplyToUser { users.append(user) }
        users.append(contentsOf: post.carried.map(\.author))
        writer.beginObject()
        writeTweet(post, context: context, users: users, inlined: false, into: &writer)
        if let metadata {
            writer.key("__twarc")
            writer.beginObject()
            writer.key("url")
            writer.string(metadata.url)
            writer.key("version")
            writer.string(metadata.version)
            writer.key("retrieved_at")
            writer.string(metadata.retrievedAt)
            writer.endObject()
        }
        writer.endObject()
        writer.newline()
        bytes.append(contentsOf: writer.bytes)
    }

    // MARK: Tweet

    /// The fields of a tweet object; `inlined` marks a referenced tweet, whose own references stay ids only.
    private func writeTweet(_ post: Post, context: Context?, users: [Author], inlined: Bool, into writer: inout Writer) {
        let text = Self.wireText(post)
        writer.key("id")
        writer.string(post.nativeID)
        writer.key("text")
        writer.string(text)
        writer.key("created_at")
        writer.string(Self.timestamp(post.createdAt))
        writer.key("author_id")
        writer.string(post.author.id)
        if let conversation = context?.conversationID
            ?? (post.kind == .reply ? (inlined ? nil : post.repliedToID) : post.nativeID)
        {
            writer.key("conversation_id")
            writer.string(conversation)
        }
        let replyUser = context?.inReplyToUser
        if let replyUser {
            writer.key("in_reply_to_user_id")
            writer.string(replyUser.id)
        }
        if let language = post.language {
            writer.key("lang")
            writer.string(language)
        }
        writeReferences(post, users: users, inlined: inlined, into: &writer)
        writeEntities(post, text: text, users: users, into: &writer)
        writeAttachments(post, into: &writer)
        if let metrics = post.metrics, !metrics.isEmpty {
            writer.key("public_metrics")
            writer.beginObject()
            writer.key("retweet_count")
            writer.int(metrics.reposts ?? 0)
            writer.key("reply_count")
            writer.int(metrics.replies ?? 0)
            writer.key("like_count")
            writer.int(metrics.likes ?? 0)
            writer.key("quote_count")
            writer.int(metrics.quotes ?? 0)
            writer.endObject()
        }
        writer.key("author")
        writeUser(post.author, into: &writer)
        if let replyUser {
            writer.key("in_reply_to_user")
            writeUser(replyUser, into: &writer)
        }
    }

    /// The text as the v2 API gives it: a repost reads `RT @handle: original text`.
    static func wireText(_ post: Post) -> String {
        guard post.kind == .repost, !post.text.hasPrefix("RT @"),
            let original = post.carried.first(where: { $0.nativeID == post.repostedID }) ?? post.carried.first
        else { return post.text }
        return "RT @\(original.author.handle): \(post.text)"
    }

    private func writeReferences(_ post: Post, users: [Author], inlined: Bool, into writer: inout Writer) {
        var references: [(type: String, id: String)] = []
        if let id = post.repostedID { references.append(("retweeted", id)) }
        if let id = post.quotedID { references.append(("quoted", id)) }
        if let id = post.repliedToID { references.append(("replied_to", id)) }
        guard !references.isEmpty else { return }
        writer.key("referenced_tweets")
        writer.beginArray()
        for reference in references {
            writer.beginObject()
            writer.key("type")
            writer.string(reference.type)
            if !inlined, let carried = post.carried.first(where: { $0.nativeID == reference.id }) {
                // twarc merges the included tweet into the reference: `type` first, then the tweet's fields.
                writeTweet(carried, context: nil, users: users, inlined: true, into: &writer)
            } else {
                writer.key("id")
                writer.string(reference.id)
            }
            writer.endObject()
        }
        writer.endArray()
    }

    private func writeEntities(_ post: Post, text: String, users: [Author], into writer: inout Writer) {
        var mentions = post.mentions
        if post.kind == .repost, text != post.text,
            let original = post.carried.first(where: { $0.nativeID == post.repostedID }) ?? post.carried.first
        {
            mentions.insert(original.author.handle, at: 0)
        }
        let entities = Entities(text: text, hashtags: post.hashtags, mentions: mentions, links: post.links)
        guard !entities.isEmpty else { return }
        writer.key("entities")
        writer.beginObject()
        if !entities.hashtags.isEmpty {
            writer.key("hashtags")
            writer.beginArray()
            for span in entities.hashtags {
                writer.beginObject()
                writer.key("start")
                writer.int(span.start)
                writer.key("end")
                writer.int(span.end)
                writer.key("tag")
                writer.string(span.body)
                writer.endObject()
            }
            writer.endArray()
        }
        if !entities.mentions.isEmpty {
            writer.key("mentions")
            writer.beginArray()
            for span in entities.mentions {
                let user = users.first { $0.handle.caseInsensitiveCompare(span.body) == .orderedSame }
                writer.beginObject()
                writer.key("start")
                writer.int(span.start)
                writer.key("end")
                writer.int(span.end)
                writer.key("username")
                writer.string(user?.handle ?? span.body)
                if let user {
                    // twarc merges the mentioned user's object into the entity.
                    writeUserFields(user, skippingUsername: true, into: &writer)
                }
                writer.endObject()
            }
            writer.endArray()
        }
        if !entities.links.isEmpty {
            writer.key("urls")
            writer.beginArray()
            for link in entities.links {
                writer.beginObject()
                writer.key("start")
                writer.int(link.start)
                writer.key("end")
                writer.int(link.end)
                writer.key("url")
                writer.string(link.url)
                writer.key("expanded_url")
                writer.string(link.expanded)
                writer.key("display_url")
                writer.string(Entities.displayURL(link.expanded))
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }

    private func writeAttachments(_ post: Post, into writer: inout Writer) {
        guard !post.media.isEmpty else { return }
        let keys = post.media.enumerated().map { index, media in
            media.key ?? "\(Self.keyPrefix(media.kind))_\(post.nativeID)\(index)"
        }
        writer.key("attachments")
        writer.beginObject()
        writer.key("media_keys")
        writer.beginArray()
        for key in keys { writer.string(key) }
        writer.endArray()
        writer.key("media")
        writer.beginArray()
        for (media, key) in zip(post.media, keys) {
            writer.beginObject()
            writer.key("media_key")
            writer.string(key)
            writer.key("type")
            writer.string(Self.typeName(media.kind))
            if let url = media.url {
                // v2 gives a photo's file as `url` and a video's or GIF's still as `preview_image_url`.
                writer.key(media.kind == .photo ? "url" : "preview_image_url")
                writer.string(url)
            }
            if let alt = media.altText {
                writer.key("alt_text")
                writer.string(alt)
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    // MARK: Users

    private func writeUser(_ user: Author, into writer: inout Writer) {
        writer.beginObject()
        writeUserFields(user, skippingUsername: false, into: &writer)
        writer.endObject()
    }

    private func writeUserFields(_ user: Author, skippingUsername: Bool, into writer: inout Writer) {
        writer.key("id")
        writer.string(user.id)
        if let name = user.displayName {
            writer.key("name")
            writer.string(name)
        }
        if !skippingUsername {
            writer.key("username")
            writer.string(user.handle)
        }
        if let created = user.createdAt {
            writer.key("created_at")
            writer.string(Self.timestamp(created))
        }
        if let verified = user.verified {
            writer.key("verified")
            writer.bool(verified)
        }
        if let followers = user.followers {
            writer.key("public_metrics")
            writer.beginObject()
            writer.key("followers_count")
            writer.int(followers)
            writer.endObject()
        }
    }

    // MARK: Values

    private static func typeName(_ kind: Media.Kind) -> String {
        switch kind {
        case .photo: "photo"
        case .video: "video"
        case .gif: "animated_gif"
        }
    }

    private static func keyPrefix(_ kind: Media.Kind) -> String {
        switch kind {
        case .photo: "3"
        case .video: "7"
        case .gif: "16"
        }
    }

    /// RFC 3339 in UTC with milliseconds (`2014-04-22T17:55:00.000Z`), without a formatter: this runs per post.
    public static func timestamp(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        let inDay = Int(millis - days * 86_400_000)
        // Howard Hinnant's civil-from-days.
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(inDay / 3_600_000, 2)):"
            + "\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1_000 % 60, 2)).\(pad(inDay % 1_000, 3))Z"
    }
}
