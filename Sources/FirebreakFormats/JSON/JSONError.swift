/// Why a record is not valid JSON, with the byte offset where reading stopped.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public var message: String
    /// Byte offset within the record.
    public var offset: Int

    /// Creates an error.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `invalid JSON at byte 12: expected ':' after an object key`.
    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}
