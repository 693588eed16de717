import Foundation

/// A Poisson CUSUM on posts per minute against the campaign's own baseline rate: accumulates the log-likelihood
/// ratio of "the rate is `ratio` × baseline" against the baseline, minute by minute. O(1) per minute.
public struct PoissonCUSUM: Sendable, Hashable {
    /// The baseline rate, posts a minute.
    public let baselineRate: Double
    /// The raised rate the test looks for.
    public let raisedRate: Double
    private var run = CUSUMRun()
    /// The current statistic.
    public var statistic: Double { run.statistic }
    /// The first minute of the current run above zero: the onset estimate when the test fires.
    public var runStart: Int? { run.start }

    private let countWeight: Double
    private let rateCost: Double

    /// Creates a CUSUM for a baseline rate (at least 0.05 posts a minute) looking for `ratio` times it.
    public init(baselineRate: Double, ratio: Double = 3) {
        self.baselineRate = max(baselineRate, 0.05)
        raisedRate = self.baselineRate * max(ratio, 1.01)
        countWeight = log(raisedRate / self.baselineRate)
        rateCost = raisedRate - self.baselineRate
    }

    /// Adds one minute's post count; returns the new statistic.
    @discardableResult
    public mutating func add(minute: Int, posts: Int) -> Double {
        _ = run.step(Double(posts) * countWeight - rateCost, minute: minute)
        return statistic
    }

    /// Starts again from zero.
    public mutating func reset() { run.reset() }
}
