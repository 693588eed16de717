import Firebreak
import Foundation

/// A campaign stream to generate: who runs it, how it unfolds phase by phase, who takes part, and what they say.
public struct Scenario: Sendable {
    /// A short identifier (`mynypd`).
    public var name: String
    /// The campaign the stream belongs to.
    public var campaign: Campaign
    /// When the first phase begins (the launch).
    public var start: Date
    /// Consecutive phases from the start.
    public var phases: [ScenarioPhase]
    /// Posts placed at fixed moments.
    public var scripted: [ScriptedPost]
    /// Account populations by role.
    public var populations: [AuthorPopulation]
    /// For each voice, the relative weight of each role writing it.
    public var casting: [PostVoice: [AuthorRole: Double]]
    /// What people say.
    public var phrases: PhraseBook
    /// Who the named accounts are and what generated accounts are called.
    public var roster: AccountRoster
    /// The seed used when none is given.
    public var defaultSeed: UInt64
    /// Coordinated bursts laid over the organic stream.
    public var bursts: [CoordinatedBurst]

    /// Creates a scenario.
    public init(
        name: String, campaign: Campaign, start: Date, phases: [ScenarioPhase], scripted: [ScriptedPost],
        populations: [AuthorPopulation], casting: [PostVoice: [AuthorRole: Double]], phrases: PhraseBook,
        roster: AccountRoster, defaultSeed: UInt64, bursts: [CoordinatedBurst] = []
    ) {
        self.name = name
        self.campaign = campaign
        self.start = start
        self.phases = phases
        self.scripted = scripted
        self.populations = populations
        self.casting = casting
        self.phrases = phrases
        self.roster = roster
        self.defaultSeed = defaultSeed
        self.bursts = bursts
    }

    /// Total length in minutes.
    public var minutes: Double { phases.reduce(0) { $0 + $1.minutes } }

    /// When the last phase ends.
    public var end: Date { start.addingTimeInterval(minutes * 60) }

    /// Minutes from the start at which each phase begins.
    public var phaseStarts: [Double] {
        var starts: [Double] = []
        var cursor = 0.0
        for phase in phases {
            starts.append(cursor)
            cursor += phase.minutes
        }
        return starts
    }

    /// When the campaign first stops being healthy: the true onset of a hijack, if there is one.
    public var onset: Date? {
        for (phase, startMinute) in zip(phases, phaseStarts) where phase.state != .healthy {
            return start.addingTimeInterval(startMinute * 60)
        }
        return nil
    }

    /// The phase running at a minute from the start, with the minute counted from that phase's start.
    public func phase(atMinute minute: Double) -> (index: Int, minuteInPhase: Double)? {
        for (index, startMinute) in phaseStarts.enumerated().reversed() where minute >= startMinute {
            return minute < startMinute + phases[index].minutes ? (index, minute - startMinute) : nil
        }
        return nil
    }

    /// The expected number of organic posts (scripted ones excluded) at volume scale 1.
    public var expectedPosts: Double {
        phases.reduce(0) { $0 + $1.rate.expectedPosts(fromMinute: 0, toMinute: $1.minutes) }
    }

    /// Whether the stream stays healthy throughout: nothing for a hijack detector to find.
    public var isBenign: Bool { onset == nil }

    /// The population of a role, if the scenario defines one.
    public func population(of role: AuthorRole) -> AuthorPopulation? {
        populations.first { $0.role == role }
    }
}
