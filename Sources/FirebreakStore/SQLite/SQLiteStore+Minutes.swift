import GRDB

extension SQLiteStore {
    /// Stores closed minutes in one transaction, replacing any stored before for the same campaign and minute.
    public func save(minutes: [MinuteRow]) async throws {
        guard !minutes.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO minutes (campaign_id, minute, posts, supportive, neutral, critical, sarcastic, offensive, health)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (campaign_id, minute) DO UPDATE SET
                        posts = excluded.posts, supportive = excluded.supportive, neutral = excluded.neutral,
                        critical = excluded.critical, sarcastic = excluded.sarcastic, offensive = excluded.offensive,
                        health = excluded.health
                    """)
            for row in minutes {
                try statement.execute(arguments: [
                    row.campaignID, row.minute, row.posts, row.supportive, row.neutral, row.critical, row.sarcastic, row.offensive,
                    row.health,
                ])
            }
        }
    }

    /// A campaign's closed minutes in `[from, to)`, oldest first.
    public func minutes(campaignID: String, from: Int, to: Int) async throws -> [MinuteRow] {
        try await writer.read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT campaign_id, minute, posts, supportive, neutral, critical, sarcastic, offensive, health FROM minutes
                    WHERE campaign_id = ? AND minute >= ? AND minute < ? ORDER BY minute
                    """)
            return try Row.fetchAll(statement, arguments: [campaignID, from, to]).map { row in
                let reader = RowReader(row: row, table: "minutes", keyColumns: ["campaign_id", "minute"])
                return MinuteRow(
                    campaignID: try reader.value("campaign_id"), minute: try reader.value("minute"), posts: try reader.value("posts"),
                    supportive: try reader.value("supportive"), neutral: try reader.value("neutral"), critical: try reader.value("critical"),
                    sarcastic: try reader.value("sarcastic"), offensive: try reader.value("offensive"), health: try reader.value("health"))
            }
        }
    }
}
