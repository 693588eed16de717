/// Finds the names of a target in tokenized text and flags them, so features see one `<target>` token
/// whatever the target is called. A name matches as a sequence of words ("New York Police Department"),
/// as a hashtag or mention of the name run together (#NewYorkPoliceDepartment, @NYPD), as a word inside a
/// split hashtag (#myNYPD with target NYPD → my <target>), and with a possessive 's.
public struct TargetMatcher: Sendable, Hashable {
    /// Each name as a sequence of normalised word bytes.
    private let sequences: [[[UInt8]]]
    /// Each name's words run together, for hashtags and mentions.
    private let compact: [[UInt8]]

    /// Creates a matcher for the given names (case-insensitive; a leading # or @ is ignored).
    public init(names: [String]) {
        let tokenizer = Tokenizer()
        var buffer = TokenBuffer()
        var sequences: [[[UInt8]]] = []
        var compact: [[UInt8]] = []
        for name in names {
            tokenizer.tokenize(name, into: &buffer)
            var words: [[UInt8]] = []
            for token in buffer.tokens where !token.flags.contains(.fromHashtag) {
                var bytes = Array(buffer.bytes[Int(token.start)..<Int(token.start + token.length)])
                switch token.kind {
                case .hashtag, .mention: bytes.removeFirst()
                case .word, .number: break
                default: continue
                }
                if !bytes.isEmpty { words.append(bytes) }
            }
            guard !words.isEmpty else { continue }
            if !sequences.contains(words) { sequences.append(words) }
            let joined = words.flatMap { $0 }
            if !compact.contains(joined) { compact.append(joined) }
        }
        self.sequences = sequences
        self.compact = compact
    }

    /// Whether the matcher has any name to look for.
    public var isEmpty: Bool { sequences.isEmpty }

    /// Flags target names in `buffer`; returns whether any was found.
    @discardableResult
    public func mark(_ buffer: inout TokenBuffer) -> Bool {
        guard !sequences.isEmpty else { return false }
        var found = false
        var index = 0
        let count = buffer.tokens.count
        while index < count {
            let token = buffer.tokens[index]
            if token.flags.contains(.target) || token.flags.contains(.targetContinuation) {
                index += 1
                continue
            }
            switch token.kind {
            case .hashtag, .mention:
                if compact.contains(where: { buffer.token(token, dropFirst: 1, equals: $0, allowPossessive: true) }) {
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
        candidates: for words in sequences where index + words.count <= tokens.count {
            for (offset, word) in words.enumerated() {
                let token = tokens[index + offset]
                guard token.kind == .word || token.kind == .number else { continue candidates }
                let last = offset == words.count - 1
                if !buffer.token(token, dropFirst: 0, equals: word, allowPossessive: last) { continue candidates }
            }
            return words.count
        }
        return nil
    }
}
