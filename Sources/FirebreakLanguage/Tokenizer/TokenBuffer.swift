/// Reusable storage for the tokens of one post. Keep one per thread and pass it to
/// `Tokenizer.tokenize(_:into:)` again and again, so tokenizing does not allocate once the buffer has grown.
public struct TokenBuffer: Sendable {
    /// The normalised UTF-8 bytes of all tokens, back to back.
    public internal(set) var bytes: [UInt8] = []
    /// The tokens, in text order.
    public internal(set) var tokens: [Token] = []

    /// Creates an empty buffer.
    public init() {
        bytes.reserveCapacity(1024)
        tokens.reserveCapacity(128)
    }

    /// Empties the buffer and keeps its capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
    }

    /// The number of tokens.
    public var count: Int { tokens.count }

    /// The normalised text of a token (allocates; for tests, explanations and debugging).
    public func text(of token: Token) -> String {
        let start = Int(token.start)
        return String(decoding: bytes[start..<start + Int(token.length)], as: UTF8.self)
    }

    /// The normalised texts of all tokens (allocates; for tests and debugging).
    public var texts: [String] { tokens.map { text(of: $0) } }

    /// Whether nothing in the post is its own words: every token names the target (once `TargetMatcher` has marked
    /// it) or is a link, an account, a number, punctuation, or the "rt" / "via" of a share. "#myNYPD" with a photo
    /// says nothing about the target either way; the photo may be a friendly one or a beating.
    public var isBare: Bool {
        tokens.allSatisfy { token in
            if !token.flags.isDisjoint(with: [.target, .targetContinuation]) { return true }
            switch token.kind {
            case .url, .mention, .number, .punctuation, .symbol: return true
            case .word: return isShareMarker(token)
            case .hashtag, .emoji, .emoticon: return false
            }
        }
    }

    private func isShareMarker(_ token: Token) -> Bool {
        let start = Int(token.start)
        switch token.length {
        case 2: return bytes[start] == UInt8(ascii: "r") && bytes[start + 1] == UInt8(ascii: "t")
        case 3: return bytes[start] == UInt8(ascii: "v") && bytes[start + 1] == UInt8(ascii: "i") && bytes[start + 2] == UInt8(ascii: "a")
        default: return false
        }
    }

    mutating func setFlags(_ flags: TokenFlags, at index: Int) {
        tokens[index].flags.formUnion(flags)
    }

    /// Appends a token whose hash the scanner already computed.
    mutating func appendHashed(_ token: Token) { tokens.append(token) }

    /// Sets a token's length and hash (the scanner computed the hash from the bytes it wrote).
    mutating func setHashedLength(_ length: Int, hash: UInt64, at index: Int) {
        tokens[index].length = Int32(length)
        tokens[index].hash = hash
    }
}
