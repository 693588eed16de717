/// How much of an untrusted string a human-readable report shows.
public struct TextLimit: Sendable, Hashable {
    /// At most this many grapheme clusters (what a reader sees as characters).
    public var graphemes: Int
    /// At most this many UTF-8 bytes after neutralising, so one cluster of ten thousand combining marks is bounded too.
    public var bytes: Int

    /// Creates a limit.
    public init(graphemes: Int, bytes: Int) {
        self.graphemes = max(0, graphemes)
        self.bytes = max(0, bytes)
    }

    /// Post texts, briefs, alert summaries.
    public static let text = TextLimit(graphemes: 1000, bytes: 4000)
    /// One-line strings: reasons, shared links, file names.
    public static let line = TextLimit(graphemes: 200, bytes: 800)
    /// Handles, ids, theme terms.
    public static let name = TextLimit(graphemes: 64, bytes: 256)
}
