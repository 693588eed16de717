/// Why one record could not be turned into posts; the reason is shown to people as is.
public struct DecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong (`missing required field "created_at"`, `unknown record shape`).
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// A missing required field.
    public static func missing(_ field: String) -> DecodeError { DecodeError("missing required field \"\(field)\"") }

    /// A field present with the wrong type or an unreadable value.
    public static func invalid(_ field: String, _ detail: String = "") -> DecodeError {
        DecodeError("invalid field \"\(field)\"" + (detail.isEmpty ? "" : ": \(detail)"))
    }

    /// The reason.
    public var description: String { reason }
}
