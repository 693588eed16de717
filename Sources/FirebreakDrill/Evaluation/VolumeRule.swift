import Foundation

/// The volume rule commercial listening tools use: alert when the last hour's posts are a multiple of the
/// hourly mean of the previous twelve hours (Meltwater compares the last hour with the previous twelve).
///
/// It knows nothing of what the posts say, so a campaign that succeeds sets it off and a hijack at steady
/// volume never does. A new hashtag has no twelve hours of history; the rule uses the history the stream
/// has, and waits until it has at least `minimumHistoryMinutes`, since a mean over nothing would alert on
/// every launch. After an alert it re-arms once the ratio falls under `rearmRatio`, so a count hovering
/// at the threshold does not alert minute after minute.
public struct VolumeRule: Sendable, Hashable {
    /// Minutes in the current window (60).
    public var windowMinutes = 60
    /// Minutes of history before the window whose hourly mean is the baseline (12 hours).
    public var historyMinutes = 720
    /// The least history, in minutes, before the rule is applied at all.
    public var minimumHistoryMinutes = 60
    /// Alert when the window holds at least this multiple of the baseline hourly mean.
    public var ratio = 3.0
    /// ... and at least this many posts.
    public var minimumPosts = 50
    /// After an alert, the ratio must fall below this before the rule can alert again.
    public var rearmRatio = 2.0

    /// Creates the rule with the usual settings.
    public init() {}

    /// Event times at which the rule alerts (the last post seen when it fired), minute by minute.
    public func alerts(in series: MinuteSeries) -> [Date] {
        let minutes = series.minutes
        // Prefix sums make each minute's window and history O(1).
        var prefix = [0]
        prefix.reserveCapacity(minutes.count + 1)
        for minute in minutes { prefix.append(prefix[prefix.count - 1] + minute.posts) }
        func posts(_ from: Int, _ to: Int) -> Int { prefix[max(0, min(to, minutes.count))] - prefix[max(0, min(from, minutes.count))] }
        var alerts: [Date] = []
        var armed = true
        for (offset, minute) in minutes.enumerated() {
            let windowStart = offset + 1 - windowMinutes
            let history = min(historyMinutes, windowStart)
            guard history >= minimumHistoryMinutes else { continue }
            let current = posts(windowStart, offset + 1)
            let hourlyMean = Double(posts(windowStart - history, windowStart)) / (Double(history) / 60)
            let baseline = max(hourlyMean, 1)
            if armed && current >= minimumPosts && Double(current) >= ratio * baseline {
                alerts.append(minute.lastPostAt)
                armed = false
            } else if !armed && Double(current) < rearmRatio * baseline {
                armed = true
            }
        }
        return alerts
    }
}
