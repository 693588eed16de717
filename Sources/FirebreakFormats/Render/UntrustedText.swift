/// Makes strings that came from posts or input files safe to show to a person: bounded, with the characters
/// that can disguise text (bidi overrides, controls) replaced by visible `[U+XXXX]` markers.
///
/// This is format-neutral; HTML and Markdown escaping are applied on top of it.
enum UntrustedText {
    /// The mark that tells the reader a string was cut.
    static let ellipsis = "…"

    /// Truncates to `limit` without splitting a grapheme cluster, and replaces disguising characters.
    static func neutralised(_ text: String, limit: TextLimit) -> String {
        var result = ""
        var graphemes = 0
        var bytes = 0
        for character in text {
            let piece = neutralised(character)
            let size = piece.utf8.count
            if graphemes + 1 > limit.graphemes || bytes + size > limit.bytes {
                // The ellipsis itself is allowed to exceed the limit by its few bytes: a visible cut beats a silent one.
                return result + ellipsis
            }
            result += piece
            graphemes += 1
            bytes += size
        }
        return result
    }

    /// One cluster with its disguising scalars made visible; an ordinary cluster comes back unchanged.
    private static func neutralised(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard scalars.contains(where: isDisguising) else { return String(character) }
        var out = ""
        for scalar in scalars {
            switch scalar.value {
            case 0x0A, 0x09: out.unicodeScalars.append(scalar)
            case 0x0D, 0x2028, 0x2029: out += "\n"  // line breaks stay line breaks, in one spelling
            default: out += isDisguising(scalar) ? marker(scalar) : String(scalar)
            }
        }
        // "\r\n" is one cluster that would otherwise become two line breaks.
        return character == "\r\n" ? "\n" : out
    }

    /// Bidi embeddings, overrides, isolates and marks (they reorder what follows and can make `exe.txt` read
    /// `txt.exe`), C0 and C1 controls other than tab and line feed, line and paragraph separators, and the
    /// interlinear annotation characters.
    static func isDisguising(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029, 0xFFF9...0xFFFB: true
        case 0xFFFE, 0xFFFF: true  // noncharacters that XML (and so inline SVG) forbids
        default: false
        }
    }

    /// `[U+202E]`.
    static func marker(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
    }
}
