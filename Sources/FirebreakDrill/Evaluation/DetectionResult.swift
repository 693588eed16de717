import Foundation

/// One detector's outcome on one stream, with what the table needs to group it.
public struct DetectionResult: Sendable, Hashable {
    /// The stream's name.
    public var stream: String
    /// The detector.
    public var detector: Detector
    /// The onset, nil for a benign stream.
    public var onset: Date?
    /// When the stream starts (the first post), to print alert times as minutes from the start.
    public var start: Date
    /// The stream's rate class.
    public var rateClass: RateClass
    /// Posts per hour behind the class.
    public var postsPerHour: Double
    /// How it did.
    public var outcome: DetectionOutcome

    /// Creates a result.
    public init(
        stream: String, detector: Detector, onset: Date?, start: Date, rateClass: RateClass, postsPerHour: Double,
        outcome: DetectionOutcome
    ) {
        self.stream = stream
        self.detector = detector
        self.onset = onset
        self.start = start
        self.rateClass = rateClass
        self.postsPerHour = postsPerHour
        self.outcome = outcome
    }

    /// Whether the stream is benign.
    public var isBenign: Bool { onset == nil }
}
