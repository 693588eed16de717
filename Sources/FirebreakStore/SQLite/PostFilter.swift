import Firebreak
import GRDB

/// The WHERE clause of a `PostQuery`, with every value bound as an argument.
///
/// Listing and counting both build their SQL from this one type, so they cannot disagree about what matches.
struct PostFilter {
    /// Conditions joined with AND.
    private(set) var conditions: [String] = []
    /// The values for the conditions' `?`, in order.
    private(set) var arguments: StatementArguments = []

    /// The conditions of `query` for `campaignID`; the keyset cursor only when `cursor` (counting ignores it).
    init(campaignID: String, query: PostQuery, cursor: Bool) {
        add("campaign_id = ?", campaignID)
        if let stance = query.stance { add("stance = ?", stance.rawValue) }
        // The thresholds of `Assessment.isSarcastic` and `isOffensive`.
        if let sarcastic = query.sarcastic { add(sarcastic ? "irony >= ?" : "irony < ?", Assessment.sarcasmThreshold) }
        if let offensive = query.offensive { add(offensive ? "offensive >= ?" : "offensive < ?", Assessment.offenceThreshold) }
        if let media = query.media { add("has_media = ?", media) }
        if let author = query.author { add("author_handle = ?", Self.normalisedHandle(author)) }
        if let since = query.since { add("created_at >= ?", since.storeSeconds) }
        if let until = query.until { add("created_at < ?", until.storeSeconds) }
        if let moderation = query.moderation { add("moderation = ?", moderation.rawValue) }
        if let featured = query.featured { add(featured ? "featured_at IS NOT NULL" : "featured_at IS NULL") }
        if !query.kinds.isEmpty {
            // Sorted, so the same set always gives the same SQL (and reuses one cached statement).
            let kinds = query.kinds.map(\.rawValue).sorted()
            add("kind IN (\(Array(repeating: "?", count: kinds.count).joined(separator: ", ")))", kinds)
        }
        if let text = query.text { add(#"text_lower LIKE ? ESCAPE '\'"#, "%" + Self.likeEscaped(text.lowercased()) + "%") }
        if let after = query.afterSequence { add("sequence > ?", after) }
        if cursor, let before = query.before {
            // Row-value comparison: the same as (created_at < ? OR (created_at = ? AND sequence < ?)), but SQLite
            // turns it into a range on the time index instead of scanning the campaign's posts from the top.
            add("(created_at, sequence) < (?, ?)", before.createdAt.storeSeconds, before.sequence)
        }
    }

    /// `WHERE …` for the SQL.
    var whereClause: String { "WHERE " + conditions.joined(separator: " AND ") }

    private mutating func add(_ condition: String, _ values: (any DatabaseValueConvertible)?...) {
        conditions.append(condition)
        arguments += StatementArguments(values)
    }

    private mutating func add(_ condition: String, _ values: [String]) {
        conditions.append(condition)
        arguments += StatementArguments(values)
    }

    /// A handle as the `author_handle` column holds it: lower-cased, without a leading `@`.
    static func normalisedHandle(_ handle: String) -> String {
        (handle.hasPrefix("@") ? String(handle.dropFirst()) : handle).lowercased()
    }

    /// `text` with LIKE's wildcards (and the escape character itself) escaped, so it matches literally.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
