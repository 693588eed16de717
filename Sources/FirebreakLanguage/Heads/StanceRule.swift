/// How the heads combine into a stance toward the campaign's target.
///
/// 1. The stance model reads the post with every target name (name, aliases, campaign hashtags, owner
///    handles) masked to `<target>` and gives P(negative toward target) and P(positive toward target).
/// 2. It was trained on opinionated posts only, so the sentiment head's P(neutral) decides how much of the
///    mass is an opinion at all: critical = (1 − neutral)·negative, supportive = (1 − neutral)·positive.
/// 3. Sarcastic praise is criticism: the irony probability moves that share of the supportive mass to
///    critical. The irony model was trained on a balanced set (half the tweets ironic), far more irony
///    than a campaign stream holds, so its odds are first rescaled to the prior `ironyPrior`
///    (odds × prior / (1 − prior)); without that, every "thanks, great people" would turn critical.
/// 4. The stance is the largest of critical, supportive and neutral (1 − critical − supportive).
public struct StanceRule: Sendable, Hashable {
    /// Whether sentiment's neutral probability scales the opinion (step 2).
    public var usesNeutrality: Bool
    /// Whether irony turns supportive mass critical (step 3).
    public var usesIrony: Bool
    /// The share of ironic posts assumed in a stream, used to rescale the irony model's odds (step 3).
    public var ironyPrior: Double

    /// Creates a rule; both steps are on by default.
    public init(usesNeutrality: Bool = true, usesIrony: Bool = true, ironyPrior: Double = 0.1) {
        self.usesNeutrality = usesNeutrality
        self.usesIrony = usesIrony
        self.ironyPrior = ironyPrior
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
        var critical = opinion * scores.towardTarget[0]
        var supportive = opinion * scores.towardTarget[1]
        if usesIrony {
            let flipped = supportive * streamIrony(scores.irony)
            supportive -= flipped
            critical += flipped
        }
        let neutral = max(0, 1 - critical - supportive)
        return (critical, supportive, neutral)
    }
}
