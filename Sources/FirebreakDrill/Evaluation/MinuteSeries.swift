import Firebreak
import Foundation

/// Posts grouped into one-minute event-time buckets, every minute from the first post to the last, so a rule can be run
/// the way a listening tool polls: once per closed minute. A quiet spell is kept for as long as the monitor reads one
/// (`CampaignAnalysis.quietMinutesClosed`, a day): longer than any rule's window, so cutting the rest of it changes no
/// rule, and one stray date cannot make billions of minutes.
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

    /// The minutes in order, empty ones included, except past the first day of a longer quiet spell.
    public private(set) var minutes: [Minute] = []

    /// Builds the series from posts' times and values; times need not be sorted.
    public init(times: [Date], values: [Double]? = nil) {
        let busy = Set(times.map(Self.minute(of:))).sorted()
        var slots: [Int: Int] = [:]
        for (offset, minute) in busy.enumerated() {
            if offset > 0 {
                // The empty minutes since the previous busy one, at most a day of them.
                let previous = busy[offset - 1]
                for empty in (previous + 1)..<min(minute, previous + 1 + CampaignAnalysis.quietMinutesClosed) { minutes.append(Self.empty(empty)) }
            }
            slots[minute] = minutes.count
            minutes.append(Self.empty(minute))
        }
        var seen = Array(repeating: false, count: minutes.count)
        for (offset, time) in times.enumerated() {
            let slot = slots[Self.minute(of: time)]!
            minutes[slot].posts += 1
            minutes[slot].sum += values?[offset] ?? 0
            if !seen[slot] || time > minutes[slot].lastPostAt {
                minutes[slot].lastPostAt = time
                seen[slot] = true
            }
        }
    }

    private static func empty(_ minute: Int) -> Minute {
        Minute(index: minute, posts: 0, sum: 0, lastPostAt: Date(timeIntervalSince1970: TimeInterval(minute * 60 + 59)))
    }

    /// The minute since the epoch a time falls in.
    public static func minute(of date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 60).rounded(.down))
    }
}
