/// Finds the names of a target in tokenized text and flags them, so features see one `<target>` token
/// whatever the target is called. A name matches as a sequence of words ("New York Police Department"),
/// as a hashtag or mention of the name run together (#NewYorkPoliceDepartment, @NYPD), as a word inside a
/// split hashtag (#myNYPD with target NYPD → my <target>), and with a possessive 's or a plural s.
public struct TargetMatcher: Sendable, Hashable {
    /// Each name as a sequence of stable hashes of its normalised words.
    private let sequences: [[UInt64]]
    /// Each name's words run together, hashed, for hashtags and mentions.
    private let compact: [UInt64]
    /// The first word of every sequence: most words start none and are turned away without walking the sequences.
    private let firstWords: [UInt64]

    /// Creates a matcher for the given names (case-insensitive; a leading # or @ is ignored).
    public init(names: [String]) {
        let tokenizer = Tokenizer()
        var buffer = TokenBuffer()
        var sequences: [[UInt64]] = []
        var compact: [UInt64] = []
        for name in names {
            tokenizer.tokenize(name, into: &buffer)
            var words: [ArraySlice<UInt8>] = []
            for token in buffer.tokens where !token.flags.contains(.fromHashtag) {
                var bytes = buffer.bytes[Int(token.start)..<Int(token.start + token.length)]
                switch token.kind {
                case .hashtag, .mention: bytes = bytes.dropFirst()
                case .word, .number: break
                default: continue
                }
                if !bytes.isEmpty { words.append(bytes) }
            }
            guard !words.isEmpty else { continue }
            let hashes = words.map { Self.hash($0) }
            if !sequences.contains(hashes) { sequences.append(hashes) }
            let joined = Self.hash(words.flatMap { $0 }[...])
            if !compact.contains(joined) { compact.append(joined) }
        }
        self.sequences = sequences
        self.compact = compact
        firstWords = sequences.map { $0[0] }
    }

    /// The same hash as `Token.hash` (FNV-1a, namespace 0).
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = StableHash.start(0)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* StableHash.prime }
        return hash
    }

    /// Whether the matcher has any name to look for.
    public var isEmpty: Bool { sequences.isEmpty }

    /// The hash of a token's body (without # or @), and of the body without a possessive 's or plural s.
    private func hashes(of token: Token, in bytes: [UInt8]) -> (plain: UInt64, possessive: UInt64?) {
        var start = Int(token.start)
        let end = start + Int(token.length)
        let plain: UInt64
        if token.kind == .hashtag || token.kind == .mention {
            start += 1
            plain = Self.hash(bytes[start..<end])
        } else {
            plain = token.hash
        }
        // Most tokens end in neither 's nor ’s; only those pay for a second hash.
        if end - start > 2, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") {
            return (plain, Self.hash(bytes[start..<end - 2]))
        }
        if end - start > 4, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] == 0x99, bytes[end - 3] == 0x80,
            bytes[end - 4] == 0xE2
        {
            return (plain, Self.hash(bytes[start..<end - 4]))
        }
        // A plural names the target as well: alias "officer" covers "officers".
        if end - start > 3, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] != UInt8(ascii: "s") {
            return (plain, Self.hash(bytes[start..<end - 1]))
        }
        return (plain, nil)
    }

    /// Flags target names in `buffer`; returns whether any was found.
    @discardableResult
    public func mark(_ buffer: inout TokenBuffer) -> Bool {
        guard !sequences.isEmpty else { return false }
        var found = false
        var index = 0
        let count = buffer.tokens.count
        while index < count {
            let token = buffer.tokens[index]
            switch token.kind {
            case .hashtag, .mention:
                let (plain, possessive) = hashes(of: token, in: buffer.bytes)
                if compact.contains(plain) || possessive.map({ compact.contains($0) }) == true {
                    buffer.setFlags(.target, at: index)
                    found = true
                    var part = index + 1
                    while part < count, buffer.tokens[part].flags.contains(.fromHashtag) {
                        buffer.setFlags(.targetContinuation, at: part)
                        part += 1
                    }
                    index = part
                    continue
                }
            case .word, .number:
                if let length = matchSequence(buffer, at: index) {
                    buffer.setFlags(.target, at: index)
                    for next in index + 1..<index + length { buffer.setFlags(.targetContinuation, at: next) }
                    found = true
                    index += length
                    continue
                }
            default:
                break
            }
            index += 1
        }
        return found
    }

    private func matchSequence(_ buffer: TokenBuffer, at index: Int) -> Int? {
        let tokens = buffer.tokens
        let first = hashes(of: tokens[index], in: buffer.bytes)
        guard firstWords.contains(first.plain) || first.possessive.map({ firstWords.contains($0) }) == true else { return nil }
        candidates: for words in sequences where index + words.count <= tokens.count {
            if words.count == 1 {
                if words[0] == first.plain || words[0] == first.possessive { return 1 }
                continue
            }
            guard words[0] == first.plain else { continue }
            for offset in 1..<words.count {
                let token = tokens[index + offset]
                guard token.kind == .word || token.kind == .number else { continue candidates }
                let hashes = hashes(of: token, in: buffer.bytes)
                let last = offset == words.count - 1
                guard words[offset] == hashes.plain || (last && words[offset] == hashes.possessive) else {
                    continue candidates
                }
            }
            return words.count
        }
        return nil
    }
}
