import GRDB

/// The store's tables, as versioned migrations: a file written by an older build is brought up to date on open.
enum SQLiteSchema {
    /// Every migration, in order. Never edit a shipped one: add the next version.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        return migrator
    }

    private static func v1(_ db: Database) throws {
        // Posts: the filterable fields as columns, the whole post and assessment as JSON.
        // AUTOINCREMENT so a sequence is never reused: live clients poll with "after sequence N".
        try db.execute(
            sql: """
                CREATE TABLE posts (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    campaign_id TEXT NOT NULL,
                    post_key TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    received_at REAL NOT NULL,
                    author_handle TEXT NOT NULL,
                    stance TEXT NOT NULL,
                    p_critical REAL NOT NULL,
                    p_supportive REAL NOT NULL,
                    irony REAL NOT NULL,
                    offensive REAL NOT NULL,
                    has_media INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    moderation TEXT NOT NULL DEFAULT 'pending',
                    moderated_by TEXT,
                    moderated_at REAL,
                    featured_at REAL,
                    text_lower TEXT NOT NULL,
                    post_json TEXT NOT NULL,
                    assessment_json TEXT NOT NULL,
                    UNIQUE (campaign_id, post_key)
                );
                CREATE INDEX posts_by_time ON posts (campaign_id, created_at DESC, sequence DESC);
                CREATE INDEX posts_by_moderation ON posts (campaign_id, moderation);
                CREATE INDEX posts_by_featured ON posts (campaign_id, featured_at);
                CREATE INDEX posts_by_author ON posts (campaign_id, author_handle);
                CREATE INDEX posts_by_stance ON posts (campaign_id, stance);

                CREATE TABLE minutes (
                    campaign_id TEXT NOT NULL,
                    minute INTEGER NOT NULL,
                    posts INTEGER NOT NULL,
                    supportive INTEGER NOT NULL,
                    neutral INTEGER NOT NULL,
                    critical INTEGER NOT NULL,
                    sarcastic INTEGER NOT NULL,
                    offensive INTEGER NOT NULL,
                    health TEXT NOT NULL,
                    PRIMARY KEY (campaign_id, minute)
                );

                CREATE TABLE alerts (
                    campaign_id TEXT NOT NULL,
                    alert_id TEXT NOT NULL,
                    raised_at REAL NOT NULL,
                    record_json TEXT NOT NULL,
                    PRIMARY KEY (campaign_id, alert_id)
                );
                CREATE INDEX alerts_by_time ON alerts (campaign_id, raised_at);

                CREATE TABLE campaign_state (
                    campaign_id TEXT PRIMARY KEY NOT NULL,
                    json TEXT NOT NULL
                );

                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    campaign_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    post_key TEXT,
                    payload TEXT NOT NULL,
                    destination TEXT,
                    approved_by TEXT,
                    attempts INTEGER NOT NULL,
                    error TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX outbox_by_status ON outbox (campaign_id, status);
                CREATE INDEX outbox_by_post ON outbox (campaign_id, kind, post_key);

                CREATE TABLE users (
                    name TEXT PRIMARY KEY NOT NULL,
                    password_hash TEXT NOT NULL,
                    role TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    disabled INTEGER NOT NULL
                );

                -- A session cannot outlive its user's row.
                CREATE TABLE sessions (
                    token_digest TEXT PRIMARY KEY NOT NULL,
                    user TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE ON UPDATE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                );
                CREATE INDEX sessions_by_user ON sessions (user);

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    campaign_id TEXT,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX audit_by_campaign ON audit (campaign_id, id);
                """)
    }
}
