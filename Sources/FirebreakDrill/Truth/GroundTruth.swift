import Foundation

/// What really happened in a generated stream, written beside the archive for detectors to be scored against.
public struct GroundTruth: Sendable, Hashable, Codable {
    /// One phase with its true state and time span.
    public struct Phase: Sendable, Hashable, Codable {
        /// The phase's name.
        public var name: String
        /// `healthy`, `hijacked` or `recovering`.
        public var state: ScenarioPhase.State
        /// When it began.
        public var start: Date
        /// When it ended.
        public var end: Date
        /// Posts generated in it.
        public var posts: Int
        /// Of which critical of the target.
        public var critical: Int
    }

    /// A theme with the time its first post appeared.
    public struct Theme: Sendable, Hashable, Codable {
        /// The theme's name (`jaywalker`, `dog`, `hair`).
        public var name: String
        /// Event time of its first post.
        public var firstSeen: Date
        /// Posts carrying it (reposts included).
        public var posts: Int
    }

    /// A scripted anchor of the story and the id it got.
    public struct Anchor: Sendable, Hashable, Codable {
        /// The script label.
        public var label: String
        /// The post id.
        public var id: String
        /// The author's handle.
        public var handle: String
        /// Event time.
        public var createdAt: Date
    }

    /// The scenario's name.
    public var scenario: String
    /// The seed used.
    public var seed: UInt64
    /// The volume scale used.
    public var scale: Double
    /// The campaign's name.
    public var campaign: String
    /// When the campaign launched.
    public var launchedAt: Date
    /// When the hijack began (the first unhealthy phase), or nil for a benign stream.
    public var onset: Date?
    /// When the stream ends.
    public var end: Date
    /// Posts in the stream.
    public var posts: Int
    /// Posts by true stance (`supportive`, `neutral`, `critical`).
    public var stances: [String: Int]
    /// The phases in order.
    public var phases: [Phase]
    /// Themes in order of first appearance.
    public var themes: [Theme]
    /// The story's anchors.
    public var anchors: [Anchor]

    /// The JSON form: pretty, keys sorted, ISO 8601 dates, so the file is stable under regeneration.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
