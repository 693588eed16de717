/// A change the desk's pages hear about over Server-Sent Events.
public struct DeskEvent: Sendable, Hashable {
    /// The SSE event name: `posts`, `minute`, `health`, `alert`, `breaker`, `moderation`, `outbox`.
    public var name: String
    /// A JSON document (built by the desk, never raw post text without JSON escaping).
    public var data: String

    /// Creates an event.
    public init(name: String, data: String) {
        self.name = name
        self.data = data
    }

    /// The event in the `text/event-stream` wire form.
    public var wireFormat: String {
        // JSON documents are one line; a stray newline would end the field early, so split defensively.
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        return "event: \(name)\n\(lines)\n\n"
    }
}
