import Foundation

/// A Bernoulli CUSUM on critical labels: accumulates the log-likelihood ratio of "critical share is p1"
/// against the campaign's own baseline p0, minute by minute. O(1) per minute.
public struct CompositionCUSUM: Sendable, Hashable {
    /// The baseline critical share.
    public let p0: Double
    /// The shifted critical share the test looks for.
    public let p1: Double
    /// The current statistic.
    public private(set) var statistic = 0.0
    /// The first minute of the current run above zero: the onset estimate when the test fires.
    public private(set) var runStart: Int?
    /// Critical posts since `runStart`.
    public private(set) var runCritical = 0
    /// Posts since `runStart`.
    public private(set) var runTotal = 0

    private let criticalWeight: Double
    private let otherWeight: Double

    /// Creates a CUSUM for a baseline share; the alternative is max(p0 + 0.2, 2.5 p0), capped at 0.95.
    public init(baselineShare: Double) {
        p0 = min(max(baselineShare, 0.02), 0.6)
        p1 = min(0.95, max(p0 + 0.2, 2.5 * p0))
        criticalWeight = log(p1 / p0)
        otherWeight = log((1 - p1) / (1 - p0))
    }

    /// Adds one minute's counts; returns the new statistic.
    @discardableResult
    public mutating func add(minute: Int, critical: Int, total: Int) -> Double {
        guard total > 0 else { return statistic }
        let next = statistic + Double(critical) * criticalWeight + Double(total - critical) * otherWeight
        if next <= 0 {
            reset()
        } else {
            if statistic == 0 { runStart = minute }
            statistic = next
            runCritical += critical
            runTotal += total
        }
        return statistic
    }

    /// Starts again from zero (after an alert has been handled).
    public mutating func reset() {
        statistic = 0
        runStart = nil
        runCritical = 0
        runTotal = 0
    }

    /// The critical share since the run began (0 outside a run): the size of the shift, not just its evidence.
    public var runShare: Double { runTotal > 0 ? Double(runCritical) / Double(runTotal) : 0 }

    /// A lower confidence bound on the run's share (`z` binomial standard errors below it): a short run of bad
    /// luck has a high share and a wide interval, a real shift a high share and a narrow one.
    public func runShareLowerBound(z: Double) -> Double {
        guard runTotal > 0 else { return 0 }
        let p = runShare
        return p - z * (p * (1 - p) / Double(runTotal)).squareRoot()
    }

    /// The same test for a new baseline share, carrying the current run over (the baseline keeps learning).
    public func rebased(on baselineShare: Double) -> CompositionCUSUM {
        var test = CompositionCUSUM(baselineShare: baselineShare)
        test.statistic = statistic
        test.runStart = runStart
        test.runCritical = runCritical
        test.runTotal = runTotal
        return test
    }
}
