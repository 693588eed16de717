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
        if value.entry.escaped {
            guard let decoded = value.string else { return nil }
            return decoded.utf8.contains(UInt8(ascii: "&")) ? unescapeEntities(Array(decoded.utf8)) : decoded
        }
        // Straight from the record's bytes: one String made, whether or not there are entities.
        return value.withStringBytes { bytes in
            bytes.contains(UInt8(ascii: "&")) ? unescapeEntities(bytes) : String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Replaces `&amp;`, `&lt;` and `&gt;` in UTF-8 bytes; any other `&` sequence is left as it is.
    static func unescapeEntities<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> String
    where Bytes.Index == Int {
        // The result is never longer than the input, so it is written straight into the string's storage.
        String(unsafeUninitializedCapacity: max(bytes.count, 1)) { out in
            var i = bytes.startIndex
            var n = 0
            let end = bytes.endIndex
            @inline(__always) func matches(_ word: StaticString, at i: Int) -> Bool {
                let count = word.utf8CodeUnitCount
                guard i + count <= end else { return false }
                for k in 1..<count where bytes[i + k] != word.utf8Start[k] { return false }
                return true
            }
            while i < end {
                var c = bytes[i]
                var width = 1
                if c == UInt8(ascii: "&") {
                    if matches("&amp;", at: i) {
                        width = 5
                    } else if matches("&lt;", at: i) {
                        c = UInt8(ascii: "<")
                        width = 4
                    } else if matches("&gt;", at: i) {
                        c = UInt8(ascii: ">")
                        width = 4
                    }
                }
                out[n] = c
                n += 1
                i += width
            }
            return n
        }
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
