import Firebreak
import FirebreakFormats
import Foundation
import Logging

/// Replays archives into a desk in accelerated event time: a post is ingested when the replay clock reaches its
/// creation time, and the clock closes minutes while nothing arrives, so the desk turns exactly as it would have live.
public struct ArchiveReplay: Sendable {
    /// The feeder into the desk.
    public let feeder: DeskFeeder
    /// What to replay.
    public let replay: DeskConfiguration.Replay
    /// Logs progress.
    public let logger: Logger

    /// Creates a replay.
    public init(feeder: DeskFeeder, replay: DeskConfiguration.Replay, logger: Logger = Logger(label: "firebreak.replay")) {
        self.feeder = feeder
        self.replay = replay
        self.logger = logger
    }

    /// Runs the replay to the end of the archives (or the limit); cancelling the task stops it.
    public func run() async throws {
        let source = ArchiveSource(paths: replay.files, format: replay.format)
        var clock: ReplayClock?
        var ingested = 0
        let wallStart = Date()
        for try await processed in feeder.pipeline.run(source) {
            // Archives are mostly in time order; within a batch, order it so the clock releases posts in turn.
            var pending = processed.assessed.sorted { $0.post.createdAt < $1.post.createdAt }[...]
            var rejections = processed.inputErrors + processed.rejections
            if clock == nil, let first = pending.first {
                clock = ReplayClock(eventStart: first.post.createdAt, wallStart: Date(), speed: replay.speed)
            }
            guard let clock else {
                if !rejections.isEmpty { _ = try await feeder.desk.ingest(ProcessedBatch(records: processed.records, assessed: [], rejections: rejections, inputErrors: [])) }
                continue
            }
            if let limit = replay.limit {
                pending = pending.prefix { $0.post.createdAt.timeIntervalSince(clock.eventStart) <= limit }
            }
            while !pending.isEmpty || !rejections.isEmpty {
                try Task.checkCancellation()
                let now = clock.eventTime(at: Date())
                let ready = pending.prefix { $0.post.createdAt <= now }
                if !ready.isEmpty || !rejections.isEmpty {
                    _ = try await feeder.desk.ingest(ProcessedBatch(records: ready.count, assessed: Array(ready), rejections: rejections, inputErrors: []))
                    ingested += ready.count
                    pending = pending.dropFirst(ready.count)
                    rejections = []
                    continue
                }
                try await feeder.desk.advance(to: now)
                let wait = clock.wallSeconds(until: pending.first!.post.createdAt, from: Date())
                try await Task.sleep(for: .milliseconds(Int(min(0.25, max(0.005, wait)) * 1000)))
            }
            if let limit = replay.limit, processed.assessed.contains(where: { $0.post.createdAt.timeIntervalSince(clock.eventStart) > limit }) { break }
        }
        // Let the last minutes close as if time went on.
        if let clock { try await feeder.desk.advance(to: clock.eventTime(at: Date()).addingTimeInterval(180)) }
        logger.info(
            "replay finished",
            metadata: ["campaign": "\(feeder.desk.id)", "posts": "\(ingested)", "seconds": "\(Int(Date().timeIntervalSince(wallStart)))"])
    }
}

/// Maps wall time to event time for a replay: event time runs `speed` times faster from the first post.
public struct ReplayClock: Sendable {
    /// Event time at the start.
    public let eventStart: Date
    /// Wall time at the start.
    public let wallStart: Date
    /// Event seconds per wall second.
    public let speed: Double

    /// Creates a clock.
    public init(eventStart: Date, wallStart: Date, speed: Double) {
        self.eventStart = eventStart
        self.wallStart = wallStart
        self.speed = speed
    }

    /// Event time at a wall time.
    public func eventTime(at wall: Date) -> Date { eventStart.addingTimeInterval(wall.timeIntervalSince(wallStart) * speed) }

    /// Wall seconds from `wall` until event time reaches `event`.
    public func wallSeconds(until event: Date, from wall: Date) -> TimeInterval {
        event.timeIntervalSince(eventTime(at: wall)) / speed
    }
}
