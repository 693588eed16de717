/// Where a post's record came from, so any figure can be traced back to its input.
public enum RecordOrigin: Sendable, Hashable, Codable {
    /// Record number `record` (1-based: line, array element or CSV row) of a file (`-` for standard input).
    case file(String, record: Int)
    /// A live stream, at the given cursor (a stream offset, event id or timestamp).
    case stream(String, cursor: String)

    /// A short human-readable form: `posts.jsonl:42` or `jetstream@1713800000`.
    public var description: String {
        switch self {
        case .file(let name, let record): "\(name):\(record)"
        case .stream(let name, let cursor): "\(name)@\(cursor)"
        }
    }
}
