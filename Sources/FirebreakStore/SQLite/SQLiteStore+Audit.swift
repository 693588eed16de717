import GRDB

extension SQLiteStore {
    /// Appends an entry (its `id` is ignored); returns it with the id the store gave it.
    @discardableResult
    public func append(audit entry: AuditEntry) async throws -> AuditEntry {
        try await writer.write { db in
            try db.cachedStatement(
                sql: "INSERT INTO audit (at, actor, campaign_id, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)"
            ).execute(arguments: [entry.at.storeSeconds, entry.actor, entry.campaignID, entry.action, entry.subject, entry.detail])
            var stored = entry
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// The newest entries (by id, the order they were appended), of one campaign or (nil) of all.
    public func audit(campaignID: String?, limit: Int) async throws -> [AuditEntry] {
        let columns = "id, at, actor, campaign_id, action, subject, detail"
        let limit = max(0, limit)
        return try await writer.read { db in
            let rows =
                if let campaignID {
                    try Row.fetchAll(
                        db.cachedStatement(sql: "SELECT \(columns) FROM audit WHERE campaign_id = ? ORDER BY id DESC LIMIT ?"),
                        arguments: [campaignID, limit])
                } else {
                    try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM audit ORDER BY id DESC LIMIT ?"), arguments: [limit])
                }
            return try rows.map { row in
                let reader = RowReader(row: row, table: "audit", keyColumns: ["id"])
                return AuditEntry(
                    id: try reader.value("id"), at: try reader.date("at"), actor: try reader.value("actor"),
                    campaignID: try reader.value("campaign_id"), action: try reader.value("action"), subject: try reader.value("subject"),
                    detail: try reader.value("detail"))
            }
        }
    }
}
