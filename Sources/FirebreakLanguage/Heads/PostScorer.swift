/// Scores a post with all four heads at once. When the heads share a feature configuration (the shipped ones
/// do), the post is tokenized and featurised once and the four weight matrices are fused into one table of six
/// columns per feature (three for sentiment, one log-odds column for each binary head), so every feature costs
/// one cache line instead of four. Heads may differ in lexicon when each has either the same word valences or
/// none (the shipped sentiment head has them, the others not): a head without valences sees zero for the six
/// valence summaries, so its column is zero there in the fused table.
public struct PostScorer: Sendable {
    /// The models.
    public let models: LanguageModels
    private let classifiers: [TextClassifier]
    /// The classifier whose featurisation the fused table reads (the one with word valences, if any).
    private let featuriser: Int
    private let fused: [Float]?
    private let fusedBias: [Float]
    private static let columns = 6

    /// Scratch space for one thread.
    public struct Workspace: Sendable {
        var inner = TextClassifier.Workspace()
        var scores = [Float](repeating: 0, count: PostScorer.columns)
        /// Creates a workspace.
        public init() {}
    }

    /// Prepares the scorer (builds the fused table when possible).
    public init(models: LanguageModels) {
        self.models = models
        let all = Head.allCases.map { models.model($0) }
        classifiers = all.map { TextClassifier(model: $0) }
        featuriser = all.firstIndex { $0.lexicon.count > 0 } ?? 0
        let lexicon = all[featuriser].lexicon
        let shared = all.allSatisfy {
            $0.configuration == all[0].configuration && ($0.lexicon.count == 0 || $0.lexicon == lexicon)
        }
        let columns = Self.columns
        fusedBias = [
            models.sentiment.bias[0], models.sentiment.bias[1], models.sentiment.bias[2],
            models.irony.bias[1] - models.irony.bias[0], models.offensive.bias[1] - models.offensive.bias[0],
            models.stance.bias[1] - models.stance.bias[0],
        ]
        guard shared else {
            fused = nil
            return
        }
        let dimension = all[0].configuration.dimension
        var table = [Float](repeating: 0, count: dimension * columns)
        for row in 0..<dimension {
            let out = row * columns
            table[out] = models.sentiment.weights[row * 3]
            table[out + 1] = models.sentiment.weights[row * 3 + 1]
            table[out + 2] = models.sentiment.weights[row * 3 + 2]
            table[out + 3] = models.irony.weights[row * 2 + 1] - models.irony.weights[row * 2]
            table[out + 4] = models.offensive.weights[row * 2 + 1] - models.offensive.weights[row * 2]
            table[out + 5] = models.stance.weights[row * 2 + 1] - models.stance.weights[row * 2]
        }
        if lexicon.count > 0 {
            let headColumns: [Head: Range<Int>] = [.sentiment: 0..<3, .irony: 3..<4, .offensive: 4..<5, .stance: 5..<6]
            for head in Head.allCases where models.model(head).lexicon.count == 0 {
                for feature in DenseFeature.valences {
                    let out = (all[0].configuration.bucketCount + feature.rawValue) * columns
                    for column in headColumns[head]! { table[out + column] = 0 }
                }
            }
        }
        fused = table
    }

    /// Whether the heads are scored from one featurisation and one fused table.
    public var isFused: Bool { fused != nil }

    /// Scores `text`, masking the names `matcher` knows.
    public func score(_ text: String, matcher: TargetMatcher?, in workspace: inout Workspace) -> HeadScores {
        guard let fused else { return scoreSeparately(text, matcher: matcher, in: &workspace) }
        let mentions = classifiers[featuriser].prepare(text, matcher: matcher, in: &workspace.inner)
        if workspace.inner.tokens.isBare { return Self.bare(mentioningTarget: mentions) }
        let columns = Self.columns
        for k in 0..<columns { workspace.scores[k] = fusedBias[k] }
        fused.withUnsafeBufferPointer { w in
            workspace.inner.features.indices.withUnsafeBufferPointer { indices in
                workspace.inner.features.values.withUnsafeBufferPointer { values in
                    var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0, s4: Float = 0, s5: Float = 0
                    for position in 0..<indices.count {
                        let row = Int(indices[position]) &* columns
                        let value = values[position]
                        s0 += w[row] * value
                        s1 += w[row &+ 1] * value
                        s2 += w[row &+ 2] * value
                        s3 += w[row &+ 3] * value
                        s4 += w[row &+ 4] * value
                        s5 += w[row &+ 5] * value
                    }
                    workspace.scores[0] += s0
                    workspace.scores[1] += s1
                    workspace.scores[2] += s2
                    workspace.scores[3] += s3
                    workspace.scores[4] += s4
                    workspace.scores[5] += s5
                }
            }
        }
        let s = workspace.scores
        let maximum = max(s[0], s[1], s[2])
        let e0 = exp(Double(s[0] - maximum)), e1 = exp(Double(s[1] - maximum)), e2 = exp(Double(s[2] - maximum))
        let total = e0 + e1 + e2
        let negative = Self.sigmoid(-s[5])
        return HeadScores(
            sentiment: [e0 / total, e1 / total, e2 / total], irony: Self.sigmoid(s[3]), offensive: Self.sigmoid(s[4]),
            towardTarget: [negative, 1 - negative], mentionsTarget: mentions)
    }

    /// A post with no words of its own (`TokenBuffer.isBare`: nothing but the target's names, links and accounts, or
    /// no text at all) says nothing: neutral, not ironic, not offensive, no side taken. The models, trained on posts
    /// that say something, would guess: "#myNYPD" alone read critical (0.38 against 0.31).
    static func bare(mentioningTarget: Bool) -> HeadScores {
        HeadScores(sentiment: [0, 1, 0], irony: 0, offensive: 0, towardTarget: [0.5, 0.5], mentionsTarget: mentioningTarget, isBare: true)
    }

    private func scoreSeparately(_ text: String, matcher: TargetMatcher?, in workspace: inout Workspace) -> HeadScores {
        var mentions = false
        var results: [[Double]] = []
        for classifier in classifiers {
            results.append(classifier.probabilities(text, matcher: matcher, in: &workspace.inner))
            mentions = mentions || workspace.tokens.tokens.contains { $0.flags.contains(.target) }
            // Every head tokenizes alike, so the first says whether the post has words of its own.
            if results.count == 1 && workspace.tokens.isBare { return Self.bare(mentioningTarget: mentions) }
        }
        return HeadScores(
            sentiment: results[0], irony: results[1][1], offensive: results[2][1], towardTarget: results[3],
            mentionsTarget: mentions)
    }

    /// The features that pushed a head most toward `label`, strongest first.
    public func explain(_ text: String, matcher: TargetMatcher?, head: Head, toward label: Int, limit: Int = 5) -> [(
        feature: String, weight: Double
    )] {
        classifiers[Head.allCases.firstIndex(of: head)!].explain(text, matcher: matcher, toward: label, limit: limit)
    }

    /// The features that pushed `rule`'s polarity (its step 2: the stance head's log-odds and the sentiment head's
    /// positive-against-negative log-odds, mixed by `rule.sentimentWeight`) toward critical or supportive, strongest
    /// first. Over every feature, plus the two heads' biases mixed the same way, they sum to the polarity's log-odds.
    public func explainPolarity(_ text: String, matcher: TargetMatcher?, critical: Bool, rule: StanceRule, limit: Int = 5) -> [(
        feature: String, weight: Double
    )] {
        let direction: Double = critical ? -1 : 1
        let sentimentShare = rule.sentimentWeight
        var totals: [String: Double] = [:]
        let stanceShare = direction * (1 - sentimentShare)
        if let fused {
            // One featurisation, read against the table `score` summed: sentiment's logits are columns 0–2, the stance
            // head's log-odds column 5.
            let (features, names) = classifiers[featuriser].named(text, matcher: matcher)
            let share = direction * sentimentShare
            LinearModel.addPushes(
                features, names: names, table: fused, coefficients: [-share, 0, share, 0, 0, stanceShare], into: &totals)
            return LinearModel.strongest(totals, limit: limit)
        }
        if stanceShare != 0 {
            classifiers[Head.allCases.firstIndex(of: .stance)!].addPushes(
                text, matcher: matcher, coefficients: [-stanceShare, stanceShare], into: &totals)
        }
        if sentimentShare > 0 {
            let share = direction * sentimentShare
            classifiers[Head.allCases.firstIndex(of: .sentiment)!].addPushes(
                text, matcher: matcher, coefficients: [-share, 0, share], into: &totals)
        }
        return LinearModel.strongest(totals, limit: limit)
    }

    @inline(__always)
    private static func sigmoid(_ x: Float) -> Double { 1 / (1 + exp(-Double(x))) }
}

extension PostScorer.Workspace {
    var tokens: TokenBuffer { inner.tokens }
}

import Foundation
