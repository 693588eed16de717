/// Everything the evaluation learned from one stream.
public struct StreamEvaluation: Sendable {
    /// The stream's name.
    public var stream: String
    /// Posts in the stream.
    public var posts: Int
    /// One result per detector.
    public var results: [DetectionResult]
    /// The Firebreak monitor's alerts of every kind, as `(kind, minutes from the first post)`, for diagnosis.
    public var monitorAlerts: [(kind: String, minute: Double)]
    /// The lexicon's reading of the hijack, when the stream was generated and has an onset.
    public var lexicon: LexiconBreakdown?
    /// How the monitor's assessor read the posts against their true stance, when the stream was generated.
    public var assessorReading: AssessorReading? = nil
}
