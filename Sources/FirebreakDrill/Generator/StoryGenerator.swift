import Firebreak
import Foundation

/// Generates a scenario's posts in time order, deterministically from a seed.
///
/// The generator is a `Sequence`: posts are produced one at a time with bounded state (recent posts and
/// the authors seen), so a million-post benchmark input streams straight to disk. The same scenario, seed
/// and scale always give the same posts, byte for byte once encoded.
public struct StoryGenerator: Sequence, Sendable {
    /// The scenario to play.
    public let scenario: Scenario
    /// The seed of the pseudo-random generator.
    public let seed: UInt64
    /// A multiplier on every phase's rate (1 is the scenario as written).
    public let scale: Double

    /// Creates a generator; a nil seed means the scenario's default seed.
    public init(scenario: Scenario, seed: UInt64? = nil, scale: Double = 1) {
        self.scenario = scenario
        self.seed = seed ?? scenario.defaultSeed
        self.scale = Swift.max(0, scale)
    }

    /// A fresh pass over the posts.
    public func makeIterator() -> StoryIterator {
        StoryIterator(scenario: scenario, seed: seed, scale: scale)
    }

    /// Every post at once (fine for the example's few thousand; stream with the iterator for benchmarks).
    public func generate() -> [DrillPost] {
        Array(self)
    }
}
