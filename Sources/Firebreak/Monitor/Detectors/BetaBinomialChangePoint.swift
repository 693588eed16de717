import Foundation

/// Bayesian online change-point detection (Adams & MacKay 2007) on per-minute (critical, total) counts with a
/// Beta-Binomial model: after every minute it holds the posterior over the run length (minutes since the last
/// change), each run with its own Beta posterior of the critical share.
///
/// Bounded: at most `maxRunLength` run lengths are kept (longer runs are folded into the longest, which keeps its
/// statistics), so a minute costs O(maxRunLength) and memory is O(maxRunLength) whatever the campaign's length.
/// Counts are tempered to at most `effectiveCap` posts a minute: labels are noisy and minutes are overdispersed,
/// so a busy minute is not allowed to weigh as a thousand independent coin flips.
public struct BetaBinomialChangePoint: Sendable {
    struct Run: Sendable {
        /// Minutes in the run, including the latest.
        var length: Int
        /// Log posterior mass.
        var logMass: Double
        var alpha: Double
        var beta: Double
    }

    /// The prior's pseudo-counts (critical, other) for a new segment.
    public let priorAlpha: Double
    /// The prior's pseudo-counts (critical, other) for a new segment.
    public let priorBeta: Double
    /// Expected minutes between changes (the constant hazard is its inverse).
    public let expectedRunLength: Double
    /// Run lengths kept at most.
    public let maxRunLength: Int
    /// Posts a minute counted at most.
    public let effectiveCap: Double
    private var runs: [Run] = []
    /// The last minute read.
    public private(set) var lastMinute: Int?

    /// Creates a detector whose new segments start from a Beta prior centred on `baselineShare` with
    /// `priorStrength` pseudo-posts.
    public init(
        baselineShare: Double, priorStrength: Double = 4, expectedRunLength: Double = 240, maxRunLength: Int = 180,
        effectiveCap: Double = 40
    ) {
        let p = min(max(baselineShare, 0.01), 0.99)
        priorAlpha = p * priorStrength
        priorBeta = (1 - p) * priorStrength
        self.expectedRunLength = max(2, expectedRunLength)
        self.maxRunLength = max(2, maxRunLength)
        self.effectiveCap = max(1, effectiveCap)
    }

    /// Reads one minute. Empty minutes carry no evidence and leave the posterior as it is, apart from ageing it.
    public mutating func add(minute: Int, critical: Double, total: Double) {
        lastMinute = minute
        let scale = total > effectiveCap ? effectiveCap / total : 1
        let k = critical * scale
        let n = total * scale
        if runs.isEmpty {
            runs = [Run(length: 1, logMass: 0, alpha: priorAlpha + k, beta: priorBeta + n - k)]
            return
        }
        let logHazard = log(1 / expectedRunLength)
        let logGrowth = log(1 - 1 / expectedRunLength)
        var next: [Run] = []
        next.reserveCapacity(runs.count + 1)
        for run in runs {
            let predictive = Self.logPredictive(k: k, n: n, alpha: run.alpha, beta: run.beta)
            let joint = run.logMass + predictive
            next.append(Run(length: run.length + 1, logMass: joint + logGrowth, alpha: run.alpha + k, beta: run.beta + n - k))
        }
        // A change before this minute: its evidence is weighed under the prior (the sum over runs of the
        // predictive times the hazard, since the hazard is constant).
        let fresh = Self.logPredictive(k: k, n: n, alpha: priorAlpha, beta: priorBeta)
        let priorMass = runs.reduce(-Double.infinity) { Self.logAdd($0, $1.logMass) }
        let changeMass = priorMass + logHazard + fresh
        next.insert(Run(length: 1, logMass: changeMass, alpha: priorAlpha + k, beta: priorBeta + n - k), at: 0)
        while next.count > maxRunLength {
            // Fold the longest run into the next longest: both describe "no change for a long time".
            let last = next.removeLast()
            let merged = Self.logAdd(next[next.count - 1].logMass, last.logMass)
            if last.logMass > next[next.count - 1].logMass {
                next[next.count - 1] = Run(length: last.length, logMass: merged, alpha: last.alpha, beta: last.beta)
            } else {
                next[next.count - 1].logMass = merged
            }
        }
        let total = next.reduce(-Double.infinity) { Self.logAdd($0, $1.logMass) }
        for i in next.indices { next[i].logMass -= total }
        runs = next
    }

    /// The posterior probability that the current run began within the last `minutes` minutes.
    public func changeProbability(within minutes: Int) -> Double {
        runs.reduce(0) { $0 + ($1.length <= minutes ? exp($1.logMass) : 0) }
    }

    /// The most probable run length (MAP), in minutes including the latest.
    public var mapRunLength: Int? { runs.max { $0.logMass < $1.logMass }?.length }

    /// The first minute of the MAP run: the onset estimate.
    public var onset: Int? {
        guard let last = lastMinute, let length = mapRunLength else { return nil }
        return last - length + 1
    }

    /// The posterior mean critical share of the MAP run, on the tempered counts.
    public var mapShare: Double? {
        guard let run = runs.max(by: { $0.logMass < $1.logMass }) else { return nil }
        return run.alpha / (run.alpha + run.beta)
    }

    /// A lower credible bound on the MAP run's critical share: the posterior mean less `z` posterior standard deviations.
    public func mapShareLowerBound(z: Double) -> Double? {
        guard let run = runs.max(by: { $0.logMass < $1.logMass }) else { return nil }
        let n = run.alpha + run.beta
        let mean = run.alpha / n
        return mean - z * (mean * (1 - mean) / (n + 1)).squareRoot()
    }

    /// The posterior mean critical share of the longest run kept: the state before any recent change.
    public var longestRunShare: Double? { runs.last.map { $0.alpha / ($0.alpha + $0.beta) } }

    /// log of the Beta-Binomial probability of k out of n without the binomial coefficient, which is the same for
    /// every run length and cancels when the posterior is normalised.
    static func logPredictive(k: Double, n: Double, alpha: Double, beta: Double) -> Double {
        lgamma(alpha + k) + lgamma(beta + n - k) - lgamma(alpha + beta + n) - (lgamma(alpha) + lgamma(beta) - lgamma(alpha + beta))
    }

    static func logAdd(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let m = max(a, b)
        return m + log(exp(a - m) + exp(b - m))
    }
}
