import Foundation

/// An exponentially weighted moving average of the critical share with control limits, for slow souring that
/// a CUSUM tuned to jumps reaches late. Critical and total counts are discounted by the same factor each minute,
/// so busy minutes weigh more than quiet ones; the limit is `limit` standard errors of the discounted share under
/// the baseline (binomial variance), and a minimum shift keeps a busy campaign's tiny wobbles out. O(1) per minute.
public struct ShareEWMA: Sendable, Hashable {
    /// The baseline critical share.
    public let baselineShare: Double
    /// The per-minute discount (exp(-1 / memory minutes)).
    public let discount: Double
    /// Control limit in standard errors.
    public let limit: Double
    /// Smallest upward shift of the share that counts.
    public let minimumShift: Double
    /// Posts the baseline share was estimated from: its own uncertainty widens the limit.
    public let baselinePosts: Double
    private var critical = 0.0
    private var total = 0.0
    private var variance = 0.0
    /// First minute the share stayed above the baseline in the current excursion: the onset estimate.
    public private(set) var excursionStart: Int?

    /// Creates an EWMA around a baseline share with a memory of `memoryMinutes`.
    public init(baselineShare: Double, baselinePosts: Double = .infinity, memoryMinutes: Double = 60, limit: Double = 4, minimumShift: Double = 0.08)
    {
        self.baselinePosts = max(1, baselinePosts)
        self.baselineShare = min(max(baselineShare, 0.01), 0.99)
        discount = exp(-1 / max(1, memoryMinutes))
        self.limit = limit
        self.minimumShift = minimumShift
    }

    /// Adds one minute's counts (soft counts allowed).
    public mutating func add(minute: Int, critical k: Double, total n: Double) {
        critical = discount * critical + k
        total = discount * total + n
        variance = discount * discount * variance + n
        if share > baselineShare {
            if excursionStart == nil, n > 0 { excursionStart = minute }
        } else {
            excursionStart = nil
        }
    }

    /// The discounted critical share (the baseline until anything is seen).
    public var share: Double { total > 0 ? critical / total : baselineShare }

    /// The upper control limit for the current weights.
    public var upperLimit: Double {
        guard total > 0 else { return 1 }
        let pq = baselineShare * (1 - baselineShare)
        let se = (pq * variance / (total * total) + pq / baselinePosts).squareRoot()
        return baselineShare + max(minimumShift, limit * se)
    }

    /// Whether the share is above its upper limit.
    public var isAboveLimit: Bool { total > 0 && share > upperLimit }

    /// Starts again from nothing (after an alert has been handled).
    public mutating func reset() {
        critical = 0
        total = 0
        variance = 0
        excursionStart = nil
    }
}
