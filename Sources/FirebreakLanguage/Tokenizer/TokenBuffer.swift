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
