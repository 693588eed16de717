import Foundation
import NIOConcurrencyHelpers

/// Fans a campaign's desk events out to every connected page. A slow page drops its oldest events rather than
/// holding up the desk (pages re-read the state when they fall behind).
public final class EventBroadcaster: Sendable {
    private struct Subscribers {
        var next = 0
        var continuations: [Int: AsyncStream<DeskEvent>.Continuation] = [:]
    }

    private let subscribers = NIOLockedValueBox(Subscribers())

    /// Creates a broadcaster with no subscribers.
    public init() {}

    /// How many pages are listening.
    public var count: Int { subscribers.withLockedValue { $0.continuations.count } }

    /// A stream of the events published from now on; it ends when the caller stops iterating.
    public func subscribe() -> AsyncStream<DeskEvent> {
        let (stream, continuation) = AsyncStream<DeskEvent>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let id = subscribers.withLockedValue { state -> Int in
            state.next += 1
            state.continuations[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLockedValue { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends an event to every subscriber.
    public func publish(_ event: DeskEvent) {
        let targets = subscribers.withLockedValue { Array($0.continuations.values) }
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every subscription (server shutdown).
    public func finish() {
        let targets = subscribers.withLockedValue { state -> [AsyncStream<DeskEvent>.Continuation] in
            defer { state.continuations = [:] }
            return Array(state.continuations.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
