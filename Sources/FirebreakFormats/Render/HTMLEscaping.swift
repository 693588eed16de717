/// Escaping for HTML and SVG output: every string that came from a post or an input file goes through here.
///
/// The rule the renderers follow: untrusted strings only ever land in element content or in quoted attribute
/// values that are not URLs (`title`, `datetime` is always ours), never in `href`, `src`, `style` or event
/// attributes. Escaping `& < > " '` makes them inert in both places.
public enum HTMLEscaping {
    /// Escapes `& < > " '` so the string is text in element content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An untrusted string as inert, bounded text: cut to `limit` (whole clusters, visible ellipsis), bidi and
    /// control characters shown as `[U+XXXX]`, escaped, and isolated in `<bdi>` so right-to-left text cannot
    /// reorder the report around it.
    public static func untrusted(_ text: String, limit: TextLimit = .line) -> String {
        "<bdi>" + escape(UntrustedText.neutralised(text, limit: limit)) + "</bdi>"
    }

    /// An untrusted string for a quoted attribute value (such as `title`) where `<bdi>` cannot go.
    public static func untrustedAttribute(_ text: String, limit: TextLimit = .line) -> String {
        escape(UntrustedText.neutralised(text, limit: limit))
    }
}
