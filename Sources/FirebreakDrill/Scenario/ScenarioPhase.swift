/// One stretch of a scenario: its true state, its rate curve, and how its mix of posts moves.
public struct ScenarioPhase: Sendable, Hashable, Codable {
    /// What the campaign truly is during the phase; the ground truth detectors are scored against.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Going as the owner hoped (or quietly).
        case healthy
        /// Taken over by critics.
        case hijacked
        /// Critics fading, supporters returning.
        case recovering
    }

    /// A short name (`friendly photos`, `the turn`).
    public var name: String
    /// Length in minutes.
    public var minutes: Double
    /// The true state.
    public var state: State
    /// Posts per hour, with keyframe minutes counted from the start of this phase.
    public var rate: RateCurve
    /// The mix at the start of the phase.
    public var mixAtStart: PostMix
    /// The mix at the end of the phase; the mix moves linearly in between.
    public var mixAtEnd: PostMix

    /// Creates a phase; with no end mix the mix stays constant.
    public init(
        name: String, minutes: Double, state: State, rate: RateCurve, mixAtStart: PostMix, mixAtEnd: PostMix? = nil
    ) {
        self.name = name
        self.minutes = minutes
        self.state = state
        self.rate = rate
        self.mixAtStart = mixAtStart
        self.mixAtEnd = mixAtEnd ?? mixAtStart
    }

    /// The mix at a minute from the start of the phase.
    public func mix(atMinute minute: Double) -> PostMix {
        guard minutes > 0 else { return mixAtStart }
        return mixAtStart.blended(toward: mixAtEnd, fraction: minute / minutes)
    }
}
