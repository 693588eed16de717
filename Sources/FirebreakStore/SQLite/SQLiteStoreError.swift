/// What can go wrong in `SQLiteStore` beyond SQLite's own errors (which are thrown as they are).
public enum SQLiteStoreError: Error, Equatable, CustomStringConvertible {
    /// A stored row could not be read back: a column is missing, of the wrong type, or holds JSON that does not decode.
    case corruptRow(table: String, key: String, column: String, reason: String)
    /// `update` was given an outbox item that is not stored.
    case outboxItemNotFound(id: Int64)

    /// A sentence naming the table, row and column.
    public var description: String {
        switch self {
        case .corruptRow(let table, let key, let column, let reason):
            "corrupt row in \(table) (\(key)), column \(column): \(reason)"
        case .outboxItemNotFound(let id):
            "no outbox item with id \(id)"
        }
    }
}
