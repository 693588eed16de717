import Firebreak

extension FlattenedV2Encoder {
    /// Where a post's hashtags, mentions and links sit in its text, in Unicode code points as X API v2 counts them.
    ///
    /// The entities are located from what the `Post` says (its hashtags, mentions and links), not invented
    /// from the text, so the archive says no more than the model does.
    struct Entities {
        struct Span {
            var start: Int
            var end: Int
            /// The entity as written in the text, without its `#` or `@`.
            var body: String
        }

        struct Link {
            var start: Int
            var end: Int
            var url: String
            var expanded: String
        }

        var hashtags: [Span] = []
        var mentions: [Span] = []
        var links: [Link] = []

        var isEmpty: Bool { hashtags.isEmpty && mentions.isEmpty && links.isEmpty }

        init(text: String, hashtags: [String], mentions: [String], links: [String]) {
            let scalars = Array(text.unicodeScalars)
            var used: [Range<Int>] = []
            for tag in hashtags {
                let body = tag.hasPrefix("#") || tag.hasPrefix("＃") ? String(tag.unicodeScalars.dropFirst()) : tag
                if let span = Self.locate(sigil: "#", body: body, in: scalars, avoiding: &used) { self.hashtags.append(span) }
            }
            for handle in mentions {
                let body = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
                if let span = Self.locate(sigil: "@", body: body, in: scalars, avoiding: &used) { self.mentions.append(span) }
            }
            self.hashtags.sort { $0.start < $1.start }
            self.mentions.sort { $0.start < $1.start }
            // Links in the text pair up in order with the post's expanded links; a link the post does not
            // expand stands for itself.
            for (index, range) in Self.urlRanges(in: scalars).enumerated() {
                let url = String(String.UnicodeScalarView(scalars[range]))
                self.links.append(
                    Link(start: range.lowerBound, end: range.upperBound, url: url, expanded: index < links.count ? links[index] : url)
                )
            }
        }

        /// Finds `sigil + body` (ASCII case-insensitively) as a whole token not already claimed.
        private static func locate(
            sigil: Unicode.Scalar, body: String, in scalars: [Unicode.Scalar], avoiding used: inout [Range<Int>]
        ) -> Span? {
            let needle = Array(body.unicodeScalars)
            guard !needle.isEmpty, scalars.count > needle.count else { return nil }
            var start = 0
            while start + needle.count < scalars.count {
                defer { start += 1 }
                let s = scalars[start]
                guard s == sigil || (sigil == "#" && s == "＃") else { continue }
                if start > 0, isWord(scalars[start - 1]) { continue }
                let end = start + 1 + needle.count
                var matches = true
                for offset in 0..<needle.count where !sameLetter(scalars[start + 1 + offset], needle[offset]) {
                    matches = false
                    break
                }
                guard matches, end == scalars.count || !isWord(scalars[end]) else { continue }
                let range = start..<end
                guard !used.contains(where: { $0.overlaps(range) }) else { continue }
                used.append(range)
                return Span(start: start, end: end, body: String(String.UnicodeScalarView(scalars[(start + 1)..<end])))
            }
            return nil
        }

        private static func urlRanges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            let prefixes: [[Unicode.Scalar]] = [Array("https://".unicodeScalars), Array("http://".unicodeScalars)]
            var index = 0
            while index < scalars.count {
                let atBoundary = index == 0 || isSpace(scalars[index - 1]) || scalars[index - 1] == "("
                if atBoundary, let prefix = prefixes.first(where: { hasPrefix($0, in: scalars, at: index) }) {
                    var end = index + prefix.count
                    while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
                    // Sentence punctuation after a link is not part of it.
                    while end > index + prefix.count, ".,;:!?)\"'".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
                    if end > index + prefix.count { ranges.append(index..<end) }
                    index = end
                } else {
                    index += 1
                }
            }
            return ranges
        }

        private static func hasPrefix(_ prefix: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
            guard index + prefix.count <= scalars.count else { return false }
            for offset in 0..<prefix.count where !sameLetter(scalars[index + offset], prefix[offset]) { return false }
            return true
        }

        /// Whitespace, with an ASCII fast path: the Unicode property lookup is slow and this runs per character.
        private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
            return scalar.properties.isWhitespace
        }

        private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }

        private static func sameLetter(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
            if a == b { return true }
            guard a.isASCII, b.isASCII else { return false }
            return a.value | 0x20 == b.value | 0x20 && a.properties.isAlphabetic
        }

        /// The display form X gives a link: no scheme, cut at 26 characters with an ellipsis.
        static func displayURL(_ expanded: String) -> String {
            var display = Substring(expanded)
            for scheme in ["https://", "http://"] where display.lowercased().hasPrefix(scheme) {
                display = display.dropFirst(scheme.count)
                break
            }
            let scalars = display.unicodeScalars
            guard scalars.count > 26 else { return String(display) }
            return String(String.UnicodeScalarView(scalars.prefix(26))) + "…"
        }
    }
}
