import Foundation

/// Posts grouped into one-minute event-time buckets, every minute from the first post to the last, so a
/// rule can be run the way a listening tool polls: once per closed minute.
public struct MinuteSeries: Sendable, Hashable {
    /// One closed minute.
    public struct Minute: Sendable, Hashable {
        /// Minutes since the epoch.
        public var index: Int
        /// Posts in the minute.
        public var posts: Int
        /// Sum of the per-post values (sentiment scores; zero when the series counts posts only).
        public var sum: Double
        /// Event time of the minute's last post, or the minute's last second when it had none.
        public var lastPostAt: Date
    }

    /// The minutes in order, empty ones included.
    public private(set) var minutes: [Minute] = []

    /// Builds the series from posts' times and values; times need not be sorted.
    public init(times: [Date], values: [Double]? = nil) {
        guard let first = times.min(), let last = times.max() else { return }
        let firstMinute = Self.minute(of: first)
        let lastMinute = Self.minute(of: last)
        minutes = (firstMinute...lastMinute).map {
            Minute(index: $0, posts: 0, sum: 0, lastPostAt: Date(timeIntervalSince1970: TimeInterval($0 * 60 + 59)))
        }
        var seen = Array(repeating: false, count: minutes.count)
        for (offset, time) in times.enumerated() {
            let slot = Self.minute(of: time) - firstMinute
            minutes[slot].posts += 1
            minutes[slot].sum += values?[offset] ?? 0
            if !seen[slot] || time > minutes[slot].lastPostAt {
                minutes[slot].lastPostAt = time
                seen[slot] = true
            }
        }
    }

    /// The minute since the epoch a time falls in.
    public static func minute(of date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 60).rounded(.down))
    }
}
