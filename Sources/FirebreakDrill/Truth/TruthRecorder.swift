import Foundation

/// Watches generated posts go by and sums up the ground truth, in O(1) memory per post.
public struct TruthRecorder: Sendable {
    private let scenario: Scenario
    private let seed: UInt64
    private let scale: Double
    private var posts = 0
    private var stances: [String: Int] = [:]
    private var phasePosts: [Int]
    private var phaseCritical: [Int]
    private var themeOrder: [String] = []
    private var themeFirstSeen: [String: Date] = [:]
    private var themeCounts: [String: Int] = [:]
    private var anchors: [GroundTruth.Anchor] = []

    /// Creates a recorder for a generator's scenario, seed and scale.
    public init(generator: StoryGenerator) {
        scenario = generator.scenario
        seed = generator.seed
        scale = generator.scale
        phasePosts = Array(repeating: 0, count: generator.scenario.phases.count)
        phaseCritical = phasePosts
    }

    /// Counts one post.
    public mutating func record(_ drill: DrillPost) {
        posts += 1
        stances[drill.stance.rawValue, default: 0] += 1
        if phasePosts.indices.contains(drill.phase) {
            phasePosts[drill.phase] += 1
            if drill.stance == .critical { phaseCritical[drill.phase] += 1 }
        }
        if let theme = drill.theme {
            if themeFirstSeen[theme] == nil {
                themeFirstSeen[theme] = drill.post.createdAt
                themeOrder.append(theme)
            }
            themeCounts[theme, default: 0] += 1
        }
        if let label = drill.scriptLabel {
            anchors.append(
                GroundTruth.Anchor(label: label, id: drill.post.nativeID, handle: drill.post.author.handle, createdAt: drill.post.createdAt)
            )
        }
    }

    /// The truth so far.
    public var truth: GroundTruth {
        var phases: [GroundTruth.Phase] = []
        for (index, (phase, startMinute)) in zip(scenario.phases, scenario.phaseStarts).enumerated() {
            phases.append(
                GroundTruth.Phase(
                    name: phase.name, state: phase.state, start: scenario.start.addingTimeInterval(startMinute * 60),
                    end: scenario.start.addingTimeInterval((startMinute + phase.minutes) * 60), posts: phasePosts[index],
                    critical: phaseCritical[index]
                )
            )
        }
        return GroundTruth(
            scenario: scenario.name, seed: seed, scale: scale, campaign: scenario.campaign.name,
            launchedAt: scenario.start, onset: scenario.onset, end: scenario.end, posts: posts, stances: stances,
            phases: phases,
            themes: themeOrder.map { GroundTruth.Theme(name: $0, firstSeen: themeFirstSeen[$0]!, posts: themeCounts[$0]!) },
            anchors: anchors
        )
    }
}
