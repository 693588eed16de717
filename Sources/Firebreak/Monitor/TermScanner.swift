/// Splits post text into lowercased word terms over its UTF-8 bytes, without making a String per word.
///
/// Words are runs of ASCII letters and digits, apostrophes inside words, and any non-ASCII bytes (other
/// scripts); a leading `#` is kept. Links (`http...`) and mentions (`@...`) are skipped whole. O(bytes).
struct TermScanner {
    /// One word: its FNV-1a hash over lowercased bytes, and where it lies in the scanner's buffer.
    struct Word {
        var hash: UInt64
        var start: Int
        var end: Int
    }

    /// Lowercased bytes of every word found, back to back.
    private(set) var buffer: [UInt8] = []
    /// The words of the last scan, in order.
    private(set) var words: [Word] = []

    /// Scans a text, replacing the previous result.
    mutating func scan(_ text: String) {
        buffer.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        // Room for the whole text at once: growing the arrays as words come cost more than the scan itself.
        buffer.reserveCapacity(text.utf8.count)
        words.reserveCapacity(text.utf8.count / 4 + 1)
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                if Self.isSpace(c) {
                    i += 1
                    continue
                }
                // Skip mentions and links whole.
                if c == UInt8(ascii: "@") || Self.startsLink(bytes, i) {
                    while i < n, !Self.isSpace(bytes[i]) { i += 1 }
                    continue
                }
                if Self.isWordByte(c) || (c == UInt8(ascii: "#") && i + 1 < n && Self.isWordByte(bytes[i + 1])) {
                    let start = buffer.count
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                    var j = i
                    while j < n {
                        var b = bytes[j]
                        let inside = Self.isWordByte(b) || (j == i && b == UInt8(ascii: "#"))
                            || (b == UInt8(ascii: "'") && j > i && j + 1 < n && Self.isWordByte(bytes[j + 1]))
                        guard inside else { break }
                        if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                        buffer.append(b)
                        hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
                        j += 1
                    }
                    words.append(Word(hash: hash, start: start, end: buffer.count))
                    i = j
                    continue
                }
                i += 1
            }
        }
    }

    /// The text of a word (lowercased).
    func text(of word: Word) -> String { String(decoding: buffer[word.start..<word.end], as: UTF8.self) }

    /// Whether a word is only digits.
    func isNumber(_ word: Word) -> Bool { buffer[word.start..<word.end].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// The FNV-1a hash of a lowercased string, matching the hashes of scanned words.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for var b in text.utf8 {
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return hash
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c >= 0x80
    }

    @inline(__always) static func startsLink(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i + 4 <= b.count && (b[i] | 0x20) == UInt8(ascii: "h") && (b[i + 1] | 0x20) == UInt8(ascii: "t")
            && (b[i + 2] | 0x20) == UInt8(ascii: "t") && (b[i + 3] | 0x20) == UInt8(ascii: "p")
            && (i + 4 == b.count || b[i + 4] == UInt8(ascii: ":") || (b[i + 4] | 0x20) == UInt8(ascii: "s"))
    }
}
