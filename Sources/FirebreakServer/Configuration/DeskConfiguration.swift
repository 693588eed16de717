import Firebreak
import FirebreakFormats
import Foundation
import Yams

/// What `firebreak serve` runs: the database, the limits and one or more campaigns (`firebreak.yml`).
public struct DeskConfiguration: Sendable {
    /// One campaign on the desk.
    public struct CampaignEntry: Sendable {
        /// The campaign's id in URLs (`[a-z0-9-]`, 1 to 40 characters).
        public var id: String
        /// The campaign.
        public var campaign: Campaign
        /// The token ingest requests must carry (`Authorization: Bearer ...`); nil disables HTTP ingest.
        public var ingestToken: String?
        /// The starting policy (settings may change it later; the stored one wins after the first start).
        public var policy: DeskPolicy
        /// Archives replayed into the campaign at start.
        public var replay: Replay?
        /// Where notifications go.
        public var notify: Notify
        /// The Facebook Page the gallery publishes to; nil or without a token: dry-run into the outbox.
        public var facebook: FacebookPage?
        /// The health monitor's thresholds (the defaults unless the configuration sets some).
        public var monitor: MonitorConfiguration

        /// Creates an entry.
        public init(
            id: String, campaign: Campaign, ingestToken: String? = nil, policy: DeskPolicy = DeskPolicy(), replay: Replay? = nil,
            notify: Notify = Notify(), facebook: FacebookPage? = nil, monitor: MonitorConfiguration = MonitorConfiguration()
        ) {
            self.id = id
            self.campaign = campaign
            self.ingestToken = ingestToken
            self.policy = policy
            self.replay = replay
            self.notify = notify
            self.facebook = facebook
            self.monitor = monitor
        }
    }

    /// Archives replayed in accelerated event time.
    public struct Replay: Sendable {
        /// The archives, in any format the readers accept.
        public var files: [String]
        /// The format (`auto` detects it).
        public var format: InputFormat
        /// Event seconds per wall second.
        public var speed: Double
        /// Replay nothing after this much event time from the first post (nil: everything).
        public var limit: TimeInterval?

        /// Creates a replay.
        public init(files: [String], format: InputFormat = .auto, speed: Double = 60, limit: TimeInterval? = nil) {
            self.files = files
            self.format = format
            self.speed = speed
            self.limit = limit
        }
    }

    /// Notification endpoints.
    public struct Notify: Sendable {
        /// A URL that receives a JSON document per event.
        public var webhook: String?
        /// A Slack-compatible incoming-webhook URL.
        public var slack: String?

        /// Creates the endpoints.
        public init(webhook: String? = nil, slack: String? = nil) {
            self.webhook = webhook
            self.slack = slack
        }
    }

    /// A Facebook Page to publish the gallery to.
    public struct FacebookPage: Sendable {
        /// The Page's id.
        public var pageID: String
        /// A Page access token; nil keeps publishing in dry-run.
        public var accessToken: String?
        /// The Graph API version in the URL.
        public var graphVersion: String

        /// Creates a page.
        public init(pageID: String, accessToken: String?, graphVersion: String = "v21.0") {
            self.pageID = pageID
            self.accessToken = accessToken
            self.graphVersion = graphVersion
        }
    }

    /// Request limits.
    public struct Limits: Sendable {
        /// The largest ingest request body.
        public var maxIngestBytes: Int
        /// The most records in one ingest request.
        public var maxIngestRecords: Int
        /// Ingest requests a campaign accepts per minute.
        public var ingestRequestsPerMinute: Int
        /// Failed logins an address may make per minute.
        public var loginAttemptsPerMinute: Int

        /// Creates limits.
        public init(maxIngestBytes: Int = 8 << 20, maxIngestRecords: Int = 10_000, ingestRequestsPerMinute: Int = 1200, loginAttemptsPerMinute: Int = 10) {
            self.maxIngestBytes = maxIngestBytes
            self.maxIngestRecords = maxIngestRecords
            self.ingestRequestsPerMinute = ingestRequestsPerMinute
            self.loginAttemptsPerMinute = loginAttemptsPerMinute
        }
    }

    /// The SQLite database file.
    public var database: String
    /// The campaigns.
    public var campaigns: [CampaignEntry]
    /// Request limits.
    public var limits: Limits
    /// Set the `Secure` flag on cookies (behind TLS).
    public var secureCookies: Bool

    /// Creates a configuration.
    public init(database: String, campaigns: [CampaignEntry], limits: Limits = Limits(), secureCookies: Bool = false) {
        self.database = database
        self.campaigns = campaigns
        self.limits = limits
        self.secureCookies = secureCookies
    }

    /// The problems that make a configuration unusable; empty when it is fine.
    public var problems: [String] {
        var problems: [String] = []
        if campaigns.isEmpty { problems.append("no campaigns") }
        var seen = Set<String>()
        for entry in campaigns {
            if !Self.isValidID(entry.id) { problems.append("campaign id \"\(entry.id)\" must be 1 to 40 characters of a-z, 0-9 and -") }
            if !seen.insert(entry.id).inserted { problems.append("campaign id \"\(entry.id)\" is used twice") }
            if let token = entry.ingestToken, token.count < 16 { problems.append("campaign \(entry.id): ingest_token must be at least 16 characters") }
            problems += entry.policy.problems.map { "campaign \(entry.id): \($0)" }
            if let replay = entry.replay, !(replay.speed > 0 && replay.speed <= 1_000_000) {
                problems.append("campaign \(entry.id): replay speed must be above 0 and at most 1000000")
            }
            for url in [entry.notify.webhook, entry.notify.slack].compactMap({ $0 }) where !Self.isHTTPURL(url) {
                problems.append("campaign \(entry.id): \(url) is not an http(s) URL")
            }
        }
        return problems
    }

    /// Whether `id` can name a campaign in URLs.
    public static func isValidID(_ id: String) -> Bool {
        (1...40).contains(id.count) && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "https" || scheme == "http"
    }
}
