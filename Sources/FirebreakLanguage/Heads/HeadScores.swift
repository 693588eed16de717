/// What the four heads said about one post.
public struct HeadScores: Sendable, Hashable {
    /// Negative, neutral, positive.
    public var sentiment: [Double]
    /// Probability of irony or sarcasm.
    public var irony: Double
    /// Probability of offence.
    public var offensive: Double
    /// Negative and positive toward the (masked) target, as the stance model reads the post.
    public var towardTarget: [Double]
    /// Whether any of the target's names occurred in the post.
    public var mentionsTarget: Bool
    /// Whether the post had no words of its own (`TokenBuffer.isBare`, or no text), so these are the fixed scores of
    /// a post that takes no side rather than the heads' reading.
    public var isBare: Bool

    /// Creates scores.
    public init(sentiment: [Double], irony: Double, offensive: Double, towardTarget: [Double], mentionsTarget: Bool, isBare: Bool = false) {
        self.sentiment = sentiment
        self.irony = irony
        self.offensive = offensive
        self.towardTarget = towardTarget
        self.mentionsTarget = mentionsTarget
        self.isBare = isBare
    }
}
