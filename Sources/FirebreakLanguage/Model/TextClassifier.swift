/// A model together with the tokenizer and feature extractor it needs: text in, class probabilities out.
public struct TextClassifier: Sendable {
    /// The model.
    public let model: LinearModel
    /// Builds the model's features.
    public let extractor: FeatureExtractor
    private let tokenizer = Tokenizer()

    /// Scratch space for scoring without allocating; keep one per thread.
    public struct Workspace: Sendable {
        /// The last text's tokens.
        public var tokens = TokenBuffer()
        /// The last text's features.
        public var features = FeatureVector()
        /// The last logits.
        public var scores: [Float] = []
        /// Creates a workspace.
        public init() {}
    }

    /// Creates a classifier for a model.
    public init(model: LinearModel) {
        self.model = model
        extractor = FeatureExtractor(configuration: model.configuration, lexicon: model.lexicon)
    }

    /// Tokenizes `text`, masks the target's names, and extracts features into the workspace; returns whether
    /// the target was named.
    @discardableResult
    public func prepare(_ text: String, matcher: TargetMatcher?, in workspace: inout Workspace) -> Bool {
        tokenizer.tokenize(text, into: &workspace.tokens)
        let found = matcher?.mark(&workspace.tokens) ?? false
        extractor.extract(workspace.tokens, into: &workspace.features)
        return found
    }

    /// Class probabilities for `text`.
    public func probabilities(_ text: String, matcher: TargetMatcher? = nil, in workspace: inout Workspace) -> [Double] {
        prepare(text, matcher: matcher, in: &workspace)
        model.logits(workspace.features, into: &workspace.scores)
        return LinearModel.softmax(workspace.scores)
    }

    /// Class probabilities for `text` (allocates a workspace; convenient for single calls).
    public func probabilities(_ text: String, matcher: TargetMatcher? = nil) -> [Double] {
        var workspace = Workspace()
        return probabilities(text, matcher: matcher, in: &workspace)
    }

    /// The features of `text` that pushed most toward `label`, strongest first.
    public func explain(_ text: String, matcher: TargetMatcher? = nil, toward label: Int, limit: Int = 5) -> [(
        feature: String, weight: Double
    )] {
        let (features, names) = named(text, matcher: matcher)
        return model.contributions(features, names: names, toward: label, limit: limit)
    }

    /// Adds the push of each of `text`'s features on a weighted sum of the class logits to `totals`, by name.
    public func addPushes(_ text: String, matcher: TargetMatcher?, coefficients: [Double], into totals: inout [String: Double]) {
        let (features, names) = named(text, matcher: matcher)
        model.addPushes(features, names: names, coefficients: coefficients, into: &totals)
    }

    /// `text`'s features with a readable name for each.
    func named(_ text: String, matcher: TargetMatcher?) -> (FeatureVector, [String]) {
        var tokens = TokenBuffer()
        tokenizer.tokenize(text, into: &tokens)
        matcher?.mark(&tokens)
        var features = FeatureVector()
        let names = extractor.extractNamed(tokens, into: &features)
        return (features, names)
    }

    /// Feature vectors for a labelled corpus, each masked with its own topic when it has one.
    public static func vectors(
        _ corpus: [LabelledText], configuration: FeatureConfiguration, lexicon: Lexicon, extraNames: [String] = []
    ) -> [LabelledVector] {
        let tokenizer = Tokenizer()
        let extractor = FeatureExtractor(configuration: configuration, lexicon: lexicon)
        var tokens = TokenBuffer()
        var features = FeatureVector()
        var matchers: [String: TargetMatcher] = [:]
        return corpus.map { example in
            tokenizer.tokenize(example.text, into: &tokens)
            if let topic = example.topic {
                let matcher =
                    matchers[topic]
                    ?? {
                        let made = TargetMatcher(names: TopicNames.names(for: topic) + extraNames)
                        matchers[topic] = made
                        return made
                    }()
                matcher.mark(&tokens)
            }
            extractor.extract(tokens, into: &features)
            return LabelledVector(vector: features.compacted(), label: example.label)
        }
    }
}
