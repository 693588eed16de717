import Foundation

/// A Bernoulli CUSUM on critical labels: accumulates the log-likelihood ratio of "critical share is p1"
/// against the campaign's own baseline p0, minute by minute. O(1) per minute.
public struct CompositionCUSUM: Sendable, Hashable {
    /// The baseline critical share.
    public let p0: Double
    /// The shifted critical share the test looks for.
    public let p1: Double
    private var run = CUSUMRun()
    /// The current statistic.
    public var statistic: Double { run.statistic }
    /// The first minute of the current run above zero: the onset estimate when the test fires.
    public var runStart: Int? { run.start }
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
        if run.step(Double(critical) * criticalWeight + Double(total - critical) * otherWeight, minute: minute) {
            runCritical += critical
            runTotal += total
        } else {
            (runCritical, runTotal) = (0, 0)
        }
        return statistic
    }

    /// Starts again from zero (after an alert has been handled).
    public mutating func reset() {
        run.reset()
        (runCritical, runTotal) = (0, 0)
    }

    /// The critical share since the run began (0 outside a run): the size of the shift, not just its evidence.
    public var runShare: Double { runTotal > 0 ? Double(runCritical) / Double(runTotal) : 0 }

    /// A lower confidence bound on the run's share (`z` binomial standard errors below it): a short run of bad
    /// luck has a high share and a wide interval, a real shift a high share and a narrow one.
    public func runShareLowerBound(z: Double) -> Double {
        Self.shareLowerBound(critical: runCritical, total: runTotal, z: z)
    }

    /// A lower confidence bound on a share, `z` binomial standard errors below it (0 with no posts).
    public static func shareLowerBound(critical: Int, total: Int, z: Double) -> Double {
        guard total > 0 else { return 0 }
        let p = Double(critical) / Double(total)
        return p - z * (p * (1 - p) / Double(total)).squareRoot()
    }

    /// The same test for a new baseline share, carrying the current run over (the baseline keeps learning).
    public func rebased(on baselineShare: Double) -> CompositionCUSUM {
        var test = CompositionCUSUM(baselineShare: baselineShare)
        test.run = run
        test.runCritical = runCritical
        test.runTotal = runTotal
        return test
    }
}
