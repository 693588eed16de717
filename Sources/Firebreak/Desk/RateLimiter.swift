import Foundation

/// A token bucket on a clock the caller supplies: `capacity` actions at once, refilled at `perSecond`.
public struct RateLimiter: Sendable {
    /// The most tokens held.
    public let capacity: Double
    /// Tokens added each second.
    public let perSecond: Double
    private var tokens: Double
    private var updated: Date?

    /// Creates a full bucket.
    public init(capacity: Double, perSecond: Double) {
        self.capacity = max(0, capacity)
        self.perSecond = max(0, perSecond)
        tokens = self.capacity
    }

    /// A bucket allowing `count` actions an hour, all of them at once at most.
    public static func perHour(_ count: Int) -> RateLimiter {
        RateLimiter(capacity: Double(count), perSecond: Double(count) / 3600)
    }

    /// Takes one token at `now` if there is one.
    public mutating func take(at now: Date) -> Bool {
        refill(at: now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Seconds until a token is available at `now` (0 when one is).
    public mutating func wait(at now: Date) -> TimeInterval {
        refill(at: now)
        if tokens >= 1 { return 0 }
        return perSecond > 0 ? (1 - tokens) / perSecond : .infinity
    }

    private mutating func refill(at now: Date) {
        if let updated, now > updated { tokens = min(capacity, tokens + now.timeIntervalSince(updated) * perSecond) }
        if updated.map({ now > $0 }) ?? true { updated = now }
    }
}
