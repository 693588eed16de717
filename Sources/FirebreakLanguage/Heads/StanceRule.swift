import Foundation

/// How the heads combine into a stance toward the campaign's target.
///
/// 1. The stance model reads the post with every target name (name, aliases, campaign hashtags, owner
///    handles) masked to `<target>` and gives P(negative toward target) and P(positive toward target).
/// 2. The stance model learnt from fewer than 5,000 tweets; the sentiment head from about 28,000. Their
///    log-odds are mixed: z = (1 − w)·log(P+/P−)stance + w·log(P positive/P negative)sentiment, with
///    w = `sentimentWeight`, since what people say about a named target is mostly what they feel overall.
/// 3. The stance model was trained on opinionated posts only, so the sentiment head's P(neutral) decides how much of the
///    mass is an opinion at all: critical = (1 − neutral)·negative, supportive = (1 − neutral)·positive.
/// 4. Sarcastic praise is criticism: the irony probability moves that share of the supportive mass to
///    critical. The irony model was trained on a balanced set (half the tweets ironic), far more irony
///    than a campaign stream holds, so its odds are first rescaled to the prior `ironyPrior`
///    (odds × prior / (1 − prior)); without that, every "thanks, great people" would turn critical. Sarcasm sets
///    praise against a bad situation, so the flipped share is also scaled by the stance model's P(negative toward
///    the target) (`ironyNeedsContrast`): the irony head alone calls "Love the new trams, great job" 98 % ironic.
/// 5. The stance is the largest of critical, supportive and neutral (1 − critical − supportive).
public struct StanceRule: Sendable, Hashable {
    /// The weight of the sentiment head's polarity in the target polarity (step 2; 0 turns it off).
    public var sentimentWeight: Double
    /// Whether sentiment's neutral probability scales the opinion (step 3).
    public var usesNeutrality: Bool
    /// Whether irony turns supportive mass critical (step 4).
    public var usesIrony: Bool
    /// The share of ironic posts assumed in a stream, used to rescale the irony model's odds (step 4).
    public var ironyPrior: Double
    /// Whether irony turns praise critical only as far as the stance model reads something against the target
    /// (step 4): sarcasm sets praise against a bad situation, and plain praise has none.
    public var ironyNeedsContrast: Bool

    /// Creates a rule; every step is on by default.
    public init(
        sentimentWeight: Double = 0.5, usesNeutrality: Bool = true, usesIrony: Bool = true, ironyPrior: Double = 0.05,
        ironyNeedsContrast: Bool = true
    ) {
        self.sentimentWeight = sentimentWeight
        self.usesNeutrality = usesNeutrality
        self.usesIrony = usesIrony
        self.ironyPrior = ironyPrior
        self.ironyNeedsContrast = ironyNeedsContrast
    }

    /// P(positive toward the target) after mixing in the sentiment head (step 2).
    public func polarity(_ scores: HeadScores) -> Double {
        guard sentimentWeight > 0 else { return scores.towardTarget[1] }
        func logit(_ p: Double) -> Double { log(max(p, 1e-9)) }
        let stance = logit(scores.towardTarget[1]) - logit(scores.towardTarget[0])
        let sentiment = logit(scores.sentiment[2]) - logit(scores.sentiment[0])
        let z = (1 - sentimentWeight) * stance + sentimentWeight * sentiment
        return 1 / (1 + exp(-z))
    }

    /// The irony probability rescaled from the balanced training prior to `ironyPrior`.
    public func streamIrony(_ irony: Double) -> Double {
        let clamped = min(max(irony, 1e-9), 1 - 1e-9)
        let odds = clamped / (1 - clamped) * ironyPrior / (1 - ironyPrior)
        return odds / (1 + odds)
    }

    /// The combined probabilities: critical, supportive, neutral.
    public func combine(_ scores: HeadScores) -> (critical: Double, supportive: Double, neutral: Double) {
        let opinion = usesNeutrality ? 1 - scores.sentiment[1] : 1
        let positive = polarity(scores)
        var critical = opinion * (1 - positive)
        var supportive = opinion * positive
        if usesIrony {
            let contrast = ironyNeedsContrast ? scores.towardTarget[0] : 1
            let flipped = supportive * streamIrony(scores.irony) * contrast
            supportive -= flipped
            critical += flipped
        }
        let neutral = max(0, 1 - critical - supportive)
        return (critical, supportive, neutral)
    }
}
