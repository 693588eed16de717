/// The thresholds of the health monitor. The defaults are set for campaigns of 100 posts an hour and up.
public struct MonitorConfiguration: Sendable, Hashable, Codable {
    /// Minutes from launch (or the first post) used to learn the campaign's own baseline.
    public var baselineMinutes = 30
    /// Prior for the baseline critical share: pseudo-critical posts.
    public var baselinePriorCritical = 1.0
    /// Prior for the baseline critical share: pseudo-posts.
    public var baselinePriorTotal = 10.0
    /// CUSUM decision threshold (log-likelihood ratio) for a composition change.
    public var cusumThreshold = 8.0
    /// Minutes in the corroboration window.
    public var corroborationMinutes = 15
    /// Critical posts needed in the corroboration window.
    public var criticalFloor = 25
    /// Distinct critical authors needed in the corroboration window beyond those the baseline critical share
    /// accounts for (a handful of trolls is not a hijack).
    public var criticalAuthorFloor = 8
    /// Volume ratio against the baseline rate that corroborates a composition change.
    public var volumeRatio = 2.0
    /// Critical posts in the window that corroborate on their own, without a volume rise.
    public var absoluteCriticalFloor = 60
    /// Minutes the critical share must stay low before hijacked turns to recovering, and recovering to healthy.
    public var recoveryMinutes = 20

    /// The default configuration.
    public init() {}
}
