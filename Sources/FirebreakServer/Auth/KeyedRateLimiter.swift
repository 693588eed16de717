import Firebreak
import Foundation
import NIOConcurrencyHelpers

/// A token bucket per key (a client address, a campaign), bounded in how many keys it remembers.
public final class KeyedRateLimiter: Sendable {
    private let capacity: Double
    private let perSecond: Double
    private let maxKeys: Int
    private let buckets = NIOLockedValueBox([String: RateLimiter]())

    /// `perMinute` actions a minute per key, all at once at most.
    public init(perMinute: Int, maxKeys: Int = 10_000) {
        capacity = Double(max(1, perMinute))
        perSecond = Double(max(1, perMinute)) / 60
        self.maxKeys = maxKeys
    }

    /// Takes a token for `key` at `now`; false when the key is over its rate.
    public func take(_ key: String, at now: Date = Date()) -> Bool {
        buckets.withLockedValue { buckets in
            if buckets[key] == nil, buckets.count >= maxKeys {
                // Forget everyone rather than grow without bound; a flood of new keys cannot pin memory.
                buckets.removeAll(keepingCapacity: true)
            }
            var bucket = buckets[key] ?? RateLimiter(capacity: capacity, perSecond: perSecond)
            let allowed = bucket.take(at: now)
            buckets[key] = bucket
            return allowed
        }
    }
}
