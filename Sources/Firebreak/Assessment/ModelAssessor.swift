import FirebreakLanguage

/// Assesses posts with the trained language models: sentiment, irony, offence, and stance toward the
/// campaign's target by `StanceRule` (target names masked, opinion scaled by sentiment, sarcastic praise
/// counted as criticism).
///
/// Safe to share between threads: scoring uses a fresh workspace per call, and models are immutable.
public struct ModelAssessor: Assessor {
    /// The scorer holding the four models.
    public let scorer: PostScorer
    /// How heads combine into a stance.
    public let rule: StanceRule
    /// How many reasons to attach per assessment (0 skips explanations, which are the slow part).
    public let reasonCount: Int

    /// Creates an assessor.
    public init(models: LanguageModels, rule: StanceRule = StanceRule(), reasonCount: Int = 5) {
        scorer = PostScorer(models: models)
        self.rule = rule
        self.reasonCount = reasonCount
    }

    /// Assesses one post within a campaign.
    public func assess(_ post: Post, in campaign: Campaign) -> Assessment {
        let matcher = TargetMatcherCache.shared.matcher(for: campaign)
        var workspace = PostScorer.Workspace()
        let scores = scorer.score(post.text, matcher: matcher, in: &workspace)
        return assessment(from: scores, text: post.text, matcher: matcher)
    }

    /// The reason given for a post with no words of its own.
    static let bareReason = "no words of its own (at most the target's names, links and accounts)"

    /// Builds the assessment from head scores (shared with `classify`, which has no `Post`).
    public func assessment(from scores: HeadScores, text: String, matcher: TargetMatcher?) -> Assessment {
        let combined = rule.combine(scores)
        let stance: Stance
        if combined.critical >= combined.supportive && combined.critical >= combined.neutral {
            stance = .critical
        } else if combined.supportive >= combined.neutral {
            stance = .supportive
        } else {
            stance = .neutral
        }
        let sentimentIndex = scores.sentiment.indices.max { scores.sentiment[$0] < scores.sentiment[$1] } ?? 1
        var assessment = Assessment(
            stance: stance, pCritical: combined.critical, pSupportive: combined.supportive,
            sentiment: Sentiment.allCases[sentimentIndex], pSentiment: scores.sentiment, irony: scores.irony,
            offensive: scores.offensive, mentionsTarget: scores.mentionsTarget)
        if reasonCount > 0 {
            assessment.reasons = reasons(text: text, matcher: matcher, stance: stance, scores: scores)
        }
        return assessment
    }

    /// The features behind the stance (toward the decided side: the stance and sentiment heads' words as the rule mixes
    /// them, since sentiment is half of the polarity), then irony and offence when they fired.
    private func reasons(text: String, matcher: TargetMatcher?, stance: Stance, scores: HeadScores) -> [Assessment.Reason] {
        // No feature pushed a post the heads were not asked about; the rule that left it neutral is the reason.
        if scores.isBare { return [Assessment.Reason(head: "stance", feature: Self.bareReason, weight: 0)] }
        var reasons: [Assessment.Reason] = []
        switch stance {
        case .critical, .supportive:
            reasons += scorer.explainPolarity(text, matcher: matcher, critical: stance == .critical, rule: rule, limit: reasonCount)
                .map { Assessment.Reason(head: "stance", feature: $0.feature, weight: $0.weight) }
        case .neutral:
            reasons += scorer.explain(text, matcher: matcher, head: .sentiment, toward: 1, limit: reasonCount)
                .map { Assessment.Reason(head: "sentiment", feature: $0.feature, weight: $0.weight) }
        }
        if scores.irony >= Assessment.sarcasmThreshold {
            reasons += scorer.explain(text, matcher: matcher, head: .irony, toward: 1, limit: 3)
                .map { Assessment.Reason(head: "irony", feature: $0.feature, weight: $0.weight) }
        }
        if scores.offensive >= Assessment.offenceThreshold {
            reasons += scorer.explain(text, matcher: matcher, head: .offensive, toward: 1, limit: 3)
                .map { Assessment.Reason(head: "offensive", feature: $0.feature, weight: $0.weight) }
        }
        return reasons
    }
}
