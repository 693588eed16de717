import GRDB

extension SQLiteStore {
    /// Stores an alert record, replacing the one with the same campaign and alert id.
    public func save(alert record: AlertRecord) async throws {
        let json = try Self.json(record)
        try await writer.write { db in
            // DO UPDATE (not REPLACE) keeps the row's rowid, which orders alerts raised at the same instant.
            try db.cachedStatement(
                sql: """
                    INSERT INTO alerts (campaign_id, alert_id, raised_at, record_json) VALUES (?, ?, ?, ?)
                    ON CONFLICT (campaign_id, alert_id) DO UPDATE SET raised_at = excluded.raised_at, record_json = excluded.record_json
                    """
            ).execute(arguments: [record.campaignID, record.alert.id, record.alert.raisedAt.storeSeconds, json])
        }
    }

    /// A campaign's alerts, newest first (by when they were raised, then by when they were first stored).
    public func alerts(campaignID: String) async throws -> [AlertRecord] {
        try await writer.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT campaign_id, alert_id, record_json FROM alerts WHERE campaign_id = ? ORDER BY raised_at DESC, rowid DESC")
            return try Row.fetchAll(statement, arguments: [campaignID]).map(Self.alertRecord)
        }
    }

    /// One alert.
    public func alert(campaignID: String, id: String) async throws -> AlertRecord? {
        try await writer.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT campaign_id, alert_id, record_json FROM alerts WHERE campaign_id = ? AND alert_id = ?")
            return try Row.fetchOne(statement, arguments: [campaignID, id]).map(Self.alertRecord)
        }
    }

    private static func alertRecord(_ row: Row) throws -> AlertRecord {
        try RowReader(row: row, table: "alerts", keyColumns: ["campaign_id", "alert_id"]).json("record_json")
    }
}
