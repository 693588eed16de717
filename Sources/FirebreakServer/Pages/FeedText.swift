/// Text for the gallery's feeds, which leave the desk for readers we do not control.
enum FeedText {
    /// Whether XML 1.0 allows the scalar at all (`Char` production); anything else makes the document ill-formed.
    static func allowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Bidi embeddings, overrides, isolates and marks: they can reorder a reader's display around the post.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The text with characters XML forbids removed and bidi controls shown as `[U+202E]`, cut to `limit` characters.
    static func clean(_ text: String, limit: Int = 4000) -> String {
        var out = String.UnicodeScalarView()
        var characters = 0
        for character in text {
            if characters >= limit {
                return String(out) + "…"
            }
            for scalar in character.unicodeScalars {
                if isBidiControl(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out.append(contentsOf: ("[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]").unicodeScalars)
                } else if allowedInXML(scalar) {
                    out.append(scalar)
                }
            }
            characters += 1
        }
        return String(out)
    }

    /// `clean` and then escaped for XML element content and quoted attribute values.
    static func xml(_ text: String, limit: Int = 4000) -> String {
        var out = ""
        for scalar in clean(text, limit: limit).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"  // kept as a character reference so parsers do not normalise it away
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
