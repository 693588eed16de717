import Foundation

/// Something about the run that makes the report read other than it seems, said at the top of every report.
public enum ReportWarning: Sendable, Hashable {
    /// The campaign's launch time is after its last post (a mistyped year, say): the monitor watches from the launch
    /// on, so it watched nothing, and the report's health says healthy whatever happened.
    case launchedAfterLastPost(launchedAt: Date, lastPostAt: Date)

    /// A stable identifier for tools reading the JSON report.
    public var code: String {
        switch self {
        case .launchedAfterLastPost: "launched_after_last_post"
        }
    }

    /// The warnings a report of `campaign` with `summary` deserves.
    static func warnings(campaign: Campaign, summary: Summary) -> [ReportWarning] {
        var warnings: [ReportWarning] = []
        if let launched = campaign.launchedAt, let last = summary.lastPostAt, launched > last {
            warnings.append(.launchedAfterLastPost(launchedAt: launched, lastPostAt: last))
        }
        return warnings
    }
}
