import Firebreak
import Foundation

/// A stream to score detectors on: its posts in time order, the campaign, and the truth (the onset, or
/// none for a benign stream). Built from a scenario in memory, or from an archive and its truth file.
public struct EvaluationStream: Sendable {
    /// The scenario's or file's name.
    public var name: String
    /// The campaign the posts belong to.
    public var campaign: Campaign
    /// The posts in event-time order (reposts carry their originals, as decoders give them).
    public var posts: [Post]
    /// When the hijack began; nil for a benign stream.
    public var onset: Date?
    /// What each post truly says, when the stream was generated (for the sarcasm breakdown).
    public var voices: [PostVoice]?

    /// Creates a stream; posts are sorted by time (stable, so ties keep their order).
    public init(name: String, campaign: Campaign, posts: [Post], onset: Date?, voices: [PostVoice]? = nil) {
        self.name = name
        self.campaign = campaign
        let order = posts.indices.sorted { (posts[$0].createdAt, $0) < (posts[$1].createdAt, $1) }
        self.posts = order.map { posts[$0] }
        self.onset = onset
        self.voices = voices.map { voices in order.map { voices[$0] } }
    }

    /// Generates a scenario's stream in memory.
    public init(scenario: Scenario, seed: UInt64? = nil, scale: Double = 1) {
        let drills = StoryGenerator(scenario: scenario, seed: seed, scale: scale).generate()
        self.init(
            name: scenario.name, campaign: scenario.campaign, posts: drills.map(\.post), onset: scenario.onset,
            voices: drills.map(\.voice)
        )
    }

    /// Whether there is nothing to detect.
    public var isBenign: Bool { onset == nil }

    /// Posts' event times, sorted.
    public var times: [Date] { posts.map(\.createdAt) }

    /// Posts per hour where it matters: the hour after the onset, or the whole stream's mean when benign.
    public var postsPerHour: Double {
        guard let first = posts.first?.createdAt, let last = posts.last?.createdAt else { return 0 }
        if let onset {
            let end = onset.addingTimeInterval(3_600)
            return Double(posts.filter { $0.createdAt >= onset && $0.createdAt < end }.count)
                * 3_600 / max(60, min(end, last).timeIntervalSince(onset))
        }
        return Double(posts.count) * 3_600 / max(3_600, last.timeIntervalSince(first))
    }

    /// The stream's rate class.
    public var rateClass: RateClass { RateClass(postsPerHour: postsPerHour) }
}
