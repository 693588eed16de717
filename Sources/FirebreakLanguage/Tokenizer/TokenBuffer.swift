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

    /// Whether the token's bytes, after skipping `dropFirst` bytes, equal `other`.
    func token(_ token: Token, dropFirst: Int, equals other: [UInt8], allowPossessive: Bool) -> Bool {
        let start = Int(token.start) + dropFirst
        let length = Int(token.length) - dropFirst
        if length == other.count {
            return bytesEqual(start, other, 0, length)
        }
        guard allowPossessive else { return false }
        // "nypd's" and "nypd’s" name the target as much as "nypd" does.
        if length == other.count + 2, bytes[start + length - 1] == UInt8(ascii: "s"),
            bytes[start + length - 2] == UInt8(ascii: "'")
        {
            return bytesEqual(start, other, 0, other.count)
        }
        if length == other.count + 4, bytes[start + length - 1] == UInt8(ascii: "s"),
            bytes[start + length - 4] == 0xE2, bytes[start + length - 3] == 0x80, bytes[start + length - 2] == 0x99
        {
            return bytesEqual(start, other, 0, other.count)
        }
        return false
    }

    private func bytesEqual(_ start: Int, _ other: [UInt8], _ otherStart: Int, _ length: Int) -> Bool {
        var index = 0
        while index < length {
            if bytes[start + index] != other[otherStart + index] { return false }
            index += 1
        }
        return true
    }

    mutating func setFlags(_ flags: TokenFlags, at index: Int) {
        tokens[index].flags.formUnion(flags)
    }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(scalar value: UInt32) {
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    mutating func truncateBytes(to count: Int) {
        bytes.removeSubrange(count...)
    }

    mutating func append(token: Token) {
        var token = token
        token.hash = hash(start: Int(token.start), length: Int(token.length))
        tokens.append(token)
    }

    /// Sets a token's length after its bytes were written (hashtags) and rehashes it.
    mutating func setLength(_ length: Int, at index: Int) {
        tokens[index].length = Int32(length)
        tokens[index].hash = hash(start: Int(tokens[index].start), length: length)
    }

    /// FNV-1a (namespace 0) of a byte range.
    func hash(start: Int, length: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { StableHash.fnv1a(UnsafeBufferPointer(rebasing: $0[start..<start + length]), namespace: 0) }
    }
}
