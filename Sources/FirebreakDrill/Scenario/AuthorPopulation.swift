/// How the accounts of one role look and how often new ones join.
public struct AuthorPopulation: Sendable, Hashable, Codable {
    /// The role these accounts play.
    public var role: AuthorRole
    /// Probability that a post of this role comes from an account not seen before.
    public var newcomerShare: Double
    /// Share of newcomers whose account is brand new (created days or hours before posting).
    public var freshAccountShare: Double
    /// Smallest typical follower count (the Pareto scale).
    public var followersScale: Double
    /// Pareto tail index of follower counts; smaller means a heavier tail.
    public var followersShape: Double
    /// Share of new accounts marked verified.
    public var verifiedShare: Double

    /// Creates a population.
    public init(
        role: AuthorRole, newcomerShare: Double, freshAccountShare: Double, followersScale: Double,
        followersShape: Double, verifiedShare: Double
    ) {
        self.role = role
        self.newcomerShare = newcomerShare
        self.freshAccountShare = freshAccountShare
        self.followersScale = followersScale
        self.followersShape = followersShape
        self.verifiedShare = verifiedShare
    }
}
