import Foundation

/// How one detector did on one stream against the truth: when it first caught the hijack, how many posts
/// that took, and what it raised that it should not have.
public struct DetectionOutcome: Sendable, Hashable {
    /// Minutes from the onset to the first alert at or after it; nil when nothing was caught (or benign).
    public var delayMinutes: Double?
    /// Posts from the onset up to and including that alert's time.
    public var delayPosts: Int?
    /// Alerts before the onset, or any alert on a benign stream.
    public var falseAlerts: Int
    /// A hijack that no alert at or after the onset caught.
    public var missed: Bool
    /// Every alert time, in order.
    public var alerts: [Date]

    /// Scores alert times against the onset (nil for a benign stream); `postTimes` must be sorted.
    public static func score(alerts unsorted: [Date], onset: Date?, postTimes: [Date]) -> DetectionOutcome {
        let alerts = unsorted.sorted()
        guard let onset else {
            return DetectionOutcome(delayMinutes: nil, delayPosts: nil, falseAlerts: alerts.count, missed: false, alerts: alerts)
        }
        let early = alerts.filter { $0 < onset }.count
        guard let caught = alerts.first(where: { $0 >= onset }) else {
            return DetectionOutcome(delayMinutes: nil, delayPosts: nil, falseAlerts: early, missed: true, alerts: alerts)
        }
        let posts = upperBound(postTimes, caught) - lowerBound(postTimes, onset)
        return DetectionOutcome(
            delayMinutes: caught.timeIntervalSince(onset) / 60, delayPosts: posts, falseAlerts: early, missed: false,
            alerts: alerts
        )
    }

    /// The first index whose time is not before `date`.
    static func lowerBound(_ times: [Date], _ date: Date) -> Int {
        var (low, high) = (0, times.count)
        while low < high {
            let mid = (low + high) / 2
            if times[mid] < date { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first index whose time is after `date`.
    static func upperBound(_ times: [Date], _ date: Date) -> Int {
        var (low, high) = (0, times.count)
        while low < high {
            let mid = (low + high) / 2
            if times[mid] <= date { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
