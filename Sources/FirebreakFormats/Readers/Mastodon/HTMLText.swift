/// Plain text and anchors read out of a fragment of HTML, such as a Mastodon status's `content`.
///
/// This is a small tag stripper, not a browser: it never resolves, fetches or runs anything. Tags are
/// dropped, `<br>` and `<li>` become line breaks, paragraphs and other blocks become blank-line
/// separations, character references are decoded, and runs of source white space collapse to one space
/// as a browser would show them. The contents of `<script>` and `<style>` (which Mastodon's sanitiser
/// removes anyway) are dropped as code, not prose, and so are elements marked `quote-inline`: Mastodon
/// 4.5 puts the "RE: link" fallback of a quote post there for old clients to show.
struct HTMLText {
    /// One `<a>` element: where it points and how it is classed.
    struct Anchor: Hashable {
        /// The decoded `href`, as written (not resolved).
        var href: String
        /// The space-separated `class` names.
        var classes: [String]
        /// The space-separated `rel` values.
        var rel: [String]
    }

    /// The visible text.
    private(set) var text: String
    /// The anchors in document order, outside skipped elements.
    private(set) var anchors: [Anchor]

    /// Converts `html` to text.
    init(html: String) {
        var builder = Builder()
        builder.run(Array(html.utf8))
        text = builder.finish()
        anchors = builder.anchors
    }

    /// The text of `html`, without the anchors.
    static func plainText(_ html: String) -> String { HTMLText(html: html).text }

    /// Decodes character references (`&amp;`, `&#39;`, `&#x1F600;`, common named ones) in `text`.
    static func decodeEntities(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let (decoded, length) = reference(bytes, at: i) {
                out.append(contentsOf: decoded.utf8)
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The named references recognised; anything else is left as written.
    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "shy": "", "zwj": "\u{200D}", "zwnj": "\u{200C}", "hellip": "…", "mdash": "—",
        "ndash": "–", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "middot": "·", "bull": "•", "copy": "©",
        "reg": "®", "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "deg": "°",
        "times": "×", "divide": "÷", "plusmn": "±", "para": "¶", "sect": "§", "dagger": "†", "iexcl": "¡",
        "iquest": "¿", "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à",
        "acirc": "â", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü",
        "szlig": "ß", "ntilde": "ñ", "ccedil": "ç", "iacute": "í", "oacute": "ó", "uacute": "ú",
    ]

    /// Decodes the reference starting at `bytes[start]` (an `&`); nil when it is not a complete reference.
    static func reference(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        var i = start + 1
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < bytes.count && (bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X"))
            if hex { i += 1 }
            var value: UInt32 = 0
            let digitsStart = i
            while i < bytes.count, i - digitsStart < 8 {
                let c = bytes[i]
                let digit: UInt32?
                if hex {
                    digit = JSONValue.hexValue(c)
                } else {
                    digit = c >= 0x30 && c <= 0x39 ? UInt32(c - 0x30) : nil
                }
                guard let d = digit else { break }
                value = value * (hex ? 16 : 10) + d
                i += 1
            }
            guard i > digitsStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") else { return nil }
            // NUL, surrogates and out-of-range code points are not characters; show the replacement.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), i + 1 - start)
        }
        let nameStart = i
        while i < bytes.count, i - nameStart <= 10, isASCIIAlphanumeric(bytes[i]) { i += 1 }
        guard i > nameStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        guard let decoded = namedEntities[name] else { return nil }
        return (decoded, i + 1 - start)
    }

    static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// Walks the bytes once, writing text and collecting anchors.
    private struct Builder {
        var out: [UInt8] = []
        var anchors: [Anchor] = []
        /// A line break or paragraph break is owed before the next text: 0 none, 1 line, 2 paragraph.
        var pendingBreak = 0
        var pendingSpace = false
        /// While inside a dropped element: its tag name and how many same-named elements are open in it.
        var skipping: (name: String, depth: Int)?

        static let voidElements: Set<String> = [
            "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr",
        ]
        static let blockElements: Set<String> = [
            "p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
            "section", "article", "header", "footer", "figure",
        ]

        mutating func run(_ bytes: [UInt8]) {
            var i = 0
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "<"), let end = markupEnd(bytes, from: i) {
                    handleMarkup(bytes, i, end)
                    i = end
                    continue
                }
                if skipping != nil {
                    i += 1
                    continue
                }
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                    pendingSpace = true
                    i += 1
                    continue
                }
                if c == UInt8(ascii: "&"), let (decoded, length) = HTMLText.reference(bytes, at: i) {
                    emit(Array(decoded.utf8))
                    i += length
                    continue
                }
                // Copy a run of ordinary bytes at once.
                var j = i + 1
                while j < bytes.count {
                    let d = bytes[j]
                    if d == UInt8(ascii: "<") || d == UInt8(ascii: "&") || d == 0x20 || d == 0x09 || d == 0x0A
                        || d == 0x0D || d == 0x0C
                    {
                        break
                    }
                    j += 1
                }
                emit(Array(bytes[i..<j]))
                i = j
            }
        }

        /// Where the markup starting at `start` ends (exclusive), or nil when `<` is just a character.
        func markupEnd(_ bytes: [UInt8], from start: Int) -> Int? {
            let next = start + 1
            guard next < bytes.count else { return nil }
            let n = bytes[next]
            if n == UInt8(ascii: "!") {
                if bytes[next...].starts(with: Array("!--".utf8)) {
                    // A comment runs to "-->" (or to the end of the input).
                    var i = next + 3
                    while i + 2 < bytes.count {
                        if bytes[i] == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-") && bytes[i + 2] == UInt8(ascii: ">") {
                            return i + 3
                        }
                        i += 1
                    }
                    return bytes.count
                }
                return bytes[next...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
            }
            let isLetter = (n >= 0x41 && n <= 0x5A) || (n >= 0x61 && n <= 0x7A)
            guard isLetter || n == UInt8(ascii: "/") || n == UInt8(ascii: "?") else { return nil }
            // Find the closing '>' outside quoted attribute values.
            var quote: UInt8? = nil
            var i = next
            while i < bytes.count {
                let c = bytes[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    return i + 1
                }
                i += 1
            }
            return bytes.count  // an unclosed tag swallows the rest, as browsers do
        }

        mutating func handleMarkup(_ bytes: [UInt8], _ start: Int, _ end: Int) {
            guard bytes[start + 1] != UInt8(ascii: "!"), bytes[start + 1] != UInt8(ascii: "?") else { return }
            let closing = bytes[start + 1] == UInt8(ascii: "/")
            var i = start + (closing ? 2 : 1)
            let nameStart = i
            while i < end, HTMLText.isASCIIAlphanumeric(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
            guard !name.isEmpty else { return }
            let attributes = closing ? [:] : Self.attributes(bytes, from: i, to: end)
            let selfClosing = end >= 2 && bytes[end - 2] == UInt8(ascii: "/")

            if var skip = skipping {
                if name == skip.name {
                    if closing {
                        skip.depth -= 1
                    } else if !selfClosing {
                        skip.depth += 1
                    }
                    skipping = skip.depth == 0 ? nil : skip
                }
                return
            }
            if !closing {
                let classes = Self.words(attributes["class"])
                let dropped = name == "script" || name == "style" || name == "template" || classes.contains("quote-inline")
                if dropped && !selfClosing && !Self.voidElements.contains(name) {
                    skipping = (name, 1)
                    return
                }
            }
            switch name {
            case "br":
                // Two breaks in a row are a blank line, which is how Mastodon writes one.
                pendingBreak = min(pendingBreak + 1, 2)
            case "li":
                pendingBreak = max(pendingBreak, 1)
            case _ where Self.blockElements.contains(name):
                pendingBreak = 2
            case "a" where !closing:
                if let href = attributes["href"] {
                    anchors.append(Anchor(href: href, classes: Self.words(attributes["class"]), rel: Self.words(attributes["rel"])))
                }
            default:
                break
            }
        }

        /// Space-separated words of an attribute value.
        static func words(_ value: String?) -> [String] {
            guard let value else { return [] }
            return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        }

        /// The attributes of a start tag, names lowercased, values with references decoded.
        static func attributes(_ bytes: [UInt8], from start: Int, to end: Int) -> [String: String] {
            var result: [String: String] = [:]
            var i = start
            func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
            while i < end {
                while i < end, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
                let nameStart = i
                while i < end, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                    bytes[i] != UInt8(ascii: "/")
                {
                    i += 1
                }
                guard i > nameStart else {
                    i += 1
                    continue
                }
                let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
                while i < end, isSpace(bytes[i]) { i += 1 }
                var value = ""
                if i < end, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < end, isSpace(bytes[i]) { i += 1 }
                    if i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        i += 1
                        let valueStart = i
                        while i < end, bytes[i] != quote { i += 1 }
                        value = String(decoding: bytes[valueStart..<min(i, end)], as: UTF8.self)
                        i += 1
                    } else {
                        let valueStart = i
                        while i < end, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                        value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                    }
                }
                // The first occurrence wins, as in HTML.
                if result[name] == nil { result[name] = HTMLText.decodeEntities(value) }
            }
            return result
        }

        mutating func emit(_ piece: [UInt8]) {
            guard !piece.isEmpty else { return }
            if !out.isEmpty {
                if pendingBreak > 0 {
                    out.append(contentsOf: pendingBreak == 2 ? [0x0A, 0x0A] : [0x0A])
                } else if pendingSpace, out.last != 0x0A {
                    out.append(0x20)
                }
            }
            pendingBreak = 0
            pendingSpace = false
            out.append(contentsOf: piece)
        }

        func finish() -> String { String(decoding: out, as: UTF8.self) }
    }
}
