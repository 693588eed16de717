/// Character classes the tokenizer needs, decided on raw scalar values so the ASCII path never touches
/// Unicode property tables.
enum ScalarClass {
    static func isSpace(_ c: UInt32) -> Bool {
        switch c {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static func isASCIILetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Letters and combining marks of any script.
    static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIILetter(c) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return c != 0x20E3 && c != 0xFE0F
        default: return false
        }
    }

    static func isDigit(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIIDigit(c) }
        return Unicode.Scalar(c)?.properties.numericType == .decimal
    }

    /// Letters, digits and underscore: what a hashtag or a word is made of.
    static func isWordScalar(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIILetter(c) || isASCIIDigit(c) }
        return isLetter(c) || isDigit(c)
    }

    /// Scripts written without spaces; a change into or out of them ends a word.
    static func isCJK(_ c: UInt32) -> Bool {
        switch c {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    static func isUpper(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x41 && c <= 0x5A }
        return Unicode.Scalar(c)?.properties.isUppercase ?? false
    }

    static func isLower(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x61 && c <= 0x7A }
        return Unicode.Scalar(c)?.properties.isLowercase ?? false
    }

    /// Simple lower-case folding. Latin-1, Greek, Cyrillic and full-width Latin are folded arithmetically;
    /// other cased letters go through the Unicode tables (rare in practice, so the allocation there is off the
    /// hot path).
    static func lower(_ c: UInt32) -> UInt32 {
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) ? c + 32 : c }
        switch c {
        case 0xC0...0xDE where c != 0xD7: return c + 32
        case 0x391...0x3A9 where c != 0x3A2: return c + 32
        case 0x410...0x42F: return c + 32
        case 0x400...0x40F: return c + 0x50
        case 0xFF21...0xFF3A: return c + 32
        default: break
        }
        guard let scalar = Unicode.Scalar(c), scalar.properties.changesWhenLowercased else { return c }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : c
    }

    /// Whether an emoji starts here. Text-default symbols (☺, ©) count only when followed by VS16,
    /// except in the dingbat and miscellaneous-symbol blocks where they are nearly always meant as emoji.
    static func isEmojiStart(_ c: UInt32, next: UInt32) -> Bool {
        if c < 0x80 { return false }
        if c >= 0x1F000 && c <= 0x1FAFF { return true }
        guard let scalar = Unicode.Scalar(c) else { return false }
        let properties = scalar.properties
        guard properties.isEmoji else { return false }
        if properties.isEmojiPresentation || next == 0xFE0F { return true }
        return (0x2600...0x27BF).contains(c) || (0x2B00...0x2BFF).contains(c)
    }

    /// Scalars that extend an emoji into one grapheme: variation selectors, skin tones, keycap, tags.
    static func isEmojiExtender(_ c: UInt32) -> Bool {
        c == 0xFE0F || c == 0xFE0E || (0x1F3FB...0x1F3FF).contains(c) || c == 0x20E3 || (0xE0020...0xE007F).contains(c)
    }

    static func isRegionalIndicator(_ c: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(c) }

    /// Punctuation that ends a negation scope.
    static func endsClause(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"),
            UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }
}
