/// Which features a model uses and how large its hashed space is. Saved in every model file; a model is
/// scored with exactly the configuration it was trained with.
public struct FeatureConfiguration: Sendable, Hashable, Codable {
    /// log2 of the number of hash buckets.
    public var hashBits: Int
    /// Whether consecutive token pairs are features.
    public var wordBigrams: Bool
    /// Shortest character n-gram (inside a word, padded with spaces); 0 turns character n-grams off.
    public var charMin: Int
    /// Longest character n-gram.
    public var charMax: Int
    /// Whether lexicon (VADER valence) summary features are added.
    public var lexiconFeatures: Bool
    /// The scale of the summary features against the normalised hashed groups (each of norm 1).
    public var denseScale: Float

    /// Creates a configuration.
    public init(
        hashBits: Int = 18, wordBigrams: Bool = true, charMin: Int = 2, charMax: Int = 5, lexiconFeatures: Bool = true,
        denseScale: Float = 1
    ) {
        self.hashBits = hashBits
        self.wordBigrams = wordBigrams
        self.charMin = charMin
        self.charMax = charMax
        self.lexiconFeatures = lexiconFeatures
        self.denseScale = denseScale
    }

    /// The hash sizes (`hashBits`) a model file may hold.
    public static let hashBitsRange = 8...24
    /// The longest character n-gram a model file may use.
    public static let longestCharacterGram = 16

    /// The number of hash buckets.
    public var bucketCount: Int { 1 << hashBits }
    /// The number of weight rows: hash buckets followed by the dense summary features.
    public var dimension: Int { bucketCount + DenseFeature.allCases.count }
}

/// Summary features stored after the hash buckets, in this order.
public enum DenseFeature: Int, CaseIterable, Sendable {
    /// VADER-style compound score of the lexicon valences.
    case compound
    /// Sum of positive valences, squashed to 0…1.
    case positive
    /// Sum of negative valences, squashed to 0…1.
    case negative
    /// Positive and negative words in the same post (a cue for sarcasm).
    case contrast
    /// Emoji with positive valence, up to three.
    case positiveEmoji
    /// Emoji with negative valence, up to three.
    case negativeEmoji
    /// Share of words written in capitals.
    case capitals
    /// A negation word is present.
    case negation
    /// Exclamation or question marks are present.
    case exclamation

    /// The summaries computed from word and emoji valences (zero for a model trained without a lexicon).
    public static let valences: [DenseFeature] = [.compound, .positive, .negative, .contrast, .positiveEmoji, .negativeEmoji]

    /// A readable name for explanations.
    public var label: String {
        switch self {
        case .compound: "lexicon compound"
        case .positive: "lexicon positive words"
        case .negative: "lexicon negative words"
        case .contrast: "positive and negative words together"
        case .positiveEmoji: "positive emoji"
        case .negativeEmoji: "negative emoji"
        case .capitals: "capitals"
        case .negation: "negation"
        case .exclamation: "! or ?"
        }
    }
}
