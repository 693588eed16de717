import Firebreak

/// Text and small-field conventions shared by the X v1.1 and v2 formats.
enum XText {
    /// A post's text as the author wrote it.
    ///
    /// X escapes exactly `&`, `<` and `>` in tweet text (`&amp;`, `&lt;`, `&gt;`) in both API versions.
    /// Undoing that once restores what was typed (a literal `&amp;` arrives as `&amp;amp;`) and keeps the
    /// report renderers, which escape for themselves, from showing `&amp;` to readers.
    static func text(_ value: JSONValue?) -> String? {
        guard let value, value.kind == .string else { return nil }
        let hasAmpersand =
            value.withStringBytes { bytes in bytes.contains(UInt8(ascii: "&")) } ?? false
        guard let raw = value.string else { return nil }
        return hasAmpersand ? unescapeEntities(raw) : raw
    }

    /// Replaces `&amp;`, `&lt;` and `&gt;`; any other `&` sequence is left as it is.
    static func unescapeEntities(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func matches(_ word: StaticString, at i: Int) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            for k in 0..<count where bytes[i + k] != word.utf8Start[k] { return false }
            return true
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "&") {
                if matches("&amp;", at: i) {
                    out.append(UInt8(ascii: "&"))
                    i += 5
                    continue
                } else if matches("&lt;", at: i) {
                    out.append(UInt8(ascii: "<"))
                    i += 4
                    continue
                } else if matches("&gt;", at: i) {
                    out.append(UInt8(ascii: ">"))
                    i += 4
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The language code, or nil for X's "undetermined" (`und`) and empty values.
    static func language(_ value: JSONValue?) -> String? {
        guard let code = value?.nonEmptyString, code != "und" else { return nil }
        return code
    }

    /// The media kind for X's media `type` (`photo`, `video`, `animated_gif`); nil for anything else.
    static func mediaKind(_ value: JSONValue?) -> Media.Kind? {
        guard let value else { return nil }
        return value.withStringBytes { bytes -> Media.Kind? in
            let key = JSONKey(bytes: bytes)
            if key == "photo" { return .photo }
            if key == "video" { return .video }
            if key == "animated_gif" { return .gif }
            return nil
        } ?? nil
    }
}
