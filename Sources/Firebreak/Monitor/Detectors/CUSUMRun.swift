/// What every CUSUM here shares: the statistic, held at zero or above, and the minute its current run began.
public struct CUSUMRun: Sendable, Hashable {
    /// The current statistic.
    public private(set) var statistic = 0.0
    /// The first minute of the current run above zero (nil at zero).
    public private(set) var start: Int?

    /// Adds a minute's log-likelihood ratio; returns whether a run goes on (false: the statistic fell to zero).
    mutating func step(_ increment: Double, minute: Int) -> Bool {
        let next = statistic + increment
        guard next > 0 else {
            reset()
            return false
        }
        if statistic == 0 { start = minute }
        statistic = next
        return true
    }

    /// Back to zero, with no run.
    mutating func reset() {
        statistic = 0
        start = nil
    }
}
