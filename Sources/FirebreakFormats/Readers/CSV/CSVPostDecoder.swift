import Firebreak
import Foundation

/// Reads CSV rows into posts, by twarc-csv's column names or the aliases other listening tools use.
///
/// The header decides everything once: which column is which (docs/formats.md lists them), the
/// delimiter (comma, or tab or semicolon when the header has no comma) and the platform (`.x` for a
/// twarc-csv header, else the row's `platform` column when there is one, else `.unknown`). A header
/// without an id or a text column is refused. twarc-csv writes line breaks inside text as `\n` and
/// lists entities as JSON arrays; both are read back. Hashtags, mentions and links come from the text
/// when the header has no column for them. Without a date column a post's time is the Unix epoch.
public struct CSVPostDecoder: Sendable {
    /// The platform posts get when the row does not say (`.x` for twarc-csv, else `.unknown`).
    public let platform: Platform
    /// Whether the header is twarc-csv's.
    public let isTwarcCSV: Bool
    /// The number of columns every row must have.
    public let columnCount: Int

    private let columns: CSVColumns
    private let delimiter: UInt8

    /// Reads the header row as framed (a slice of the read buffer).
    public init(headerRow: ArraySlice<UInt8>) throws(DecodeError) {
        try self.init(headerRow: Array(headerRow))
    }

    /// Reads the header row; throws when it lacks an id or a text column, naming the columns accepted.
    public init(headerRow: [UInt8]) throws(DecodeError) {
        var header = headerRow
        if header.starts(with: [0xEF, 0xBB, 0xBF]) { header.removeFirst(3) }  // a byte order mark from spreadsheet exports
        let comma = UInt8(ascii: ",")
        if header.contains(comma) {
            delimiter = comma
        } else if header.contains(0x09) {
            delimiter = 0x09
        } else if header.contains(UInt8(ascii: ";")) {
            delimiter = UInt8(ascii: ";")
        } else {
            delimiter = comma
        }
        let names: [String]
        do {
            names = try CSVRow.fields(header, delimiter: delimiter)
        } catch {
            throw DecodeError("header row: \(error.reason)")
        }
        columns = CSVColumns(names: names)
        var missing: [String] = []
        if columns[.id] == nil { missing.append("an id column (one of: \(CSVColumns.Field.id.aliases.joined(separator: ", ")))") }
        if columns[.text] == nil { missing.append("a text column (one of: \(CSVColumns.Field.text.aliases.joined(separator: ", ")))") }
        guard missing.isEmpty else {
            // Callers put this after "unusable CSV header: "; it reads whole on its own as well.
            throw DecodeError("needs \(missing.joined(separator: " and "))")
        }
        columnCount = names.count
        isTwarcCSV = columns.isTwarcCSV
        platform = isTwarcCSV ? .x : .unknown
    }

    /// Decodes one data row.
    public func decode(_ row: ArraySlice<UInt8>, origin: RecordOrigin) throws(DecodeError) -> Post {
        try decode(Array(row), origin: origin)
    }

    /// Decodes one data row.
    public func decode(_ row: [UInt8], origin: RecordOrigin) throws(DecodeError) -> Post {
        let fields = try CSVRow.fields(row, delimiter: delimiter)
        guard fields.count == columnCount else {
            throw DecodeError("wrong field count: the row has \(fields.count) fields, the header has \(columnCount)")
        }
        func value(_ field: CSVColumns.Field) -> String? {
            guard let i = columns[field] else { return nil }
            let v = fields[i].trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : v
        }

        guard let id = value(.id) else { throw DecodeError.missing(columns.name(.id) ?? "id") }
        var text = fields[columns[.text]!]
        if isTwarcCSV { text = Self.twarcText(text, jsonEncoded: columns.isLegacyTwarcCSV) }

        var createdAt = Post.undated
        if let column = columns.name(.createdAt) {
            guard let raw = value(.createdAt) else { throw DecodeError.missing(column) }
            guard let date = Timestamp.parseAny(raw) else {
                throw DecodeError.invalid(column, "not a time Firebreak reads: \(raw.prefix(40))")
            }
            createdAt = try Timestamp.plausible(date, field: column)
        }

        let handle = value(.authorHandle).map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        let authorID = value(.authorID)
        var author = Author(id: authorID ?? handle ?? "unknown", handle: handle ?? authorID ?? "unknown")
        author.displayName = value(.authorName)
        author.followers = value(.authorFollowers).flatMap(Self.integer)
        author.createdAt = value(.authorCreatedAt).flatMap(Timestamp.parseAny)
        author.verified = value(.authorVerified).flatMap(Self.boolean)

        let rowPlatform = value(.platform).flatMap(Self.platform)
        var post = Post(
            platform: rowPlatform ?? platform, nativeID: id, author: author, createdAt: createdAt, text: text,
            language: value(.language), origin: origin)

        post.repliedToID = value(.repliedToID)
        post.repostedID = value(.repostedID)
        post.quotedID = value(.quotedID)
        if let references = value(.referencedTweets) {
            // Older twarc-csv kept `referenced_tweets` as a JSON list of {type, id}.
            for reference in Self.jsonArray(references) {
                guard let refID = reference["id"]?.idString else { continue }
                switch reference["type"]?.string {
                case "replied_to": post.repliedToID = post.repliedToID ?? refID
                case "retweeted": post.repostedID = post.repostedID ?? refID
                case "quoted": post.quotedID = post.quotedID ?? refID
                default: break
                }
            }
        }
        if post.repostedID != nil {
            post.kind = .repost
        } else if post.repliedToID != nil {
            // A reply that quotes is filed as a reply, as the X readers do; the quoted id is kept.
            post.kind = .reply
        } else if post.quotedID != nil {
            post.kind = .quote
        }

        let metrics = PublicMetrics(
            reposts: value(.reposts).flatMap(Self.integer), replies: value(.replies).flatMap(Self.integer),
            likes: value(.likes).flatMap(Self.integer), quotes: value(.quotes).flatMap(Self.integer))
        post.metrics = metrics.isEmpty ? nil : metrics

        let extracted: TextEntities? =
            columns[.hashtags] == nil || columns[.mentions] == nil || columns[.links] == nil ? TextEntities(text: text) : nil
        if columns[.hashtags] != nil {
            post.hashtags = Self.list(value(.hashtags), objectKey: "tag").map { $0.hasPrefix("#") ? $0 : "#" + $0 }
        } else {
            post.hashtags = extracted?.hashtags ?? []
        }
        if columns[.mentions] != nil {
            post.mentions = Self.list(value(.mentions), objectKey: "username").map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        } else {
            post.mentions = extracted?.mentions ?? []
        }
        if columns[.links] != nil {
            // twarc-csv lists a media link by its display URL (no scheme); only real links count.
            post.links = Self.list(value(.links), objectKey: "expanded_url").filter {
                $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://")
            }
        } else {
            post.links = extracted?.links ?? []
        }
        post.media = media(value)
        return post
    }

    private func media(_ value: (CSVColumns.Field) -> String?) -> [Media] {
        if let cell = value(.media) {
            let items = Self.jsonArray(cell).compactMap { item -> Media? in
                let kind: Media.Kind
                switch item["type"]?.string {
                case "photo": kind = .photo
                case "video": kind = .video
                case "animated_gif": kind = .gif
                default: return nil
                }
                return Media(
                    kind: kind, url: item["url"]?.nonEmptyString ?? item["preview_image_url"]?.nonEmptyString,
                    altText: item["alt_text"]?.nonEmptyString, key: item["media_key"]?.nonEmptyString)
            }
            if !items.isEmpty { return items }
        }
        if let cell = value(.mediaKeys) {
            // X media keys start with the media type: 3_ photo, 7_ video, 16_ animated GIF.
            return Self.list(cell, objectKey: "media_key").map { key in
                let kind: Media.Kind = key.hasPrefix("7_") ? .video : key.hasPrefix("16_") ? .gif : .photo
                return Media(kind: kind, key: key)
            }
        }
        if let cell = value(.mediaURLs) {
            return Self.list(cell, objectKey: "url").filter { $0.lowercased().hasPrefix("http") }.map { url in
                let path = url.lowercased().split(separator: "?").first.map(String.init) ?? url
                let kind: Media.Kind = path.hasSuffix(".mp4") || path.hasSuffix(".mov") || path.hasSuffix(".m3u8") ? .video
                    : path.hasSuffix(".gif") ? .gif : .photo
                return Media(kind: kind, url: url)
            }
        }
        return []
    }

    /// twarc-csv's text: `\n` stands for a line break; older versions wrote every text as a JSON string.
    ///
    /// Whether texts are JSON strings is decided by the header, never by the value: a tweet that is
    /// just a quotation (`"Keep them coming"`) must keep its quotes.
    static func twarcText(_ text: String, jsonEncoded: Bool) -> String {
        if jsonEncoded, text.hasPrefix("\""), let document = try? JSONDocument(parsing: Array(text.utf8)),
            let decoded = document.root.string
        {
            return decoded
        }
        guard text.contains("\\n") else { return text }
        return text.replacingOccurrences(of: "\\n", with: "\n")
    }

    /// The elements of a JSON array cell; empty when the cell is not one.
    static func jsonArray(_ cell: String) -> [JSONValue] {
        guard cell.hasPrefix("["), let document = try? JSONDocument(parsing: Array(cell.utf8)) else { return [] }
        return document.root.array
    }

    /// A list cell: a JSON array (of strings, or of objects with `objectKey`), or words separated by commas, semicolons or spaces.
    static func list(_ cell: String?, objectKey: String) -> [String] {
        guard let cell else { return [] }
        if cell.hasPrefix("[") {
            return jsonArray(cell).compactMap { $0.nonEmptyString ?? $0[objectKey]?.nonEmptyString ?? $0["url"]?.nonEmptyString }
        }
        return cell.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "|" || $0 == "\n" }).map(String.init)
    }

    /// An integer, also as pandas writes counts in columns with gaps (`453.0`) or with thousands separators.
    static func integer(_ text: String) -> Int? {
        if let v = Int(text) { return v }
        let cleaned = text.replacingOccurrences(of: ",", with: "")
        if let v = Int(cleaned) { return v }
        if let d = Double(cleaned), d.rounded() == d, abs(d) < 9e18 { return Int(d) }
        return nil
    }

    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes", "y", "t": true
        case "false", "0", "no", "n", "f": false
        default: nil
        }
    }

    /// A platform named in a `platform` column.
    static func platform(_ text: String) -> Platform? {
        switch text.lowercased() {
        case "x", "twitter", "x (twitter)", "twitter/x": .x
        case "mastodon": .mastodon
        case "bluesky", "bsky": .bluesky
        default: nil
        }
    }
}
