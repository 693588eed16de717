import Firebreak
import Foundation
import NIOConcurrencyHelpers

/// Values kept for a short time under a key, bounded in size: many viewers of the same page share one read, and
/// while it is being made, the others wait for it rather than making it again.
final class ShortLivedCache<Value: Sendable>: Sendable {
    private let lifetime: TimeInterval
    private let capacity: Int
    private let entries = NIOLockedValueBox([String: (at: Date, task: Task<Value, any Error>)]())

    init(lifetime: TimeInterval, capacity: Int) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The value under `key` if it is younger than the lifetime (or being made); otherwise `make`'s, which is kept.
    func value(_ key: String, now: Date = Date(), make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = entries.withLockedValue { entries -> Task<Value, any Error> in
            if let entry = entries[key], now.timeIntervalSince(entry.at) < lifetime { return entry.task }
            if entries.count >= capacity { entries = entries.filter { now.timeIntervalSince($0.value.at) < lifetime } }
            if entries.count >= capacity { entries.removeAll() }
            let task = Task { try await make() }
            entries[key] = (now, task)
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failed read is not kept: the next viewer tries again.
            entries.withLockedValue { entries in if entries[key]?.at == now { entries[key] = nil } }
            throw error
        }
    }
}

/// What the queue page shows besides who is looking.
struct QueuePageData: Sendable {
    var entries: [QueueEntry]
    var counts: [ModerationStatus: Int]
    var galleryFrozen: Bool
    var flagged: [String]
    var olderCursor: String?
}
