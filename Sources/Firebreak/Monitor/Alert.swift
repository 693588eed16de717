import Foundation

/// Something the monitor wants a person to know, with the evidence behind it.
public struct Alert: Sendable, Hashable, Codable {
    /// What kind of change the alert reports.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case hijack
        case volumeBurst = "volume_burst"
        case coordination
        case theme
        case drift
    }

    /// How sure and how urgent.
    public enum Level: String, Sendable, Hashable, Codable {
        case watch
        case alert
    }

    /// A stable id within the run (`A1`, `A2`, ...).
    public var id: String
    /// The kind.
    public var kind: Kind
    /// Watch or alert.
    public var level: Level
    /// Event time of the last post seen when the alert fired.
    public var raisedAt: Date
    /// When the change is estimated to have begun.
    public var onsetEstimate: Date?
    /// One sentence a person can act on.
    public var summary: String
    /// Named figures behind the alert (`critical_share`, `baseline_critical_share`, `posts_per_hour`, ...).
    public var figures: [String: Double]
    /// Theme terms present when it fired.
    public var themes: [String]
    /// Handles leading the change.
    public var accounts: [String]
    /// Example post ids.
    public var examplePostIDs: [String]
    /// What the team should do.
    public var recommendedActions: [String]
    /// Groups of accounts that posted the same thing, behind a coordination alert.
    public var clusters: [CoordinationCluster]

    /// Creates an alert.
    public init(
        id: String, kind: Kind, level: Level, raisedAt: Date, onsetEstimate: Date?, summary: String,
        figures: [String: Double] = [:], themes: [String] = [], accounts: [String] = [], examplePostIDs: [String] = [],
        recommendedActions: [String] = [], clusters: [CoordinationCluster] = []
    ) {
        self.id = id
        self.kind = kind
        self.level = level
        self.raisedAt = raisedAt
        self.onsetEstimate = onsetEstimate
        self.summary = summary
        self.figures = figures
        self.themes = themes
        self.accounts = accounts
        self.examplePostIDs = examplePostIDs
        self.recommendedActions = recommendedActions
        self.clusters = clusters
    }
}
