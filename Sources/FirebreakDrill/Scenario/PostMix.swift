/// What share of posts takes each voice and each form (original, repost, reply, quote) at one moment.
public struct PostMix: Sendable, Hashable, Codable {
    /// Relative weights of the voices; they need not sum to one.
    public var voices: [PostVoice: Double]
    /// Share of posts that repost an earlier post.
    public var repostShare: Double
    /// Share of posts that reply to an earlier post.
    public var replyShare: Double
    /// Share of posts that quote an earlier post.
    public var quoteShare: Double

    /// Creates a mix.
    public init(voices: [PostVoice: Double], repostShare: Double, replyShare: Double, quoteShare: Double) {
        self.voices = voices
        self.repostShare = repostShare
        self.replyShare = replyShare
        self.quoteShare = quoteShare
    }

    /// The weight of one voice (zero when absent).
    public func weight(of voice: PostVoice) -> Double {
        voices[voice] ?? 0
    }

    /// The share of critical voices among all voice weight.
    public var criticalShare: Double {
        let total = PostVoice.allCases.reduce(0) { $0 + weight(of: $1) }
        guard total > 0 else { return 0 }
        return PostVoice.allCases.filter { $0.stance == .critical }.reduce(0) { $0 + weight(of: $1) } / total
    }

    /// The mix a fraction `t` of the way from this one to `other` (0 gives this mix, 1 gives `other`).
    public func blended(toward other: PostMix, fraction t: Double) -> PostMix {
        let t = min(max(t, 0), 1)
        func lerp(_ a: Double, _ b: Double) -> Double { a + (b - a) * t }
        var voices: [PostVoice: Double] = [:]
        // Iterate the cases, never the dictionary, so the result cannot depend on hash seeding.
        for voice in PostVoice.allCases {
            let value = lerp(weight(of: voice), other.weight(of: voice))
            if value > 0 { voices[voice] = value }
        }
        return PostMix(
            voices: voices, repostShare: lerp(repostShare, other.repostShare),
            replyShare: lerp(replyShare, other.replyShare), quoteShare: lerp(quoteShare, other.quoteShare)
        )
    }
}
