/// Escaping for Markdown output (CommonMark and GitHub-flavoured): an untrusted string becomes literal text that
/// cannot open a link, an image, emphasis, code, a table cell or raw HTML.
public enum MarkdownEscaping {
    /// Characters with inline meaning in CommonMark or GFM: emphasis, code, link and image brackets (with `[`
    /// escaped, `!` and `(` cannot start anything), table pipes, strikethrough, GitHub's `$` math, and the
    /// backslash itself.
    private static let inlineActive: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "~", "$"]

    /// An untrusted string as one line of literal text (line breaks become spaces): bounded, bidi and control
    /// characters made visible, Markdown punctuation backslash-escaped, `& < >` written as entities so no raw
    /// HTML can open.
    ///
    /// Line-start syntax (`#`, `-`, `1.`, ...) is escaped too, because the renderers place these strings at the
    /// start of paragraphs and list items as well as inside table cells, where the escape is harmless.
    public static func inline(_ text: String, limit: TextLimit = .line) -> String {
        let neutral = UntrustedText.neutralised(text, limit: limit)
        return escapeLine(neutral.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " "), atLineStart: true)
    }

    /// An untrusted multi-line string as a block quote, line breaks kept as hard breaks.
    public static func blockquote(_ text: String, limit: TextLimit = .text) -> String {
        let neutral = UntrustedText.neutralised(text, limit: limit)
        let lines = neutral.split(separator: "\n", omittingEmptySubsequences: false).map {
            escapeLine(String($0), atLineStart: true)
        }
        // A trailing backslash is CommonMark's hard line break; an empty quoted line separates paragraphs.
        var out = ""
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            let nextIsEmpty = !isLast && lines[index + 1].isEmpty
            out += line.isEmpty ? ">" : "> " + line
            if !isLast { out += line.isEmpty || nextIsEmpty ? "\n" : "\\\n" }
        }
        return out
    }

    /// Escapes one line; at the start of a line also the characters that open headings, lists, quotes,
    /// thematic breaks and setext underlines.
    static func escapeLine(_ line: String, atLineStart: Bool) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count + 8)
        var scalars = Substring(line).unicodeScalars[...]
        if atLineStart {
            // Four leading spaces would open a code block; an entity is decoded only after block structure is settled.
            while let first = scalars.first, first == " " {
                out += "&#32;"
                scalars = scalars.dropFirst()
            }
            if let first = scalars.first {
                if ["#", "+", "-", "=", ">"].contains(first) {
                    out += first == ">" ? "&gt;" : "\\" + String(first)
                    scalars = scalars.dropFirst()
                } else if first.properties.numericType != nil, first.isASCII {
                    // "1. " or "1) " opens an ordered list: escape the delimiter after the leading digits.
                    let digits = scalars.prefix { $0.isASCII && $0.properties.numericType != nil }
                    let rest = scalars.dropFirst(digits.count)
                    if let delimiter = rest.first, delimiter == "." || delimiter == ")" {
                        out += digits.map { String($0) }.joined() + "\\" + String(delimiter)
                        scalars = rest.dropFirst()
                    }
                }
            }
        }
        for scalar in scalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default:
                if inlineActive.contains(scalar) { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
