/// What the lexicon makes of a generated hijack after its onset, voice by voice: why the mean-sentiment
/// rule misses when the criticism is sarcastic.
public struct LexiconBreakdown: Sendable, Hashable {
    /// Posts after the onset.
    public var posts: Int
    /// Share of them that are truly sarcastic.
    public var sarcasticShare: Double
    /// Share of them that are truly critical in any voice (critical, sarcastic, offensive).
    public var criticalShare: Double
    /// Mean lexicon score of the sarcastic posts (above zero: read as praise).
    public var sarcasticMean: Double?
    /// Mean lexicon score of the plainly critical posts.
    public var plainCriticalMean: Double?
    /// Mean lexicon score of all posts after the onset.
    public var overallMean: Double

    /// Sums up posts' voices and scores.
    public init(voices: [PostVoice], scores: [Double]) {
        posts = voices.count
        func mean(_ keep: (PostVoice) -> Bool) -> Double? {
            let picked = zip(voices, scores).filter { keep($0.0) }.map(\.1)
            return picked.isEmpty ? nil : picked.reduce(0, +) / Double(picked.count)
        }
        let count = Double(max(1, voices.count))
        sarcasticShare = Double(voices.filter { $0 == .sarcastic }.count) / count
        criticalShare = Double(voices.filter { $0.stance == .critical }.count) / count
        sarcasticMean = mean { $0 == .sarcastic }
        plainCriticalMean = mean { $0 == .critical }
        overallMean = mean { _ in true } ?? 0
    }
}
