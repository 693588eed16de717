import Firebreak
import Foundation

/// Writes a `CampaignReport` as `firebreak.report/1` JSON (see `schemas/report.schema.json`).
///
/// Keys follow the schema's order and spelling, dates are RFC 3339 in UTC with `Z`, and the output is the same
/// bytes for the same report. Strings are written in full: the JSON is the faithful record, so nothing is
/// truncated or neutralised here (the HTML and Markdown renderers do that for people).
public struct JSONReportEncoder: Sendable {
    /// Indented, one member a line (the default), or compact on one line.
    public var prettyPrinted: Bool

    /// Creates an encoder.
    public init(prettyPrinted: Bool = true) {
        self.prettyPrinted = prettyPrinted
    }

    /// The report as UTF-8 JSON bytes, ending with a newline when pretty-printed.
    public func encode(_ report: CampaignReport) -> Data {
        Data(encodeBytes(report))
    }

    /// The report as a JSON string.
    public func encodeString(_ report: CampaignReport) -> String {
        String(decoding: encodeBytes(report), as: UTF8.self)
    }

    private func encodeBytes(_ report: CampaignReport) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096 + report.timeline.count * 256 + report.examples.count * 512)
        Self.node(report).write(into: &out, indent: prettyPrinted ? 0 : nil)
        if prettyPrinted { out.append(UInt8(ascii: "\n")) }
        return out
    }

    // MARK: - Report to node

    static func node(_ report: CampaignReport) -> JSONNode {
        var members: [(String, JSONNode)] = [
            ("schema", .string(CampaignReport.schemaID)),
            ("generated_by", .string(report.generatedBy)),
            ("campaign", node(report.campaign)),
            ("input", node(report.input)),
            ("summary", node(report.summary)),
            ("timeline", .array(report.timeline.map(node))),
            ("alerts", .array(report.alerts.map(node))),
            ("themes", .array(report.themes.map(node))),
            ("accounts", .array(report.accounts.map(node))),
            ("coordination", .array(report.coordination.map(node))),
            ("examples", .array(report.examples.map(node))),
            ("featured_candidates", .strings(report.featuredCandidates)),
        ]
        // Beyond the schema's required members, and only when there is something to say, so other reports stay as they were.
        if !report.warnings.isEmpty {
            let warnings = report.warnings.map {
                JSONNode.object([("code", .string($0.code)), ("message", .string($0.message))])
            }
            members.append(("warnings", .array(warnings)))
        }
        return .object(members)
    }

    static func node(_ campaign: Campaign) -> JSONNode {
        .object([
            ("name", .string(campaign.name)),
            ("hashtags", .strings(campaign.hashtags)),
            ("owners", .strings(campaign.owners)),
            ("target", .object([("name", .string(campaign.target.name)), ("aliases", .strings(campaign.target.aliases))])),
            ("launched_at", date(campaign.launchedAt)),
            ("brief", .optional(campaign.brief)),
        ])
    }

    static func node(_ input: InputSummary) -> JSONNode {
        .object([
            ("files", .strings(input.files)),
            ("records", .integer(input.records)),
            ("posts", .integer(input.posts)),
            ("duplicates", .integer(input.duplicates)),
            ("rejected", .integer(input.rejected)),
            (
                "rejections",
                .array(
                    input.rejections.map {
                        .object([("file", .string($0.file)), ("record", .integer($0.record)), ("reason", .string($0.reason))])
                    })
            ),
        ])
    }

    static func node(_ summary: Summary) -> JSONNode {
        .object([
            ("posts", .integer(summary.posts)),
            ("authors", .integer(summary.authors)),
            ("first_post_at", date(summary.firstPostAt)),
            ("last_post_at", date(summary.lastPostAt)),
            (
                "stance",
                .object([
                    ("supportive", .integer(summary.supportive)), ("neutral", .integer(summary.neutral)),
                    ("critical", .integer(summary.critical)),
                ])
            ),
            ("sarcastic", .integer(summary.sarcastic)),
            ("health", .string(summary.health.rawValue)),
            ("turned_at", date(summary.turnedAt)),
        ])
    }

    static func node(_ bucket: TimelineBucket) -> JSONNode {
        .object([
            ("start", date(bucket.start)),
            ("end", date(bucket.end)),
            ("posts", .integer(bucket.posts)),
            ("supportive", .integer(bucket.supportive)),
            ("neutral", .integer(bucket.neutral)),
            ("critical", .integer(bucket.critical)),
            ("sarcastic", .integer(bucket.sarcastic)),
            ("authors", .integer(bucket.authors)),
            ("new_authors", .integer(bucket.newAuthors)),
            ("health", .string(bucket.health.rawValue)),
        ])
    }

    static func node(_ alert: Alert) -> JSONNode {
        // Dictionaries have no order; sorting the figure names keeps the output reproducible.
        let figures = alert.figures.sorted { $0.key < $1.key }.map { ($0.key, JSONNode.number($0.value)) }
        return .object([
            ("id", .string(alert.id)),
            ("kind", .string(alert.kind.rawValue)),
            ("level", .string(alert.level.rawValue)),
            ("raised_at", date(alert.raisedAt)),
            ("onset_estimate", date(alert.onsetEstimate)),
            ("summary", .string(alert.summary)),
            (
                "evidence",
                .object([
                    ("figures", .object(figures)),
                    ("themes", .strings(alert.themes)),
                    ("accounts", .strings(alert.accounts)),
                    ("example_post_ids", .strings(alert.examplePostIDs)),
                    ("clusters", .array(alert.clusters.map(node))),
                ])
            ),
            ("recommended_actions", .strings(alert.recommendedActions)),
        ])
    }

    static func node(_ theme: Theme) -> JSONNode {
        .object([
            ("terms", .strings(theme.terms)),
            ("posts", .integer(theme.posts)),
            ("first_seen", date(theme.firstSeen)),
            ("example_post_ids", .strings(theme.examplePostIDs)),
        ])
    }

    static func node(_ account: AccountSummary) -> JSONNode {
        .object([
            ("handle", .string(account.handle)),
            ("posts", .integer(account.posts)),
            ("critical", .integer(account.critical)),
            ("followers", account.followers.map(JSONNode.integer) ?? .null),
            ("role", .string(account.role)),
        ])
    }

    static func node(_ cluster: CoordinationCluster) -> JSONNode {
        var members: [(String, JSONNode)] = [
            ("kind", .string(cluster.kind)),
            ("accounts", .strings(cluster.accounts)),
            ("posts", .integer(cluster.posts)),
        ]
        // The schema types window_seconds as a number, which null and NaN are not; an unknown span is left out.
        if cluster.windowSeconds.isFinite { members.append(("window_seconds", .number(cluster.windowSeconds))) }
        members.append(("shared", .string(cluster.shared)))
        if let startedAt = cluster.startedAt { members.append(("started_at", date(startedAt))) }
        if let detectedAt = cluster.detectedAt { members.append(("detected_at", date(detectedAt))) }
        if let example = cluster.examplePostID { members.append(("example_post_id", .string(example))) }
        return .object(members)
    }

    static func node(_ example: ExamplePost) -> JSONNode {
        .object([
            ("id", .string(example.id)),
            ("handle", .string(example.handle)),
            // null, not 1970, for a post that had no time (the schema leaves examples open; theme first_seen must be a string).
            ("created_at", example.createdAt == Post.undated ? .null : date(example.createdAt)),
            ("text", .string(example.text)),
            ("stance", .string(example.stance.rawValue)),
            ("sarcastic", .bool(example.sarcastic)),
            ("has_media", .bool(example.hasMedia)),
            ("why", .string(example.why)),
        ])
    }

    private static func date(_ value: Date) -> JSONNode { .string(ReportFormatting.rfc3339(value)) }
    private static func date(_ value: Date?) -> JSONNode { value.map(date) ?? .null }
}
