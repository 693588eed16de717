/// A multinomial logistic regression over hashed features, with the feature configuration and lexicon it
/// was trained with, so a model file is all that is needed to score text.
public struct LinearModel: Sendable, Hashable {
    /// The task the model answers (`sentiment`, `irony`, `offensive`, `stance`).
    public var head: String
    /// Class names, in weight-column order.
    public var labels: [String]
    /// How features are built.
    public var configuration: FeatureConfiguration
    /// Valences for the lexicon features.
    public var lexicon: Lexicon
    /// Weights, one row of `labels.count` columns per feature index.
    public var weights: [Float]
    /// One bias per class.
    public var bias: [Float]
    /// Free-form facts about training (data, seed, options, validation figures), saved with the model.
    public var metadata: [String: String]

    /// Creates a model; `weights` must hold `configuration.dimension × labels.count` values.
    public init(
        head: String, labels: [String], configuration: FeatureConfiguration, lexicon: Lexicon, weights: [Float],
        bias: [Float], metadata: [String: String] = [:]
    ) {
        precondition(weights.count == configuration.dimension * labels.count, "weights do not match the dimension")
        precondition(bias.count == labels.count, "one bias per label")
        self.head = head
        self.labels = labels
        self.configuration = configuration
        self.lexicon = lexicon
        self.weights = weights
        self.bias = bias
        self.metadata = metadata
    }

    /// The number of classes.
    public var classCount: Int { labels.count }

    /// Writes the class scores (logits) of `vector` into `scores`.
    @inline(__always)
    public func logits(_ vector: FeatureVector, into scores: inout [Float]) {
        let classes = labels.count
        if scores.count != classes { scores = Array(repeating: 0, count: classes) }
        for k in 0..<classes { scores[k] = bias[k] }
        weights.withUnsafeBufferPointer { w in
            vector.indices.withUnsafeBufferPointer { indices in
                vector.values.withUnsafeBufferPointer { values in
                    for position in 0..<indices.count {
                        let row = Int(indices[position]) &* classes
                        let value = values[position]
                        for k in 0..<classes { scores[k] += w[row &+ k] * value }
                    }
                }
            }
        }
    }

    /// Class probabilities of `vector` (softmax of the logits).
    public func probabilities(_ vector: FeatureVector) -> [Double] {
        var scores: [Float] = []
        logits(vector, into: &scores)
        return Self.softmax(scores)
    }

    /// Softmax in double precision.
    public static func softmax(_ scores: [Float]) -> [Double] {
        let maximum = scores.max() ?? 0
        let exps = scores.map { Foundation.exp(Double($0 - maximum)) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// Each feature's push toward `label` against the other classes' mean, strongest first.
    /// `names` are the readable names `FeatureExtractor.extractNamed` returned for `vector`.
    public func contributions(_ vector: FeatureVector, names: [String], toward label: Int, limit: Int) -> [(
        feature: String, weight: Double
    )] {
        let classes = labels.count
        var totals: [String: Double] = [:]
        for position in 0..<vector.count {
            let row = Int(vector.indices[position]) * classes
            let value = Double(vector.values[position])
            var others = 0.0
            for k in 0..<classes where k != label { others += Double(weights[row + k]) }
            let push = value * (Double(weights[row + label]) - others / Double(max(classes - 1, 1)))
            totals[names[position], default: 0] += push
        }
        return totals.sorted { abs($0.value) != abs($1.value) ? abs($0.value) > abs($1.value) : $0.key < $1.key }
            .prefix(limit).map { (feature: $0.key, weight: $0.value) }
    }

    /// Rounds every weight to what the model file stores (half precision), so a model in memory scores
    /// exactly like the same model saved and loaded again.
    public mutating func roundToStoredPrecision() {
        for index in weights.indices { weights[index] = Float(Float16(weights[index])) }
        for index in bias.indices { bias[index] = Float(Float16(bias[index])) }
    }
}

import Foundation
