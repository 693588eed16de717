/// How busy a stream is where it matters: for a hijack, the posts in the hour after the onset; for a
/// benign stream, its mean hourly rate. The targets are set per class.
public enum RateClass: String, Sendable, Hashable, CaseIterable, Comparable {
    /// 1,000 posts an hour or more (the 5-minute target).
    case large = "≥1,000/h"
    /// Between the two.
    case medium = "300–1,000/h"
    /// Under 300 posts an hour, around 100 (the 15-minute target).
    case small = "~100/h"

    /// The class of a rate in posts per hour.
    public init(postsPerHour rate: Double) {
        self = rate >= 1_000 ? .large : rate >= 300 ? .medium : .small
    }

    /// Largest first.
    public static func < (a: RateClass, b: RateClass) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
