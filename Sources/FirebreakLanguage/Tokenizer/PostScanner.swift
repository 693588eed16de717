/// One pass over one post's bytes.
struct PostScanner {
    let input: UnsafeBufferPointer<UInt8>
    let out: UnsafeMutablePointer<UInt8>
    let negatorHashes: [UInt64]
    var position = 0
    var written = 0
    var negationScope = false

    init(input: UnsafeBufferPointer<UInt8>, out: UnsafeMutablePointer<UInt8>, negatorHashes: [UInt64]) {
        self.input = input
        self.out = out
        self.negatorHashes = negatorHashes
    }

    @inline(__always)
    mutating func put(byte: UInt8) {
        out[written] = byte
        written += 1
    }

    mutating func put(scalar value: UInt32) {
        if value < 0x80 {
            put(byte: UInt8(value))
        } else if value < 0x800 {
            put(byte: UInt8(0xC0 | (value >> 6)))
            put(byte: UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            put(byte: UInt8(0xE0 | (value >> 12)))
            put(byte: UInt8(0x80 | ((value >> 6) & 0x3F)))
            put(byte: UInt8(0x80 | (value & 0x3F)))
        } else {
            put(byte: UInt8(0xF0 | (value >> 18)))
            put(byte: UInt8(0x80 | ((value >> 12) & 0x3F)))
            put(byte: UInt8(0x80 | ((value >> 6) & 0x3F)))
            put(byte: UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// FNV-1a (namespace 0) of written bytes: the token's `hash`.
    func hash(start: Int, length: Int) -> UInt64 {
        StableHash.fnv1a(UnsafeBufferPointer(start: out + start, count: length), namespace: 0)
    }

    /// Appends a token with its hash.
    func emit(_ token: Token, _ buffer: inout TokenBuffer) {
        var token = token
        token.hash = hash(start: Int(token.start), length: Int(token.length))
        buffer.appendHashed(token)
    }

    /// Sets a token's length after its bytes were written (hashtags) and rehashes it.
    func setLength(_ length: Int, at index: Int, _ buffer: inout TokenBuffer) {
        buffer.setHashedLength(length, hash: hash(start: Int(buffer.tokens[index].start), length: length), at: index)
    }

    /// Decodes the scalar at `index` (the input is valid UTF-8 because it came from a String).
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        guard index < input.count else { return (0, 0) }
        let b0 = UInt32(input[index])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, index + 1 < input.count {
            return (((b0 & 0x1F) << 6) | (UInt32(input[index + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0, index + 2 < input.count {
            return (((b0 & 0x0F) << 12) | ((UInt32(input[index + 1]) & 0x3F) << 6) | (UInt32(input[index + 2]) & 0x3F), 3)
        }
        if index + 3 < input.count {
            let value =
                ((b0 & 0x07) << 18) | ((UInt32(input[index + 1]) & 0x3F) << 12)
                | ((UInt32(input[index + 2]) & 0x3F) << 6) | (UInt32(input[index + 3]) & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }

    func previousScalar(before index: Int) -> UInt32 {
        guard index > 0 else { return 0x20 }
        var start = index - 1
        while start > 0, input[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start).value
    }

    mutating func run(into buffer: inout TokenBuffer) {
        while position < input.count {
            let (c, length) = scalar(at: position)
            if ScalarClass.isSpace(c) {
                position += length
                continue
            }
            if scanURL(into: &buffer) { continue }
            if c == 0x40, scanMention(into: &buffer) { continue }
            if c == 0x23, scanHashtag(into: &buffer) { continue }
            if scanEmoticon(into: &buffer) { continue }
            let next = scalar(at: position + length).value
            if ScalarClass.isEmojiStart(c, next: next) || isKeycap(c, next: next) {
                scanEmoji(into: &buffer)
                continue
            }
            if ScalarClass.isWordScalar(c) {
                scanWord(into: &buffer)
                continue
            }
            if c == 0x26, scanEntity(into: &buffer) { continue }
            scanPunctuation(c, length: length, into: &buffer)
        }
    }

    // MARK: links, mentions, hashtags

    func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= input.count else { return false }
        let p = prefix.utf8Start
        for offset in 0..<count where input[index + offset] | 0x20 != p[offset] | 0x20 {
            return false
        }
        return true
    }

    mutating func scanURL(into buffer: inout TokenBuffer) -> Bool {
        let first = input[position] | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return false }
        guard hasPrefix("http://", at: position) || hasPrefix("https://", at: position) || hasPrefix("www.", at: position)
        else { return false }
        if position > 0, ScalarClass.isWordScalar(previousScalar(before: position)) { return false }
        var end = position
        var opened = 0
        var closed = 0
        while end < input.count {
            let (c, length) = scalar(at: end)
            if ScalarClass.isSpace(c) || c == 0x22 || c == 0x3C || c == 0x3E || c == 0x2026 { break }
            if c == 0x28 { opened += 1 }
            if c == 0x29 { closed += 1 }
            end += length
        }
        // Trailing punctuation belongs to the sentence, not the link; a closing parenthesis stays when the
        // link opened it (Wikipedia-style links).
        while end > position {
            let last = input[end - 1]
            switch last {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                end -= 1
                continue
            case UInt8(ascii: ")") where closed > opened:
                end -= 1
                closed -= 1
                continue
            default:
                break
            }
            break
        }
        let start = written
        for index in position..<end { put(byte: input[index]) }
        emit(Token(start: Int32(start), length: Int32(end - position), kind: .url), &buffer)
        position = end
        return true
    }

    mutating func scanMention(into buffer: inout TokenBuffer) -> Bool {
        if position > 0, ScalarClass.isWordScalar(previousScalar(before: position)) { return false }
        var end = position + 1
        while end < input.count, isHandleByte(input[end]) { end += 1 }
        guard end > position + 1 else { return false }
        // Mastodon handles carry their instance: @user@example.social.
        if end + 1 < input.count, input[end] == UInt8(ascii: "@"), isHandleByte(input[end + 1]) {
            var domainEnd = end + 1
            while domainEnd < input.count, isHandleByte(input[domainEnd]) || input[domainEnd] == UInt8(ascii: ".") {
                domainEnd += 1
            }
            while domainEnd > end, input[domainEnd - 1] == UInt8(ascii: ".") { domainEnd -= 1 }
            end = domainEnd
        }
        let start = written
        for index in position..<end { put(byte: UInt8(ScalarClass.lower(UInt32(input[index])))) }
        emit(Token(start: Int32(start), length: Int32(end - position), kind: .mention), &buffer)
        position = end
        return true
    }

    func isHandleByte(_ byte: UInt8) -> Bool {
        let c = UInt32(byte)
        return ScalarClass.isASCIILetter(c) || ScalarClass.isASCIIDigit(c) || byte == UInt8(ascii: "_")
    }

    /// A hashtag, then the words inside it: split at lower→upper, at the last capital of a run of capitals
    /// that is followed by lower case (NYPDNews → NYPD News), between letters and digits, and at `_`.
    mutating func scanHashtag(into buffer: inout TokenBuffer) -> Bool {
        if position > 0, ScalarClass.isWordScalar(previousScalar(before: position)) { return false }
        let (firstBody, _) = scalar(at: position + 1)
        guard ScalarClass.isWordScalar(firstBody) || firstBody == 0x5F else { return false }
        let tokenStart = written
        put(byte: UInt8(ascii: "#"))
        let hashtagIndex = buffer.tokens.count
        emit(Token(start: Int32(tokenStart), length: 0, kind: .hashtag), &buffer)

        var index = position + 1
        var partStart = written
        var partDigits = true
        var previousClass = 0  // 0 none, 1 upper, 2 lower, 3 digit, 4 other letter
        var last: UInt32 = 0
        var run = 0
        var elongated = false
        func closePart(_ end: Int, _ buffer: inout TokenBuffer) {
            guard end > partStart else { return }
            emit(Token(
                    start: Int32(partStart), length: Int32(end - partStart), kind: partDigits ? .number : .word,
                    flags: .fromHashtag), &buffer)
        }
        while index < input.count {
            let (c, length) = scalar(at: index)
            if c == 0x5F {
                closePart(written, &buffer)
                put(byte: 0x5F)
                partStart = written
                partDigits = true
                previousClass = 0
                index += length
                continue
            }
            guard ScalarClass.isWordScalar(c) else { break }
            let currentClass =
                ScalarClass.isDigit(c) ? 3 : ScalarClass.isUpper(c) ? 1 : ScalarClass.isLower(c) ? 2 : 4
            var split = false
            if previousClass != 0 {
                if previousClass == 2 && currentClass == 1 { split = true }
                if (previousClass == 3) != (currentClass == 3) { split = true }
                if previousClass == 1 && currentClass == 1 {
                    let (next, _) = scalar(at: index + length)
                    if ScalarClass.isLower(next) { split = true }
                }
            }
            if split {
                closePart(written, &buffer)
                partStart = written
                partDigits = true
            }
            if currentClass != 3 { partDigits = false }
            previousClass = currentClass
            let folded = ScalarClass.lower(c)
            run = folded == last ? run + 1 : 1
            last = folded
            index += length
            if run >= 3 && currentClass != 3 {
                elongated = true
                continue
            }
            put(scalar: folded)
        }
        closePart(written, &buffer)
        setLength(written - tokenStart, at: hashtagIndex, &buffer)
        if elongated { buffer.setFlags(.elongated, at: hashtagIndex) }
        position = index
        return true
    }

    // MARK: emoji and emoticons

    func isKeycap(_ c: UInt32, next: UInt32) -> Bool {
        guard c < 0x80, ScalarClass.isASCIIDigit(c) || c == 0x23 || c == 0x2A else { return false }
        if next == 0x20E3 { return true }
        // The digit is one byte and VS16 three, so the keycap mark starts four bytes on.
        return next == 0xFE0F && scalar(at: position + 4).value == 0x20E3
    }

    /// One emoji grapheme: a base, its modifiers, and further bases joined by ZWJ; a pair of regional
    /// indicators is one flag. VS16 is dropped from the normal form so ❤ and ❤️ are the same token.
    mutating func scanEmoji(into buffer: inout TokenBuffer) {
        let start = written
        var (c, length) = scalar(at: position)
        put(scalar: c)
        position += length
        if ScalarClass.isRegionalIndicator(c) {
            let (next, nextLength) = scalar(at: position)
            if ScalarClass.isRegionalIndicator(next) {
                put(scalar: next)
                position += nextLength
            }
        }
        while position < input.count {
            (c, length) = scalar(at: position)
            if ScalarClass.isEmojiExtender(c) {
                if c != 0xFE0F && c != 0xFE0E { put(scalar: c) }
                position += length
                continue
            }
            if c == 0x200D {
                let (joined, joinedLength) = scalar(at: position + length)
                guard joined >= 0x80, Unicode.Scalar(joined)?.properties.isEmoji == true else { break }
                put(scalar: c)
                put(scalar: joined)
                position += length + joinedLength
                continue
            }
            break
        }
        emit(Token(start: Int32(start), length: Int32(written - start), kind: .emoji), &buffer)
    }

    mutating func scanEmoticon(into buffer: inout TokenBuffer) -> Bool {
        let first = input[position]
        // Cheap gate before the table: every emoticon starts with one of these bytes, and the ones that
        // start with a letter (xD, o_O) continue with D or _.
        switch first {
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "^"), UInt8(ascii: "-"), UInt8(ascii: "&"):
            break
        case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            guard position + 1 < input.count, input[position + 1] == UInt8(ascii: "D") || input[position + 1] == UInt8(ascii: "_")
            else { return false }
        default:
            return false
        }
        for (surface, normal) in Tokenizer.emoticons where surface[0] == first {
            let end = position + surface.count
            guard end <= input.count else { continue }
            var matches = true
            for offset in 1..<surface.count where input[position + offset] != surface[offset] {
                matches = false
                break
            }
            guard matches else { continue }
            // An emoticon stands apart from words and numbers: "10:30" and "xDD" are not emoticons.
            if end < input.count, ScalarClass.isWordScalar(scalar(at: end).value) { continue }
            if position > 0 {
                let before = previousScalar(before: position)
                if ScalarClass.isASCIIDigit(before) || (ScalarClass.isWordScalar(UInt32(first)) && ScalarClass.isWordScalar(before)) {
                    continue
                }
            }
            let start = written
            for byte in normal { put(byte: byte) }
            emit(Token(start: Int32(start), length: Int32(normal.count), kind: .emoticon), &buffer)
            position = end
            negationScope = false
            return true
        }
        return false
    }

    // MARK: words, numbers, punctuation

    mutating func scanWord(into buffer: inout TokenBuffer) {
        let start = written
        let (first, _) = scalar(at: position)
        let cjk = ScalarClass.isCJK(first)
        var upper = 0
        var lower = 0
        var digitsOnly = true
        var last: UInt32 = 0
        var run = 0
        var elongated = false
        while position < input.count {
            let byte = input[position]
            // ASCII letters and digits are most of the text: handle them without decoding or Unicode tables.
            if byte < 0x80, ScalarClass.isASCIILetter(UInt32(byte)) || ScalarClass.isASCIIDigit(UInt32(byte)), !cjk {
                var folded = UInt32(byte)
                if byte >= 0x41 && byte <= 0x5A {
                    upper += 1
                    folded += 32
                    digitsOnly = false
                } else if byte >= 0x61 {
                    lower += 1
                    digitsOnly = false
                }
                run = folded == last ? run + 1 : 1
                last = folded
                position += 1
                if run >= 3 && !digitsOnly {
                    elongated = true
                    continue
                }
                put(byte: UInt8(folded))
                continue
            }
            let (c, length) = scalar(at: position)
            if c == 0x27 || c == 0x2019 {
                // Keep apostrophes inside words (don't, it's); leading or trailing ones are quotes.
                let (next, _) = scalar(at: position + length)
                guard written > start, !digitsOnly, ScalarClass.isLetter(next) else { break }
            } else if (c == 0x2C || c == 0x2E), digitsOnly, written > start {
                let (next, _) = scalar(at: position + length)
                guard ScalarClass.isASCIIDigit(next) else { break }
            } else {
                guard ScalarClass.isWordScalar(c), ScalarClass.isCJK(c) == cjk else { break }
                if ScalarClass.isEmojiStart(c, next: scalar(at: position + length).value) { break }
                if !ScalarClass.isDigit(c) { digitsOnly = false }
                if ScalarClass.isUpper(c) { upper += 1 } else if ScalarClass.isLower(c) { lower += 1 }
            }
            let folded = ScalarClass.lower(c)
            run = folded == last ? run + 1 : 1
            last = folded
            position += length
            if run >= 3 && !digitsOnly {
                elongated = true
                continue
            }
            put(scalar: folded)
        }
        var flags: TokenFlags = []
        if elongated { flags.insert(.elongated) }
        if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
        let kind: TokenKind = digitsOnly ? .number : .word
        emit(Token(start: Int32(start), length: Int32(written - start), kind: kind, flags: flags), &buffer)
        if kind == .word {
            let index = buffer.tokens.count - 1
            if negationScope { buffer.setFlags(.negated, at: index) }
            if isNegator(start: start, hash: buffer.tokens[index].hash) {
                buffer.setFlags(.negator, at: index)
                negationScope = true
            }
        }
    }

    func isNegator(start: Int, hash: UInt64) -> Bool {
        let length = written - start
        guard length >= 2 else { return false }
        let last = out[start + length - 1]
        if length >= 3, last == UInt8(ascii: "t") {
            let before = out[start + length - 2]
            if before == UInt8(ascii: "'") && out[start + length - 3] == UInt8(ascii: "n") { return true }
            if length >= 5, before == 0x99, out[start + length - 3] == 0x80,
                out[start + length - 4] == 0xE2, out[start + length - 5] == UInt8(ascii: "n")
            {
                return true
            }
        }
        // Every listed negator is at most eight letters and starts with one of these; most words stop here.
        guard length <= 8 else { return false }
        switch out[start] {
        case UInt8(ascii: "n"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "w"), UInt8(ascii: "i"),
            UInt8(ascii: "a"), UInt8(ascii: "h"), UInt8(ascii: "s"):
            for candidate in negatorHashes where candidate == hash { return true }
            return false
        default:
            return false
        }
    }

    /// `&amp;`, `&lt;` and `&gt;` as archives escape them.
    mutating func scanEntity(into buffer: inout TokenBuffer) -> Bool {
        let replacement: UInt8
        let length: Int
        if hasPrefix("&amp;", at: position) {
            (replacement, length) = (UInt8(ascii: "&"), 5)
        } else if hasPrefix("&lt;", at: position) {
            (replacement, length) = (UInt8(ascii: "<"), 4)
        } else if hasPrefix("&gt;", at: position) {
            (replacement, length) = (UInt8(ascii: ">"), 4)
        } else {
            return false
        }
        let start = written
        put(byte: replacement)
        emit(Token(start: Int32(start), length: 1, kind: .symbol), &buffer)
        position += length
        return true
    }

    /// A run of one punctuation mark (or of ! and ? mixed) is one token, kept to two marks and flagged.
    mutating func scanPunctuation(_ c: UInt32, length: Int, into buffer: inout TokenBuffer) {
        let start = written
        let isMark = c < 0x80 ? !ScalarClass.isASCIILetter(c) : Self.isPunctuation(c)
        put(scalar: c)
        position += length
        var count = 1
        if c < 0x80 {
            let exclaim = c == 0x21 || c == 0x3F
            while position < input.count {
                let next = UInt32(input[position])
                let continues = next == c || (exclaim && (next == 0x21 || next == 0x3F))
                guard continues else { break }
                if count < 2 { put(byte: UInt8(next)) }
                count += 1
                position += 1
            }
        }
        let kind: TokenKind = isMark ? .punctuation : .symbol
        let token = Token(
            start: Int32(start), length: Int32(written - start), kind: kind,
            flags: count > 1 ? .repeated : [])
        if c < 0x80, ScalarClass.endsClause(UInt8(c)) { negationScope = false }
        if c == 0x2026 { negationScope = false }
        emit(token, &buffer)
    }

    static func isPunctuation(_ c: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
