/// One event-time minute the live monitor has read: its figures, the health after it and the alerts it raised.
public struct ClosedMinute: Sendable {
    /// The minute's figures.
    public var figures: MinuteSummary
    /// Health after the minute.
    public var health: Health
    /// Alerts raised at the close of this minute.
    public var alerts: [Alert]

    /// Creates a closed minute.
    public init(figures: MinuteSummary, health: Health, alerts: [Alert]) {
        self.figures = figures
        self.health = health
        self.alerts = alerts
    }
}
