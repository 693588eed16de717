import Firebreak
import FirebreakStore
import Foundation
import Logging
import NIOConcurrencyHelpers

/// Everything the server shares between requests: the configuration, the store, each campaign's desk and feeder,
/// the rate limiters, the metrics and the one-time login tokens.
public final class DeskHub: Sendable {
    /// The configuration.
    public let configuration: DeskConfiguration
    /// The store.
    public let store: any FirebreakStore
    /// The campaigns' desks by id.
    public let desks: [String: CampaignDesk]
    /// The campaigns' feeders by id.
    public let feeders: [String: DeskFeeder]
    /// Assessors that also list the features behind each reading, specialised per campaign. The "why" is worked out
    /// when a post is shown, not at ingest, where it would cost a third of the time; the models are deterministic,
    /// so it is the same answer.
    private let explainers: [String: any Assessor]
    /// Metrics for `/metrics`.
    public let metrics: DeskMetrics
    /// Failed logins per client address.
    let loginLimiter: KeyedRateLimiter
    /// Ingest requests per campaign.
    let ingestLimiter: KeyedRateLimiter
    /// One-time login tokens (digest → user, expiry).
    private let oneTimeLogins = NIOLockedValueBox([String: (user: String, expires: Date)]())
    /// Login CSRF tokens handed to the login page (digest → expiry), bounded.
    private let loginTokens = NIOLockedValueBox([String: Date]())
    let logger: Logger
    /// Queue pages' data for a second: fifty moderators watching the same queue share one read of it.
    let queueCache = ShortLivedCache<QueuePageData>(lifetime: 1, capacity: 256)

    /// Opens every campaign's desk (rebuilding it from the store).
    public init(
        configuration: DeskConfiguration, store: any FirebreakStore, assessor: any Assessor, explainer: (any Assessor)? = nil,
        logger: Logger = Logger(label: "firebreak.server")
    ) async throws {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        var desks: [String: CampaignDesk] = [:]
        var feeders: [String: DeskFeeder] = [:]
        var explainers: [String: any Assessor] = [:]
        let metrics = DeskMetrics()
        self.metrics = metrics
        for entry in configuration.campaigns {
            if let explainer { explainers[entry.id] = explainer.specialized(for: entry.campaign) }
            let desk = try await CampaignDesk.open(entry: entry, store: store, metrics: metrics, logger: logger)
            desks[entry.id] = desk
            feeders[entry.id] = DeskFeeder(desk: desk, assessor: assessor)
        }
        self.desks = desks
        self.feeders = feeders
        self.explainers = explainers
        loginLimiter = KeyedRateLimiter(perMinute: configuration.limits.loginAttemptsPerMinute)
        ingestLimiter = KeyedRateLimiter(perMinute: configuration.limits.ingestRequestsPerMinute)
    }

    /// The posts with their reasons filled in (those stored without them), for showing a post's "why".
    public func explained(_ posts: [StoredPost], campaignID: String) -> [StoredPost] {
        guard let explainer = explainers[campaignID], let campaign = desks[campaignID]?.entry.campaign else { return posts }
        let missing = posts.indices.filter { posts[$0].assessment.reasons.isEmpty }
        guard !missing.isEmpty else { return posts }
        let assessed = explainer.assess(missing.map { posts[$0].post }, in: campaign)
        var result = posts
        for (index, assessment) in zip(missing, assessed) { result[index].assessment.reasons = assessment.reasons }
        return result
    }

    /// Campaign ids and names in configuration order.
    public var campaignList: [(id: String, name: String)] { configuration.campaigns.map { ($0.id, $0.campaign.name) } }

    /// Issues a one-time login for a user, valid for `lifetime`.
    public func issueOneTimeLogin(user: String, lifetime: TimeInterval = 24 * 3600) -> String {
        let token = Tokens.random()
        oneTimeLogins.withLockedValue { $0[Tokens.digest(token)] = (user, Date().addingTimeInterval(lifetime)) }
        return token
    }

    /// Redeems a one-time login: the user's name, once, if the token is valid.
    public func redeemOneTimeLogin(_ token: String, now: Date = Date()) -> String? {
        oneTimeLogins.withLockedValue { tokens in
            guard let entry = tokens.removeValue(forKey: Tokens.digest(token)), entry.expires > now else { return nil }
            return entry.user
        }
    }

    /// A CSRF token for the login form (there is no session yet to hold one).
    func issueLoginToken(now: Date = Date()) -> String {
        let token = Tokens.random(bytes: 24)
        loginTokens.withLockedValue { tokens in
            if tokens.count > 10_000 { tokens = tokens.filter { $0.value > now } }
            if tokens.count > 10_000 { tokens.removeAll() }
            tokens[Tokens.digest(token)] = now.addingTimeInterval(3600)
        }
        return token
    }

    /// Checks and spends a login CSRF token.
    func spendLoginToken(_ token: String, now: Date = Date()) -> Bool {
        loginTokens.withLockedValue { tokens in
            guard let expiry = tokens.removeValue(forKey: Tokens.digest(token)) else { return false }
            return expiry > now
        }
    }

    /// Refreshes the health, breaker and listener gauges.
    func updateGauges() async {
        for desk in desks.values {
            let snapshot = await desk.snapshot()
            for health in Health.allCases {
                metrics.set("firebreak_campaign_health", snapshot.health == health ? 1 : 0, labels: ["campaign": desk.id, "health": health.rawValue])
            }
            metrics.set("firebreak_breaker_tripped", snapshot.breaker.galleryFrozen ? 1 : 0, labels: ["campaign": desk.id])
            metrics.set("firebreak_sse_clients", Double(desk.events.count), labels: ["campaign": desk.id])
        }
    }
}
