import GRDB

extension SQLiteStore {
    private static let outboxColumns =
        "id, campaign_id, kind, status, post_key, payload, destination, approved_by, attempts, error, created_at, updated_at"

    /// Adds an item (its `id` is ignored); returns it with the id the store gave it.
    public func enqueue(_ item: OutboxItem) async throws -> OutboxItem {
        try await writer.write { db in
            try db.cachedStatement(
                sql: """
                    INSERT INTO outbox (campaign_id, kind, status, post_key, payload, destination, approved_by, attempts, error, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                item.campaignID, item.kind.rawValue, item.status.rawValue, item.postKey, item.payload, item.destination, item.approvedBy,
                item.attempts, item.error, item.createdAt.storeSeconds, item.updatedAt.storeSeconds,
            ])
            var stored = item
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// Items of a campaign, newest first, optionally of one status and one kind.
    public func outbox(campaignID: String, status: OutboxItem.Status?, kind: OutboxItem.Kind?, limit: Int) async throws -> [OutboxItem] {
        var conditions = ["campaign_id = ?"]
        var arguments: StatementArguments = [campaignID]
        if let status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let kind {
            conditions.append("kind = ?")
            arguments += [kind.rawValue]
        }
        arguments += [max(0, limit)]
        let sql = "SELECT \(Self.outboxColumns) FROM outbox WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?"
        return try await writer.read { [arguments] db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(Self.outboxItem)
        }
    }

    /// One item.
    public func outboxItem(id: Int64) async throws -> OutboxItem? {
        try await writer.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.outboxColumns) FROM outbox WHERE id = ?"), arguments: [id])
                .map(Self.outboxItem)
        }
    }

    /// Replaces the stored item with the same id; throws `outboxItemNotFound` when there is none.
    public func update(_ item: OutboxItem) async throws {
        try await writer.write { db in
            try db.cachedStatement(
                sql: """
                    UPDATE outbox SET campaign_id = ?, kind = ?, status = ?, post_key = ?, payload = ?, destination = ?, approved_by = ?,
                        attempts = ?, error = ?, created_at = ?, updated_at = ?
                    WHERE id = ?
                    """
            ).execute(arguments: [
                item.campaignID, item.kind.rawValue, item.status.rawValue, item.postKey, item.payload, item.destination, item.approvedBy,
                item.attempts, item.error, item.createdAt.storeSeconds, item.updatedAt.storeSeconds, item.id,
            ])
            // An update that matched nothing would otherwise lose the caller's change without a word.
            if db.changesCount == 0 { throw SQLiteStoreError.outboxItemNotFound(id: item.id) }
        }
    }

    /// Whether a live (not cancelled) item of this kind exists for this post, so a post is thanked or published once.
    public func hasOutboxItem(campaignID: String, kind: OutboxItem.Kind, postKey: String) async throws -> Bool {
        try await writer.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE campaign_id = ? AND kind = ? AND post_key = ? AND status <> ?)")
            return try Bool.fetchOne(statement, arguments: [campaignID, kind.rawValue, postKey, OutboxItem.Status.cancelled.rawValue]) ?? false
        }
    }

    private static func outboxItem(_ row: Row) throws -> OutboxItem {
        let reader = RowReader(row: row, table: "outbox", keyColumns: ["id"])
        return OutboxItem(
            id: try reader.value("id"), campaignID: try reader.value("campaign_id"), kind: try reader.raw("kind"),
            status: try reader.raw("status"), postKey: try reader.value("post_key"), payload: try reader.value("payload"),
            destination: try reader.value("destination"), approvedBy: try reader.value("approved_by"), attempts: try reader.value("attempts"),
            error: try reader.value("error"), createdAt: try reader.date("created_at"), updatedAt: try reader.date("updated_at"))
    }
}
