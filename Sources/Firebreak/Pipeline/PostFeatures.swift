/// What the monitor needs from a post's text, worked out in the parallel stage of the pipeline so the
/// sequential monitor only updates tables (no text is scanned on the monitor's thread).
public struct PostFeatures: Sendable, Hashable {
    /// The post's identity hash (platform and native id), for finding the same post seen twice.
    public var keyHash: UInt64
    /// The author's stable hash (platform and account id).
    public var authorHash: UInt64
    /// Whether the author is one of the campaign's owners.
    public var byOwner: Bool
    /// Hashes of the post's theme terms (words and bigrams), each once; empty for reposts.
    public var terms: [UInt64]
    /// The hash of the normalised text, when long enough to tell coordinated copies; nil for reposts.
    public var textFingerprint: UInt64?
    /// The text's keys for finding near-identical copies, when it has five words or more; nil for reposts.
    public var nearDuplicateKeys: NearDuplicateKeys?

    /// Creates features.
    public init(
        keyHash: UInt64, authorHash: UInt64, byOwner: Bool, terms: [UInt64], textFingerprint: UInt64?,
        nearDuplicateKeys: NearDuplicateKeys? = nil
    ) {
        self.nearDuplicateKeys = nearDuplicateKeys
        self.keyHash = keyHash
        self.authorHash = authorHash
        self.byOwner = byOwner
        self.terms = terms
        self.textFingerprint = textFingerprint
    }
}
