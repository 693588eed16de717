import Firebreak
import Foundation
import GRDB

extension SQLiteStore {
    /// The columns a `StoredPost` is read from (plus `created_at`, the paging key).
    private static let storedPostColumns =
        "sequence, campaign_id, post_key, created_at, received_at, moderation, moderated_by, moderated_at, featured_at, post_json, assessment_json"

    private static let insertPostSQL = """
        INSERT INTO posts (
            campaign_id, post_key, created_at, received_at, author_handle, stance, p_critical, p_supportive, irony, offensive,
            has_media, kind, moderation, text_lower, post_json, assessment_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (campaign_id, post_key) DO NOTHING
        """

    /// One post ready to insert: its key and its column values.
    private struct PendingPost: Sendable {
        var key: PostKey
        var arguments: StatementArguments
    }

    /// Stores new posts in one transaction; returns the keys of those not stored before, in input order.
    public func insert(_ posts: [AssessedPost], campaignID: String, receivedAt: Date) async throws -> [PostKey] {
        // A post twice in one batch is inserted once and reported once.
        var seen = Set<PostKey>()
        let unique = posts.filter { seen.insert($0.post.key).inserted }
        guard !unique.isEmpty else { return [] }
        // JSON encoding is half the work: do it before taking the single write lock every other write waits on.
        let pending = try await Self.encodeInParallel(unique, campaignID: campaignID, receivedAt: receivedAt)
        return try await writer.write { db in
            let statement = try db.cachedStatement(sql: Self.insertPostSQL)
            var inserted: [PostKey] = []
            inserted.reserveCapacity(pending.count)
            for row in pending {
                try statement.execute(arguments: row.arguments)
                // DO NOTHING leaves the change count at 0: the post was already stored.
                if db.changesCount > 0 { inserted.append(row.key) }
            }
            return inserted
        }
    }

    /// Posts encoded per chunk of this many, in parallel.
    private static let encodingChunk = 256

    /// Each post's column values, in order; a large batch is encoded in parallel chunks (the write cannot be).
    private static func encodeInParallel(_ posts: [AssessedPost], campaignID: String, receivedAt: Date) async throws -> [PendingPost] {
        guard posts.count > encodingChunk else { return try posts.map { try pendingPost($0, campaignID: campaignID, receivedAt: receivedAt) } }
        return try await withThrowingTaskGroup(of: (start: Int, rows: [PendingPost]).self) { group in
            for start in stride(from: 0, to: posts.count, by: encodingChunk) {
                let chunk = posts[start..<min(start + encodingChunk, posts.count)]
                group.addTask { (start, try chunk.map { try pendingPost($0, campaignID: campaignID, receivedAt: receivedAt) }) }
            }
            var chunks: [(start: Int, rows: [PendingPost])] = []
            for try await chunk in group { chunks.append(chunk) }
            return chunks.sorted { $0.start < $1.start }.flatMap(\.rows)
        }
    }

    /// One post's column values for `insertPostSQL`.
    private static func pendingPost(_ assessed: AssessedPost, campaignID: String, receivedAt: Date) throws -> PendingPost {
        let post = assessed.post, assessment = assessed.assessment
        let arguments: StatementArguments = [
            campaignID, post.key.description, post.createdAt.storeSeconds, receivedAt.storeSeconds,
            PostFilter.normalisedHandle(post.author.handle), assessment.stance.rawValue, assessment.pCritical,
            assessment.pSupportive, assessment.irony, assessment.offensive, post.hasMedia, post.kind.rawValue,
            ModerationStatus.pending.rawValue, post.text.lowercased(), try postJSON(post), try postJSON(assessment),
        ]
        return PendingPost(key: post.key, arguments: arguments)
    }

    /// One post.
    public func post(campaignID: String, key: PostKey) async throws -> StoredPost? {
        try await writer.read { db in
            let sql = "SELECT \(Self.storedPostColumns) FROM posts WHERE campaign_id = ? AND post_key = ?"
            return try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [campaignID, key.description]).map(Self.storedPost)
        }
    }

    /// Posts matching a query, newest first (event time, then sequence), after its cursor, at most its limit.
    public func posts(campaignID: String, matching query: PostQuery) async throws -> [StoredPost] {
        let filter = PostFilter(campaignID: campaignID, query: query, cursor: true)
        let sql = "SELECT \(Self.storedPostColumns) FROM posts \(filter.whereClause) ORDER BY created_at DESC, sequence DESC LIMIT ?"
        // The query's initialiser clamps its limit, but `limit` is a var: clamp again rather than trust it.
        let arguments = filter.arguments + [min(1000, max(1, query.limit))]
        return try await writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(Self.storedPost)
        }
    }

    /// How many posts match a query, its limit and keyset cursor ignored.
    public func count(campaignID: String, matching query: PostQuery) async throws -> Int {
        let filter = PostFilter(campaignID: campaignID, query: query, cursor: false)
        let sql = "SELECT COUNT(*) FROM posts \(filter.whereClause)"
        return try await writer.read { db in
            try Int.fetchOne(db.cachedStatement(sql: sql), arguments: filter.arguments) ?? 0
        }
    }

    /// Every post of a campaign, oldest first (event time, then sequence), `pageSize` at a time.
    ///
    /// All pages come from one read transaction, so a rebuild sees one consistent snapshot even while posts arrive.
    public func allPosts(campaignID: String, pageSize: Int, _ body: @Sendable ([StoredPost]) throws -> Void) async throws {
        let pageSize = max(1, pageSize)
        try await writer.read { db in
            let first = try db.cachedStatement(
                sql: "SELECT \(Self.storedPostColumns) FROM posts WHERE campaign_id = ? ORDER BY created_at, sequence LIMIT ?")
            let next = try db.cachedStatement(
                sql: """
                    SELECT \(Self.storedPostColumns) FROM posts WHERE campaign_id = ? AND (created_at, sequence) > (?, ?)
                    ORDER BY created_at, sequence LIMIT ?
                    """)
            // Keyset paging on the raw column values, not the decoded dates, so the cursor matches exactly.
            var last: (createdAt: Double, sequence: Int64)?
            while true {
                let rows =
                    if let last {
                        try Row.fetchAll(next, arguments: [campaignID, last.createdAt, last.sequence, pageSize])
                    } else {
                        try Row.fetchAll(first, arguments: [campaignID, pageSize])
                    }
                guard let final = rows.last else { return }
                try body(try rows.map(Self.storedPost))
                if rows.count < pageSize { return }
                let reader = Self.postReader(final)
                last = (try reader.value("created_at"), try reader.value("sequence"))
            }
        }
    }

    /// Sets the moderation status (and who and when) of the given posts; returns how many posts it found to change.
    public func setModeration(campaignID: String, keys: [PostKey], status: ModerationStatus, actor: String, at: Date) async throws -> Int {
        let keys = Self.unique(keys)
        return try await writer.write { db in
            let statement = try db.cachedStatement(
                sql: "UPDATE posts SET moderation = ?, moderated_by = ?, moderated_at = ? WHERE campaign_id = ? AND post_key = ?")
            var changed = 0
            for key in keys {
                try statement.execute(arguments: [status.rawValue, actor, at.storeSeconds, campaignID, key])
                changed += db.changesCount
            }
            return changed
        }
    }

    /// Features posts at `at`, or (nil) withdraws them; returns how many changed (withdrawing an unfeatured post is no change).
    public func setFeatured(campaignID: String, keys: [PostKey], at: Date?) async throws -> Int {
        let keys = Self.unique(keys)
        let sql =
            at == nil
            ? "UPDATE posts SET featured_at = NULL WHERE campaign_id = ? AND post_key = ? AND featured_at IS NOT NULL"
            : "UPDATE posts SET featured_at = ? WHERE campaign_id = ? AND post_key = ?"
        return try await writer.write { db in
            let statement = try db.cachedStatement(sql: sql)
            var changed = 0
            for key in keys {
                if let at {
                    try statement.execute(arguments: [at.storeSeconds, campaignID, key])
                } else {
                    try statement.execute(arguments: [campaignID, key])
                }
                changed += db.changesCount
            }
            return changed
        }
    }

    /// Keys as the `post_key` column holds them, each once (a key given twice must not count twice).
    private static func unique(_ keys: [PostKey]) -> [String] {
        var seen = Set<PostKey>()
        return keys.filter { seen.insert($0).inserted }.map(\.description)
    }

    private static func postReader(_ row: Row) -> RowReader {
        RowReader(row: row, table: "posts", keyColumns: ["campaign_id", "post_key"])
    }

    /// A row selected with `storedPostColumns`, decoded.
    private static func storedPost(_ row: Row) throws -> StoredPost {
        let reader = postReader(row)
        return StoredPost(
            campaignID: try reader.value("campaign_id"), post: try reader.json("post_json"), assessment: try reader.json("assessment_json"),
            moderation: try reader.raw("moderation"), moderatedBy: try reader.value("moderated_by"),
            moderatedAt: try reader.optionalDate("moderated_at"), featuredAt: try reader.optionalDate("featured_at"),
            receivedAt: try reader.date("received_at"), sequence: try reader.value("sequence"))
    }
}
