import Firebreak
import Foundation

/// Where the desk keeps everything: posts with their assessments, closed minutes, alerts, moderation, the outbox,
/// users, sessions, campaign state and the audit log.
///
/// Every write returns only once it is durable, so what the desk acknowledged survives the process being killed.
public protocol FirebreakStore: Sendable {
    // MARK: Posts

    /// Stores assessed posts for a campaign; a post already stored (same platform and id) is left as it is.
    /// Returns the keys of the posts that were new, in input order.
    func insert(_ posts: [AssessedPost], campaignID: String, receivedAt: Date) async throws -> [PostKey]
    /// One post.
    func post(campaignID: String, key: PostKey) async throws -> StoredPost?
    /// Posts matching a query, newest first.
    func posts(campaignID: String, matching query: PostQuery) async throws -> [StoredPost]
    /// How many posts match a query (its limit and cursor ignored).
    func count(campaignID: String, matching query: PostQuery) async throws -> Int
    /// Every post of a campaign in event-time order, in pages, for rebuilding the in-memory monitor on start.
    func allPosts(campaignID: String, pageSize: Int, _ body: @Sendable ([StoredPost]) throws -> Void) async throws
    /// Sets the moderation status of posts; returns how many changed.
    func setModeration(campaignID: String, keys: [PostKey], status: ModerationStatus, actor: String, at: Date) async throws -> Int
    /// Marks posts featured at `at`, or withdraws them from the gallery with nil; returns how many changed.
    func setFeatured(campaignID: String, keys: [PostKey], at: Date?) async throws -> Int

    // MARK: Minutes

    /// Stores closed minutes (replacing a minute stored before).
    func save(minutes: [MinuteRow]) async throws
    /// Closed minutes in `[from, to)` (minutes since the epoch), oldest first.
    func minutes(campaignID: String, from: Int, to: Int) async throws -> [MinuteRow]

    // MARK: Alerts

    /// Stores an alert record, replacing one with the same campaign and alert id.
    func save(alert: AlertRecord) async throws
    /// A campaign's alerts, newest first.
    func alerts(campaignID: String) async throws -> [AlertRecord]
    /// One alert.
    func alert(campaignID: String, id: String) async throws -> AlertRecord?

    // MARK: Campaign state

    /// The stored state of a campaign, if any.
    func state(campaignID: String) async throws -> CampaignState?
    /// Stores a campaign's state.
    func save(state: CampaignState) async throws

    // MARK: Outbox

    /// Adds an item; returns it with its id.
    func enqueue(_ item: OutboxItem) async throws -> OutboxItem
    /// Items of a campaign, newest first, optionally of one status and kind.
    func outbox(campaignID: String, status: OutboxItem.Status?, kind: OutboxItem.Kind?, limit: Int) async throws -> [OutboxItem]
    /// One item.
    func outboxItem(id: Int64) async throws -> OutboxItem?
    /// Replaces an item (same id).
    func update(_ item: OutboxItem) async throws
    /// Whether an item of this kind exists for this post (so a post is thanked or published once).
    func hasOutboxItem(campaignID: String, kind: OutboxItem.Kind, postKey: String) async throws -> Bool

    // MARK: Users and sessions

    /// Adds or replaces a user.
    func save(user: UserRecord) async throws
    /// One user.
    func user(named name: String) async throws -> UserRecord?
    /// All users, by name.
    func users() async throws -> [UserRecord]
    /// Stores a session.
    func save(session: SessionRecord) async throws
    /// The session with this token digest, if it has not expired at `now`.
    func session(digest: String, now: Date) async throws -> SessionRecord?
    /// Ends a session.
    func deleteSession(digest: String) async throws
    /// Ends every session of a user.
    func deleteSessions(user: String) async throws

    // MARK: Audit

    /// Appends an entry; returns it with its id.
    @discardableResult
    func append(audit: AuditEntry) async throws -> AuditEntry
    /// The newest entries, for one campaign or (nil) all.
    func audit(campaignID: String?, limit: Int) async throws -> [AuditEntry]
}
