import Firebreak
import Foundation

/// Reads Mastodon `Status` entities: REST responses (one a line, or arrays of them) and streaming events.
///
/// Streaming events are `{"event": "update", "payload": "<a Status as a JSON string>"}` (also
/// `status.update`); `delete` and the other events carry no post and give none. The post's id is the
/// status `id` as the serving instance numbers it, which is also what `in_reply_to_id` and quotes
/// refer to. A boost (`reblog`) becomes a repost whose text, tags, mentions, links and media are the
/// original's, with the original carried in full.
public struct MastodonDecoder: JSONPostDecoder {
    /// Creates a decoder.
    public init() {}

    /// Decodes one record: a Status, an array of them, a search response's statuses, or a streaming event.
    public func decode(_ record: JSONValue, origin: RecordOrigin) throws(DecodeError) -> [Post] {
        switch record.kind {
        case .array:
            return try decodeEach(record.array, noun: "status", origin: origin)
        case .object:
            if let event = record["event"]?.string, record.has("payload") || record.has("stream") || !record.has("id") {
                return try decodeEvent(event, record["payload"], origin: origin)
            }
            guard Self.looksLikeStatus(record) else {
                // A v2 search response (`accounts`, `statuses`, `hashtags`): its statuses.
                if let statuses = SearchPage.posts(in: record) { return try decodeEach(statuses, noun: "status", origin: origin) }
                throw DecodeError(
                    "unknown record shape: expected a Mastodon Status, an array of statuses or a streaming event"
                        + Self.keysHint(record))
            }
            return [try status(record, origin: origin)]
        default:
            throw DecodeError("unknown record shape: expected a Mastodon Status object, found a JSON \(record.kind)")
        }
    }

    /// A streaming event: only `update` and `status.update` carry a status.
    private func decodeEvent(_ event: String, _ payload: JSONValue?, origin: RecordOrigin) throws(DecodeError) -> [Post] {
        guard event == "update" || event == "status.update" else { return [] }
        guard let payload, !payload.isNull else { throw DecodeError.missing("payload") }
        // The WebSocket API sends the status as a JSON string; accept an inline object too.
        if payload.kind == .object { return [try status(payload, origin: origin)] }
        guard let text = payload.string else { throw DecodeError.invalid("payload", "expected a JSON string holding a Status") }
        let document: JSONDocument
        do {
            document = try JSONDocument(parsing: Array(text.utf8))
        } catch {
            throw DecodeError.invalid("payload", error.description)
        }
        guard document.root.kind == .object else { throw DecodeError.invalid("payload", "expected a Status object") }
        return [try status(document.root, origin: origin)]
    }

    static func looksLikeStatus(_ value: JSONValue) -> Bool {
        value.has("id") || value.has("content") || value.has("account") || value.has("created_at") || value.has("uri")
    }

    static func keysHint(_ value: JSONValue) -> String {
        let keys = value.keys
        guard !keys.isEmpty else { return " (empty object)" }
        let shown = keys.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
        return " (keys: \(shown)\(keys.count > 6 ? ", …" : ""))"
    }

    /// One Status; a boost's original is decoded recursively.
    func status(_ s: JSONValue, origin: RecordOrigin) throws(DecodeError) -> Post {
        guard let id = s["id"]?.idString else { throw DecodeError.missing("id") }
        guard let createdText = s["created_at"]?.nonEmptyString else { throw DecodeError.missing("created_at") }
        guard let parsed = Timestamp.parseISO8601(createdText) else {
            throw DecodeError.invalid("created_at", "not an ISO 8601 time: \(createdText.prefix(40))")
        }
        let createdAt = try Timestamp.plausible(parsed, field: "created_at")
        guard let accountValue = s["account"], accountValue.kind == .object else { throw DecodeError.missing("account") }
        let author = try account(accountValue)

        var post = Post(platform: .mastodon, nativeID: id, author: author, createdAt: createdAt, text: "", origin: origin)
        post.metrics = metrics(s)

        if let reblog = s["reblog"], reblog.kind == .object {
            let original: Post
            do {
                original = try status(reblog, origin: origin)
            } catch {
                throw DecodeError("reblog: \(error.reason)")
            }
            post.kind = .repost
            post.repostedID = original.nativeID
            // The boost's own fields are empty; what was boosted is what the post says.
            post.text = original.text
            post.language = original.language
            post.hashtags = original.hashtags
            post.mentions = original.mentions
            post.links = original.links
            post.media = original.media
            post.carried = [original]
            return post
        }

        let html = HTMLText(html: s["content"]?.string ?? "")
        var text = html.text
        if let warning = s["spoiler_text"]?.nonEmptyString {
            // The content warning is part of what the author wrote and often carries the tone.
            text = text.isEmpty ? warning : warning + "\n\n" + text
        }
        post.text = text
        post.language = s["language"]?.nonEmptyString
        post.hashtags = s["tags"]?.array.compactMap { $0["name"]?.nonEmptyString.map { "#" + $0 } } ?? []
        post.mentions = s["mentions"]?.array.compactMap { $0["acct"]?.nonEmptyString } ?? []
        post.links = links(html.anchors, card: s["card"])
        post.media = s["media_attachments"]?.array.compactMap(Self.media) ?? []

        if let replyTo = s["in_reply_to_id"]?.idString {
            post.repliedToID = replyTo
            post.kind = .reply
        }
        if let quote = s["quote"], quote.kind == .object {
            let quoted = quote["quoted_status"]
            if let quoted, quoted.kind == .object {
                // The quoted status is extra context: when it cannot be read the quote still stands by id.
                if let carried = try? status(quoted, origin: origin) { post.carried.append(carried) }
                post.quotedID = quoted["id"]?.idString
            }
            if post.quotedID == nil { post.quotedID = quote["quoted_status_id"]?.idString }
            // A reply that quotes stays a reply, as the X readers file it; the quoted id is kept.
            if post.quotedID != nil && post.kind == .original { post.kind = .quote }
        }
        return post
    }

    func account(_ a: JSONValue) throws(DecodeError) -> Author {
        guard let id = a["id"]?.idString else { throw DecodeError.missing("account.id") }
        guard let handle = a["acct"]?.nonEmptyString ?? a["username"]?.nonEmptyString else {
            throw DecodeError.missing("account.acct")
        }
        var author = Author(id: id, handle: handle)
        author.displayName = a["display_name"]?.nonEmptyString
        author.followers = a["followers_count"]?.int
        author.createdAt = a["created_at"]?.string.flatMap(Timestamp.parseISO8601)
        // Mastodon has no verified badge; `bot` is kept out of `verified` on purpose.
        return author
    }

    func metrics(_ s: JSONValue) -> PublicMetrics? {
        let m = PublicMetrics(
            reposts: s["reblogs_count"]?.int, replies: s["replies_count"]?.int, likes: s["favourites_count"]?.int,
            quotes: s["quotes_count"]?.int)
        return m.isEmpty ? nil : m
    }

    /// Links in the content that are neither mentions nor hashtags, then the preview card's URL.
    func links(_ anchors: [HTMLText.Anchor], card: JSONValue?) -> [String] {
        var result: [String] = []
        func add(_ url: String) {
            // Only web links: a `javascript:` or `data:` href is not a link anyone shared.
            let lower = url.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !result.contains(url) else { return }
            result.append(url)
        }
        for anchor in anchors {
            if anchor.classes.contains("mention") || anchor.classes.contains("hashtag") || anchor.rel.contains("tag") { continue }
            add(anchor.href)
        }
        if let url = card?["url"]?.nonEmptyString { add(url) }
        return result
    }

    /// A media attachment; audio and unknown types are not photos, videos or GIFs and are left out.
    static func media(_ m: JSONValue) -> Media? {
        let kind: Media.Kind
        switch m["type"]?.string {
        case "image": kind = .photo
        case "video": kind = .video
        case "gifv": kind = .gif
        default: return nil
        }
        let url = m["url"]?.nonEmptyString ?? m["remote_url"]?.nonEmptyString ?? m["preview_url"]?.nonEmptyString
        return Media(kind: kind, url: url, altText: m["description"]?.nonEmptyString, key: m["id"]?.idString)
    }
}
