import GRDB

extension SQLiteStore {
    /// The stored state of a campaign, if any.
    public func state(campaignID: String) async throws -> CampaignState? {
        try await writer.read { db in
            let statement = try db.cachedStatement(sql: "SELECT campaign_id, json FROM campaign_state WHERE campaign_id = ?")
            return try Row.fetchOne(statement, arguments: [campaignID]).map { row in
                try RowReader(row: row, table: "campaign_state", keyColumns: ["campaign_id"]).json("json")
            }
        }
    }

    /// Stores a campaign's state, replacing what was stored.
    public func save(state: CampaignState) async throws {
        let json = try Self.json(state)
        try await writer.write { db in
            try db.cachedStatement(
                sql: "INSERT INTO campaign_state (campaign_id, json) VALUES (?, ?) ON CONFLICT (campaign_id) DO UPDATE SET json = excluded.json"
            ).execute(arguments: [state.campaignID, json])
        }
    }
}
