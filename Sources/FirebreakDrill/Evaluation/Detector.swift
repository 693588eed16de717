/// The detectors the evaluation compares.
public enum Detector: String, Sendable, Hashable, CaseIterable {
    /// Firebreak's monitor; its `hijack` alerts are what is scored.
    case firebreak = "Firebreak (hijack alert)"
    /// The last hour against the previous twelve.
    case volumeRule = "volume rule"
    /// Mean lexicon sentiment over 15 minutes.
    case sentimentRule = "mean-sentiment rule"
}
