/// Recognises a record's format from the members it has, without decoding it.
public enum FormatSniffer {
    /// The JSON format a parsed record looks like, or nil when it fits none.
    public static func format(of value: JSONValue) -> InputFormat? {
        if value.kind == .array {
            for element in value.array.prefix(3) { if let format = format(of: element) { return format } }
            return nil
        }
        guard value.kind == .object else { return nil }
        if value.has("data") && (value.has("includes") || value.has("meta") || value.has("__twarc") || value.has("errors")) {
            return .xV2
        }
        if value.has("author_id") || value.has("edit_history_tweet_ids") || value["author"]?["username"] != nil {
            return .xV2
        }
        if value.has("id_str") || value.has("user") || value.has("full_text") || value.has("delete") || value.has("limit")
            || value.has("status_withheld") || value.has("scrub_geo")
        {
            return .xV1
        }
        // A Jetstream `account` event has an `account` member too: recognise Jetstream before Mastodon.
        if value.has("did") && value.has("time_us") { return .bluesky }
        if value.has("account") || (value.has("event") && value.has("payload")) { return .mastodon }
        if value.has("did") || value.has("posts") || value.has("thread") || value.has("commit") || value.has("feed")
            || (value["uri"]?.string?.hasPrefix("at://") ?? false)
        {
            return .bluesky
        }
        // A search response page (X v1.1 `statuses` or premium `results`, Mastodon v2 search `statuses`): its posts
        // tell the format. Last, so that ordinary records pay nothing for it.
        if let statuses = SearchPage.posts(in: value) {
            for element in statuses.prefix(3) { if let format = format(of: element) { return format } }
            return statuses.isEmpty ? .xV1 : nil
        }
        return nil
    }

    /// Whether the first bytes of an input look like JSON (after a byte-order mark and white space).
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        firstSignificantByte(bytes).map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
    }

    static func firstSignificantByte(_ bytes: [UInt8]) -> UInt8? {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i < bytes.count ? bytes[i] : nil
    }

    /// The first `limit` complete (newline-terminated), non-blank lines of `bytes`, each from its first character
    /// (a byte-order mark and leading white space dropped): what format detection looks at.
    static func leadingLines(_ bytes: [UInt8], limit: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while lines.count < limit, let end = bytes[start...].firstIndex(of: 0x0A) {
            var line = bytes[start..<end]
            start = end + 1
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            lines.append(line[first...])
        }
        return lines
    }

    /// How many of `lines` there are, and how many are each a whole JSON object or array: what tells JSON Lines from
    /// pretty-printed JSON, and a JSON Lines archive whose first record was cut (a split file, a partial download)
    /// from plain text. A line from `{` to `}` counts whether or not it parses (a damaged record of JSON Lines is
    /// still one a line, and pretty-printed JSON rarely puts a whole object on one line); a line from `[` must parse.
    static func wholeValueLines(_ lines: [ArraySlice<UInt8>]) -> (lines: Int, values: Int) {
        let values = lines.count { line in
            switch line.first {
            case UInt8(ascii: "{"): line.last(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) == UInt8(ascii: "}")
            case UInt8(ascii: "["): (try? JSONDocument(parsing: Array(line))) != nil
            default: false
            }
        }
        return (lines.count, values)
    }

    /// Whether at least three quarters of `lines` (four or more) open or close JSON structure or start a JSON member
    /// (`{`, `}`, `[`, `]`, `"name":`): pretty-printed JSON behind something else (a script's
    /// `window.YTD.tweets.part0 = `, the headers `curl -i` saves), which read as plain text would make every line a post.
    static func looksLikeJSONBehindAPrefix(_ lines: [ArraySlice<UInt8>]) -> Bool {
        let structural = lines.count { line in
            [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]")].contains(line.first ?? 0) || isMember(line)
        }
        return lines.count >= 4 && 4 * structural >= 3 * lines.count
    }

    /// Whether a line starts a JSON member (`"name": `); a post in quotes (`"Thank you NYPD"`) does not.
    private static func isMember(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "\"") else { return false }
        var index = line.index(after: line.startIndex)
        while index < line.endIndex, line[index] != UInt8(ascii: "\"") {
            index = line.index(index, offsetBy: line[index] == UInt8(ascii: "\\") ? 2 : 1, limitedBy: line.endIndex) ?? line.endIndex
        }
        guard index < line.endIndex else { return false }
        let rest = line[line.index(after: index)...]
        return rest.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: ":")
    }

    /// Whether at least half of the sampled lines are whole JSON objects or arrays (JSON Lines, perhaps with a
    /// broken or cut first line).
    static func looksLikeJSONLines(_ sample: (lines: Int, values: Int)) -> Bool {
        sample.values > 0 && 2 * sample.values >= sample.lines
    }

    /// Whether a first line looks like a CSV header Firebreak can read: comma-, tab- or semicolon-separated (a
    /// spreadsheet's "Unicode text" export is tab-separated), with an id and a text column.
    static func looksLikeCSVHeader(_ line: [UInt8]) -> Bool {
        guard line.contains(where: { $0 == UInt8(ascii: ",") || $0 == 0x09 || $0 == UInt8(ascii: ";") }) else { return false }
        return (try? CSVPostDecoder(headerRow: line)) != nil
    }
}
