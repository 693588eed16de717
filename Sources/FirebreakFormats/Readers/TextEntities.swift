/// Hashtags, mentions and links found in a post's text, for records that do not list them (CSV, plain text).
///
/// The rules follow what people see as entities on the platforms: a hashtag is `#` (or the full-width
/// `＃`) after a non-word character, followed by letters, digits, marks or `_` and holding at least one
/// non-digit (`#1` is a number, not a tag); a mention is `@` after a non-word character followed by a
/// handle, which may carry dots (`@name.bsky.social`) or an instance (`@user@mastodon.social`); a link
/// starts with `http://` or `https://` and runs to white space, with trailing punctuation left out.
/// Nothing inside a link counts as a hashtag or mention. Each entity is listed once, in order of
/// first appearance.
public struct TextEntities: Sendable, Hashable {
    /// Hashtags with their `#` (the full-width sign is normalised to `#`).
    public private(set) var hashtags: [String] = []
    /// Mentioned handles without `@`.
    public private(set) var mentions: [String] = []
    /// Link URLs as written.
    public private(set) var links: [String] = []

    /// Extracts the entities of `text`.
    public init(text: String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var seenTags = Set<String>()
        var seenMentions = Set<String>()
        var seenLinks = Set<String>()
        while i < scalars.count {
            let c = scalars[i]
            let boundary = i == 0 || !Self.isWord(scalars[i - 1])
            if boundary, c == "h" || c == "H", let end = Self.linkEnd(scalars, from: i) {
                let link = String(String.UnicodeScalarView(scalars[i..<end]))
                if seenLinks.insert(link).inserted { links.append(link) }
                i = end
                continue
            }
            if boundary, c == "#" || c == "＃", i == 0 || scalars[i - 1] != "&" {
                var j = i + 1
                var hasNonDigit = false
                while j < scalars.count, Self.isWord(scalars[j]) {
                    if !("0"..."9").contains(scalars[j]) { hasNonDigit = true }
                    j += 1
                }
                if j > i + 1, hasNonDigit {
                    let tag = "#" + String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
                    if seenTags.insert(tag).inserted { hashtags.append(tag) }
                    i = j
                    continue
                }
            }
            if boundary, c == "@" || c == "＠" {
                if let end = Self.handleEnd(scalars, from: i + 1) {
                    let handle = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
                    if seenMentions.insert(handle).inserted { mentions.append(handle) }
                    i = end
                    continue
                }
            }
            i += 1
        }
    }

    /// Letters, digits, combining marks and `_`: what hashtags are made of.
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        let p = c.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
        default: return false
        }
    }

    static func isHandleCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (isWord(c) || c == "-")
    }

    /// The end of a handle starting at `start`: name, then `.part`s and one `@instance`; nil when empty.
    static func handleEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i < s.count, isHandleCharacter(s[i]) { i += 1 }
        guard i > start else { return nil }
        var sawInstance = false
        while i + 1 < s.count, s[i] == "." || (s[i] == "@" && !sawInstance), isHandleCharacter(s[i + 1]) {
            if s[i] == "@" { sawInstance = true }
            i += 1
            while i < s.count, isHandleCharacter(s[i]) { i += 1 }
        }
        return i
    }

    /// The end of an `http(s)://` link starting at `start`, without trailing punctuation; nil when none starts there.
    static func linkEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        func matches(_ prefix: String) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard start + p.count <= s.count else { return false }
            for k in 0..<p.count where Character(s[start + k]).lowercased() != String(p[k]) { return false }
            return true
        }
        let schemeLength: Int
        if matches("https://") {
            schemeLength = 8
        } else if matches("http://") {
            schemeLength = 7
        } else {
            return nil
        }
        var i = start + schemeLength
        while i < s.count, !s[i].properties.isWhitespace, s[i] != "<", s[i] != ">", s[i] != "\"" { i += 1 }
        // Sentence punctuation after a link is not part of it; a closing bracket is only when unbalanced.
        while i > start + schemeLength {
            let last = s[i - 1]
            if ".,;:!?'…".unicodeScalars.contains(last) {
                i -= 1
            } else if last == ")" || last == "]" {
                let open: Unicode.Scalar = last == ")" ? "(" : "["
                let opens = s[start..<i].filter { $0 == open }.count
                let closes = s[start..<i].filter { $0 == last }.count
                if closes > opens { i -= 1 } else { break }
            } else {
                break
            }
        }
        return i > start + schemeLength ? i : nil
    }
}
