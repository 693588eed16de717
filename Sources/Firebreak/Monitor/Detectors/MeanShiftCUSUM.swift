import Foundation

/// A CUSUM on the mean p_critical of the posts, against the campaign's own baseline mean and spread.
///
/// A critical label throws away how sure the assessor is; on tweets it has not read, its p_critical separates a
/// hijack's posts from a success's better than the label does (the mean moves by more standard deviations per post),
/// so a test on the probabilities needs fewer posts for the same evidence. Each post adds the log-likelihood ratio
/// of a normal mean shifted by `shift` against the baseline mean, with the baseline's variance:
/// (shift / σ²)·(p − μ0 − shift / 2). O(1) per minute, from the minute's sums of p and p².
public struct MeanShiftCUSUM: Sendable, Hashable {
    /// The baseline mean p_critical.
    public let mean0: Double
    /// The baseline variance of p_critical (at least `minimumVariance`).
    public let variance0: Double
    /// The shift of the mean the test is tuned to.
    public let shift: Double
    /// The current statistic.
    public private(set) var statistic = 0.0
    /// The first minute of the current run above zero: the onset estimate when the test fires.
    public private(set) var runStart: Int?
    /// Posts since `runStart`.
    public private(set) var runPosts = 0
    /// Sum of p_critical since `runStart`.
    public private(set) var runSum = 0.0
    /// Sum of squared p_critical since `runStart`.
    public private(set) var runSquares = 0.0

    /// The smallest variance the test assumes: a baseline of near-identical posts must not make every change look certain.
    public static let minimumVariance = 0.01

    /// Creates a test from the baseline's posts, sum of p_critical and sum of its squares.
    public init(baselinePosts n: Int, sum: Double, squares: Double, shift: Double) {
        let count = Double(max(1, n))
        let mean = min(max(sum / count, 0), 1)
        mean0 = mean
        variance0 = max(Self.minimumVariance, squares / count - mean * mean)
        self.shift = shift
    }

    /// Adds one minute's posts, sum of p_critical and sum of squares; returns the new statistic.
    @discardableResult
    public mutating func add(minute: Int, posts: Int, sum: Double, squares: Double) -> Double {
        guard posts > 0 else { return statistic }
        let next = statistic + shift / variance0 * (sum - Double(posts) * (mean0 + shift / 2))
        if next <= 0 {
            reset()
        } else {
            if statistic == 0 { runStart = minute }
            statistic = next
            runPosts += posts
            runSum += sum
            runSquares += squares
        }
        return statistic
    }

    /// Starts again from zero.
    public mutating func reset() {
        statistic = 0
        runStart = nil
        runPosts = 0
        runSum = 0
        runSquares = 0
    }

    /// The mean p_critical since the run began (0 outside a run).
    public var runMean: Double { runPosts > 0 ? runSum / Double(runPosts) : 0 }

    /// A lower confidence bound on the run's mean, `z` standard errors below it; the variance is the run's own or
    /// the baseline's, whichever is larger, so a short run of alike posts is not taken as certain.
    public func runMeanLowerBound(z: Double) -> Double {
        guard runPosts > 0 else { return 0 }
        let m = runMean
        let variance = max(variance0, runSquares / Double(runPosts) - m * m)
        return m - z * (variance / Double(runPosts)).squareRoot()
    }

    /// The same test for a new baseline, carrying the current run over (the baseline keeps learning).
    public func rebased(baselinePosts n: Int, sum: Double, squares: Double) -> MeanShiftCUSUM {
        var test = MeanShiftCUSUM(baselinePosts: n, sum: sum, squares: squares, shift: shift)
        test.statistic = statistic
        test.runStart = runStart
        test.runPosts = runPosts
        test.runSum = runSum
        test.runSquares = runSquares
        return test
    }
}
