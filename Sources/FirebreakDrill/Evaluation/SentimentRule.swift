import Foundation

/// The mean-sentiment rule: alert when the mean lexicon sentiment of the last 15 minutes falls below a
/// threshold. Each post scores P(positive) − P(negative) from `LexiconAssessor`, so a post with no
/// sentiment words scores 0 and one with a single positive word about +0.63.
///
/// Sarcasm is praise on the surface ("so nice of them to help this man lie down"), so a hijack carried by
/// sarcasm keeps the mean up and the rule misses it. Re-arms once the mean is back above the threshold by
/// `rearmMargin`, so a mean hovering at the threshold does not alert minute after minute.
public struct SentimentRule: Sendable, Hashable {
    /// Minutes in the window.
    public var windowMinutes = 15
    /// Alert when the window's mean score is below this.
    public var threshold = -0.05
    /// The least posts in the window for its mean to count.
    public var minimumPosts = 20
    /// After an alert, the mean must climb this far above the threshold before the rule can alert again.
    public var rearmMargin = 0.05

    /// Creates the rule with the usual settings.
    public init() {}

    /// The score of one post from its sentiment probabilities (negative, neutral, positive).
    public static func score(pSentiment: [Double]) -> Double {
        guard pSentiment.count == 3 else { return 0 }
        return pSentiment[2] - pSentiment[0]
    }

    /// Event times at which the rule alerts, minute by minute; the series' sums are the posts' scores.
    public func alerts(in series: MinuteSeries) -> [Date] {
        var alerts: [Date] = []
        var armed = true
        var posts = 0
        var sum = 0.0
        let minutes = series.minutes
        for (offset, minute) in minutes.enumerated() {
            posts += minute.posts
            sum += minute.sum
            if offset >= windowMinutes {
                posts -= minutes[offset - windowMinutes].posts
                sum -= minutes[offset - windowMinutes].sum
            }
            guard posts >= minimumPosts else { continue }
            let mean = sum / Double(posts)
            if armed && mean < threshold {
                alerts.append(minute.lastPostAt)
                armed = false
            } else if !armed && mean >= threshold + rearmMargin {
                armed = true
            }
        }
        return alerts
    }
}
