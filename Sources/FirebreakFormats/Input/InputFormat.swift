/// The archive formats Firebreak reads; `auto` detects the format per file from its first records.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    case auto
    /// X API v1.1 statuses, one a line or as a JSON array.
    case xV1 = "x-v1"
    /// X API v2 tweets: flattened (one tweet a line with `author` inlined) or response pages.
    case xV2 = "x-v2"
    /// X API v2 response pages as twarc2 writes them (`data` plus `includes`); flattened lines are accepted too.
    case twarc2
    /// Mastodon `Status` entities (REST arrays, one a line, or streaming `update` payloads).
    case mastodon
    /// Bluesky Jetstream commit events and `app.bsky.feed.defs#postView` objects.
    case bluesky
    /// CSV with twarc-csv column names and the aliases listed in docs/formats.md.
    case csv
    /// Plain text, one post a line.
    case text
}
