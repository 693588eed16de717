import Foundation

/// A CUSUM on the mean p_critical of the posts, against the campaign's own baseline mean and spread.
///
/// A critical label throws away how sure the assessor is; on tweets it has not read, its p_critical separates a
/// hijack's posts from a success's better than the label does (the mean moves by more standard deviations per post),
/// so a test on the probabilities needs fewer posts for the same evidence. Each post adds the log-likelihood ratio
/// of a normal mean shifted by `shift` against the baseline mean, with the baseline's variance:
/// (shift / σ²)·(p − μ0 − shift / 2). O(1) per minute, from the minute's sums of p and p².
public struct MeanShiftCUSUM: Sendable, Hashable {
    /// Posts, and their sums of p_critical and of its square.
    public struct Sums: Sendable, Hashable {
        /// Posts.
        public var posts = 0
        /// Sum of p_critical.
        public var sum = 0.0
        /// Sum of p_critical squared.
        public var squares = 0.0

        /// Sums of the given values.
        public init(posts: Int = 0, sum: Double = 0, squares: Double = 0) {
            (self.posts, self.sum, self.squares) = (posts, sum, squares)
        }

        /// The sums of a roll-up of minutes.
        public init(_ totals: WindowTotals) {
            self.init(posts: totals.posts, sum: totals.sumPCritical, squares: totals.sumPCriticalSquares)
        }

        /// The mean (0 with no posts).
        var mean: Double { posts > 0 ? sum / Double(posts) : 0 }
        /// The variance of the values about their mean (0 with no posts).
        var variance: Double { posts > 0 ? squares / Double(posts) - mean * mean : 0 }
    }

    /// The baseline mean p_critical.
    public let mean0: Double
    /// The baseline variance of p_critical (at least `minimumVariance`).
    public let variance0: Double
    /// The shift of the mean the test is tuned to.
    public let shift: Double
    private var run = CUSUMRun()
    /// The current statistic.
    public var statistic: Double { run.statistic }
    /// The first minute of the current run above zero: the onset estimate when the test fires.
    public var runStart: Int? { run.start }
    /// The posts since `runStart` and their sums.
    public private(set) var runSums = Sums()

    /// The smallest variance the test assumes: a baseline of near-identical posts must not make every change look certain.
    public static let minimumVariance = 0.01

    /// Creates a test from the baseline's sums.
    public init(baseline: Sums, shift: Double) {
        mean0 = min(max(baseline.mean, 0), 1)
        variance0 = max(Self.minimumVariance, baseline.variance)
        self.shift = shift
    }

    /// Adds one minute's sums; returns the new statistic.
    @discardableResult
    public mutating func add(minute: Int, _ sums: Sums) -> Double {
        guard sums.posts > 0 else { return statistic }
        if run.step(shift / variance0 * (sums.sum - Double(sums.posts) * (mean0 + shift / 2)), minute: minute) {
            runSums.posts += sums.posts
            runSums.sum += sums.sum
            runSums.squares += sums.squares
        } else {
            runSums = Sums()
        }
        return statistic
    }

    /// Starts again from zero.
    public mutating func reset() {
        run.reset()
        runSums = Sums()
    }

    /// The mean p_critical since the run began (0 outside a run).
    public var runMean: Double { runSums.mean }

    /// A lower confidence bound on the run's mean, `z` standard errors below it; the variance is the run's own or
    /// the baseline's, whichever is larger, so a short run of alike posts is not taken as certain.
    public func runMeanLowerBound(z: Double) -> Double { meanLowerBound(runSums, z: z) }

    /// The same bound on the mean of any posts' sums (0 with no posts).
    public func meanLowerBound(_ sums: Sums, z: Double) -> Double {
        guard sums.posts > 0 else { return 0 }
        return sums.mean - z * (max(variance0, sums.variance) / Double(sums.posts)).squareRoot()
    }

    /// The same test for a new baseline, carrying the current run over (the baseline keeps learning).
    public func rebased(on baseline: Sums) -> MeanShiftCUSUM {
        var test = MeanShiftCUSUM(baseline: baseline, shift: shift)
        test.run = run
        test.runSums = runSums
        return test
    }
}
