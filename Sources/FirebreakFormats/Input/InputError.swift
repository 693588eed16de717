/// An input that could not be read at all (missing file, unreadable, corrupt compression).
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (`-` for standard input).
    public var file: String
    /// Why.
    public var reason: String

    /// Creates an error.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// `file: reason`.
    public var description: String { "\(file): \(reason)" }
}
