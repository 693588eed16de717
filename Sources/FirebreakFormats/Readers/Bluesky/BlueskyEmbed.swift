import Firebreak

/// What a Bluesky post embeds, read from the record's embed and, for post views, the hydrated embed view.
///
/// The record (`app.bsky.embed.images`, `video`, `external`, `record`, `recordWithMedia`) holds blob
/// references: the media's content ids and alt texts, but no URLs. The view (`...#view`) adds the CDN
/// URLs and the quoted post. Both are read and matched image by image, so a post view's media has a URL
/// and a key while a Jetstream record's media has a key only.
struct BlueskyEmbed {
    /// Photos and videos.
    private(set) var media: [Media] = []
    /// The external link card's URI.
    private(set) var externalURI: String?
    /// The AT URI of the quoted post (only posts: quoting a feed or list is not a quote).
    private(set) var quotedURI: String?
    /// The quoted post's `app.bsky.embed.record#viewRecord`, when the view carries it.
    private(set) var quotedView: JSONValue?

    /// Reads the record's embed and its view; either may be absent.
    init(record: JSONValue?, view: JSONValue?) {
        let recordMedia = Self.mediaPart(record)
        let viewMedia = Self.mediaPart(view)
        readMedia(record: recordMedia, view: viewMedia)

        // The quoted record: `embed.record` is a strong ref in the record, a viewRecord in the view;
        // recordWithMedia nests both one level deeper.
        let recordRef: JSONValue? = {
            guard let record, let inner = record["record"] else { return nil }
            return Self.type(record)?.hasPrefix("app.bsky.embed.recordWithMedia") == true ? inner["record"] : inner
        }()
        let viewRecord: JSONValue? = {
            guard let view, let inner = view["record"] else { return nil }
            return Self.type(view)?.hasPrefix("app.bsky.embed.recordWithMedia") == true ? inner["record"] : inner
        }()
        let uri = viewRecord?["uri"]?.nonEmptyString ?? recordRef?["uri"]?.nonEmptyString
        if let uri, uri.contains("/app.bsky.feed.post/") {
            quotedURI = uri
            if let viewRecord, viewRecord.has("value"), viewRecord.has("author") { quotedView = viewRecord }
        }
    }

    static func type(_ value: JSONValue?) -> String? { value?["$type"]?.string }

    /// The part of an embed that holds media or an external link: the embed itself, or recordWithMedia's `media`.
    static func mediaPart(_ embed: JSONValue?) -> JSONValue? {
        guard let embed, embed.kind == .object else { return nil }
        if let media = embed["media"], media.kind == .object { return media }
        return embed
    }

    private mutating func readMedia(record: JSONValue?, view: JSONValue?) {
        if let external = view?["external"] ?? record?["external"] {
            externalURI = external["uri"]?.nonEmptyString
        }
        let recordImages = record?["images"]?.array ?? []
        let viewImages = view?["images"]?.array ?? []
        for index in 0..<max(recordImages.count, viewImages.count) {
            let r = index < recordImages.count ? recordImages[index] : nil
            let v = index < viewImages.count ? viewImages[index] : nil
            let url = v?["fullsize"]?.nonEmptyString ?? v?["thumb"]?.nonEmptyString
            let alt = v?["alt"]?.nonEmptyString ?? r?["alt"]?.nonEmptyString
            media.append(Media(kind: .photo, url: url, altText: alt, key: Self.blobCID(r?["image"])))
        }
        let recordVideo = record?["video"]
        let isVideoView = Self.type(view)?.hasPrefix("app.bsky.embed.video") == true || view?["playlist"] != nil
        if recordVideo != nil || isVideoView {
            let url = isVideoView ? view?["playlist"]?.nonEmptyString : nil
            let alt = (isVideoView ? view?["alt"]?.nonEmptyString : nil) ?? record?["alt"]?.nonEmptyString
            let key = Self.blobCID(recordVideo) ?? (isVideoView ? view?["cid"]?.nonEmptyString : nil)
            media.append(Media(kind: .video, url: url, altText: alt, key: key))
        }
    }

    /// The content id of a blob: `{"$type": "blob", "ref": {"$link": cid}}`, or the legacy `{"cid": cid}`.
    static func blobCID(_ blob: JSONValue?) -> String? {
        blob?["ref"]?["$link"]?.nonEmptyString ?? blob?["cid"]?.nonEmptyString
    }
}
