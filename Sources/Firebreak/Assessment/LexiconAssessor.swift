import Foundation

/// A small word-list assessor: the fallback when no trained models are available (and the
/// "mean sentiment" baseline the detection evaluation compares against). It cannot see sarcasm.
public struct LexiconAssessor: Assessor {
    private let positive: Set<String> = [
        "thanks", "thank", "love", "great", "proud", "hero", "heroes", "best", "awesome", "amazing", "safe", "helpful",
        "kind", "grateful", "appreciate", "good", "happy", "brave", "wonderful", "friendly", "support", "respect",
    ]
    private let negative: Set<String> = [
        "brutality", "beaten", "beat", "beating", "shot", "shoot", "kill", "killed", "abuse", "violence", "dragged",
        "assault", "arrested", "racist", "corrupt", "hate", "worst", "terrible", "awful", "disgusting", "shame",
        "pepper", "sprayed", "tased", "choke", "bloody", "fail", "backfire", "backfired", "brutal", "harass",
    ]

    /// Creates the assessor.
    public init() {}

    /// Scores by counting positive and negative words; stance follows sentiment when the post is on the campaign.
    public func assess(_ post: Post, in campaign: Campaign) -> Assessment {
        var score = 0
        var reasons: [Assessment.Reason] = []
        for word in post.text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let w = String(word)
            if positive.contains(w) {
                score += 1
                reasons.append(.init(head: "sentiment", feature: "word \"\(w)\"", weight: 1))
            } else if negative.contains(w) {
                score -= 1
                reasons.append(.init(head: "sentiment", feature: "word \"\(w)\"", weight: -1))
            }
        }
        let p = 1 / (1 + exp(-Double(score)))
        let rawNeg = score < 0 ? p < 0.5 ? 1 - p : 0.2 : 0.1
        let rawPos = score > 0 ? p : 0.1
        let rawNeu = max(0, 1 - rawNeg - rawPos)
        // Past two words the raw figures add up to more than 1; scale them back to a distribution.
        let total = rawNeg + rawNeu + rawPos
        let (pNeg, pNeu, pPos) = (rawNeg / total, rawNeu / total, rawPos / total)
        let sentiment: Sentiment = score > 0 ? .positive : score < 0 ? .negative : .neutral
        let lowered = post.text.lowercased()
        let onTarget = campaign.carriesHashtag(post) || campaign.targetNames.contains { lowered.contains($0.lowercased()) }
        let stance: Stance = !onTarget ? .neutral : sentiment == .positive ? .supportive : sentiment == .negative ? .critical : .neutral
        return Assessment(
            stance: stance, pCritical: stance == .critical ? pNeg : pNeg / 2, pSupportive: stance == .supportive ? pPos : pPos / 2,
            sentiment: sentiment, pSentiment: [pNeg, pNeu, pPos], irony: 0, offensive: 0, mentionsTarget: onTarget,
            reasons: reasons)
    }
}
