import Firebreak
import Foundation

/// Reads Bluesky posts: Jetstream `commit` events and `app.bsky.feed.defs#postView` objects.
///
/// Post views come bare (one a line), in `app.bsky.feed.searchPosts` pages (`{"posts": [...]}`), in
/// feeds (`{"feed": [{"post": ...}]}`) and in `app.bsky.feed.getPostThread` responses, where every post
/// of the thread (ancestors, the post, replies at any depth) is read. A post's id is its AT URI
/// (`at://did/app.bsky.feed.post/rkey`). Jetstream carries no handle, so the author's handle is the DID
/// there; other collections, deletes and `identity` / `account` events give no posts.
public struct BlueskyDecoder: JSONPostDecoder {
    /// Creates a decoder.
    public init() {}

    static let postCollection = "app.bsky.feed.post"

    /// Decodes one record: a Jetstream event, a post view, a page or thread of post views, or an array of them.
    public func decode(_ record: JSONValue, origin: RecordOrigin) throws(DecodeError) -> [Post] {
        switch record.kind {
        case .array:
            return try decodeEach(record.array, noun: "element", origin: origin)
        case .object:
            if record.has("time_us") || (record.has("kind") && record.has("did")) {
                return try jetstream(record, origin: origin)
            }
            if let posts = record["posts"], posts.kind == .array {
                return try decodeEach(posts.array, noun: "post", origin: origin)
            }
            if let feed = record["feed"], feed.kind == .array {
                return try decodeEach(feed.array.compactMap { $0["post"] }, noun: "feed item", origin: origin)
            }
            if let thread = record["thread"], thread.kind == .object {
                return try self.thread(thread, origin: origin)
            }
            let isPostView = record["$type"]?.string == "app.bsky.feed.defs#postView"
            if isPostView || (record.has("record") && (record.has("uri") || record.has("author"))) {
                return [try postView(record, origin: origin)]
            }
            throw DecodeError(
                "unknown record shape: expected a Jetstream event, an app.bsky.feed.defs#postView, a searchPosts page or a getPostThread response"
                    + MastodonDecoder.keysHint(record))
        default:
            throw DecodeError("unknown record shape: expected a Bluesky object, found a JSON \(record.kind)")
        }
    }

    // MARK: Jetstream

    private func jetstream(_ event: JSONValue, origin: RecordOrigin) throws(DecodeError) -> [Post] {
        guard let kind = event["kind"]?.string else { throw DecodeError.missing("kind") }
        guard kind == "commit" else { return [] }  // identity and account events carry no post
        guard let commit = event["commit"], commit.kind == .object else { throw DecodeError.missing("commit") }
        guard commit["collection"]?.string == Self.postCollection else { return [] }
        let operation = commit["operation"]?.string
        guard operation == "create" || operation == "update" else { return [] }
        guard let did = event["did"]?.nonEmptyString else { throw DecodeError.missing("did") }
        guard let rkey = commit["rkey"]?.nonEmptyString else { throw DecodeError.missing("commit.rkey") }
        guard let record = commit["record"], record.kind == .object else { throw DecodeError.missing("commit.record") }
        let uri = "at://\(did)/\(Self.postCollection)/\(rkey)"

        // The relay's time: when a client left createdAt out (the lexicon requires it), the best event time.
        let relayed = event["time_us"]?.int.flatMap { $0 > 0 ? Date(timeIntervalSince1970: Double($0) / 1_000_000) : nil }
        let createdAt: Date
        if let text = record["createdAt"]?.nonEmptyString {
            guard let date = Timestamp.parseISO8601(text) else {
                throw DecodeError.invalid("commit.record.createdAt", "not an ISO 8601 time: \(text.prefix(40))")
            }
            createdAt = try Timestamp.plausible(Self.eventTime(declared: date, seen: relayed), field: "commit.record.createdAt")
        } else if let relayed {
            createdAt = relayed
        } else {
            throw DecodeError.missing("commit.record.createdAt")
        }
        var post = Post(
            platform: .bluesky, nativeID: uri, author: Author(id: did, handle: did), createdAt: createdAt, text: "",
            origin: origin)
        fill(&post, record: record, embedView: nil, origin: origin)
        return [post]
    }

    /// A post's event time: the `createdAt` its client declared, but never later than the time the network saw it
    /// (the relay's `time_us`, the app view's `indexedAt`). Any client can write any `createdAt`; a post dated ahead
    /// would otherwise sit in a minute still to come, where Bluesky's own app view does not put it either (it sorts
    /// posts by the earlier of the two). A time before any platform existed, declared or seen, is no time at all: the
    /// other is taken.
    static func eventTime(declared: Date, seen: Date?) -> Date {
        guard let seen, seen >= Timestamp.earliestPost else { return declared }
        return declared < Timestamp.earliestPost ? seen : min(declared, seen)
    }

    // MARK: Post views

    /// Every post of a `getPostThread` response: ancestors from the root down, the post, then replies depth first.
    private func thread(_ root: JSONValue, origin: RecordOrigin) throws(DecodeError) -> [Post] {
        var ancestors: [JSONValue] = []
        var parent = root["parent"]
        while let p = parent, p.kind == .object {
            if let view = p["post"] { ancestors.append(view) }
            parent = p["parent"]
        }
        var posts: [Post] = []
        for view in ancestors.reversed() { posts.append(try postView(view, origin: origin)) }
        // Not-found and blocked entries have no `post`: nothing to read, and not an error.
        guard root["post"] != nil else { return posts }
        var stack: [JSONValue] = [root]
        while let node = stack.popLast() {
            if let view = node["post"], view.kind == .object { posts.append(try postView(view, origin: origin)) }
            let replies = node["replies"]?.array ?? []
            stack.append(contentsOf: replies.reversed())
        }
        return posts
    }

    /// An `app.bsky.feed.defs#postView`.
    func postView(_ view: JSONValue, origin: RecordOrigin) throws(DecodeError) -> Post {
        try viewedPost(view, recordKey: "record", origin: origin)
    }

    /// A post view or an `app.bsky.embed.record#viewRecord`, which holds the record under `value`.
    private func viewedPost(_ view: JSONValue, recordKey: String, origin: RecordOrigin) throws(DecodeError) -> Post {
        guard let uri = view["uri"]?.nonEmptyString else { throw DecodeError.missing("uri") }
        guard let authorValue = view["author"], authorValue.kind == .object else { throw DecodeError.missing("author") }
        guard let did = authorValue["did"]?.nonEmptyString else { throw DecodeError.missing("author.did") }
        guard let record = view[recordKey], record.kind == .object else { throw DecodeError.missing(recordKey) }
        let indexed = view["indexedAt"]?.nonEmptyString.flatMap(Timestamp.parseISO8601)
        let createdAt: Date
        if let text = record["createdAt"]?.nonEmptyString {
            guard let date = Timestamp.parseISO8601(text) else {
                throw DecodeError.invalid("\(recordKey).createdAt", "not an ISO 8601 time: \(text.prefix(40))")
            }
            createdAt = try Timestamp.plausible(Self.eventTime(declared: date, seen: indexed), field: "\(recordKey).createdAt")
        } else if let indexed {
            createdAt = indexed
        } else {
            throw DecodeError.missing("\(recordKey).createdAt")
        }
        var author = Author(id: did, handle: authorValue["handle"]?.nonEmptyString ?? did)
        author.displayName = authorValue["displayName"]?.nonEmptyString
        author.followers = authorValue["followersCount"]?.int
        author.createdAt = authorValue["createdAt"]?.string.flatMap(Timestamp.parseISO8601)
        if let status = authorValue["verification"]?["verifiedStatus"]?.string { author.verified = status == "valid" }

        var post = Post(platform: .bluesky, nativeID: uri, author: author, createdAt: createdAt, text: "", origin: origin)
        let metrics = PublicMetrics(
            reposts: view["repostCount"]?.int, replies: view["replyCount"]?.int, likes: view["likeCount"]?.int,
            quotes: view["quoteCount"]?.int)
        post.metrics = metrics.isEmpty ? nil : metrics
        // A viewRecord lists its embed views under `embeds`; a post view has one `embed`.
        let embedView = view["embed"] ?? view["embeds"]?.array.first
        fill(&post, record: record, embedView: embedView, origin: origin)
        return post
    }

    // MARK: Record contents

    /// Text, language, facets, tags, reply and embed of an `app.bsky.feed.post` record.
    private func fill(_ post: inout Post, record: JSONValue, embedView: JSONValue?, origin: RecordOrigin) {
        let text = record["text"]?.string ?? ""
        post.text = text
        post.language = record["langs"]?.array.first?.nonEmptyString

        var hashtags: [String] = []
        var mentions: [String] = []
        var links: [String] = []
        func add(_ value: String, to list: inout [String]) {
            if !list.contains(value) { list.append(value) }
        }
        let utf8 = Array(text.utf8)
        for facet in record["facets"]?.array ?? [] {
            for feature in facet["features"]?.array ?? [] {
                switch feature["$type"]?.string {
                case "app.bsky.richtext.facet#tag":
                    if let tag = feature["tag"]?.nonEmptyString { add("#" + tag, to: &hashtags) }
                case "app.bsky.richtext.facet#mention":
                    let handle = Self.slice(utf8, facet["index"]).map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
                    if let mention = handle.flatMap({ $0.isEmpty ? nil : $0 }) ?? feature["did"]?.nonEmptyString {
                        add(mention, to: &mentions)
                    }
                case "app.bsky.richtext.facet#link":
                    if let uri = feature["uri"]?.nonEmptyString { add(uri, to: &links) }
                default:
                    break
                }
            }
        }
        // Outline tags are hashtags the author attached without writing them in the text.
        for tag in record["tags"]?.array ?? [] {
            if let t = tag.nonEmptyString { add("#" + t, to: &hashtags) }
        }

        if let reply = record["reply"], let parent = reply["parent"]?["uri"]?.nonEmptyString {
            post.repliedToID = parent
            post.kind = .reply
        }

        let embed = BlueskyEmbed(record: record["embed"], view: embedView)
        if let link = embed.externalURI { add(link, to: &links) }
        post.media = embed.media
        if let quoted = embed.quotedURI {
            post.quotedID = quoted
            // A reply that quotes stays a reply, as the X readers file it; the quoted id is kept.
            if post.kind == .original { post.kind = .quote }
            // The quoted post is extra context: when its view cannot be read the quote still stands by URI.
            if let view = embed.quotedView, let carried = try? viewedPost(view, recordKey: "value", origin: origin) {
                post.carried.append(carried)
            }
        }
        post.hashtags = hashtags
        post.mentions = mentions
        post.links = links
    }

    /// The text between two UTF-8 byte offsets of a facet's `index`; nil when they do not fit the text.
    static func slice(_ utf8: [UInt8], _ index: JSONValue?) -> String? {
        guard let start = index?["byteStart"]?.int, let end = index?["byteEnd"]?.int, start >= 0, start < end,
            end <= utf8.count
        else { return nil }
        return String(validating: utf8[start..<end], as: UTF8.self)
    }
}
