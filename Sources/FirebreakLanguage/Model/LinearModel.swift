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
        var coefficients = [Double](repeating: -1 / Double(max(classes - 1, 1)), count: classes)
        coefficients[label] = 1
        var totals: [String: Double] = [:]
        addPushes(vector, names: names, coefficients: coefficients, into: &totals)
        return Self.strongest(totals, limit: limit)
    }

    /// Adds each feature's push on a weighted sum of the class logits (one coefficient per class) to `totals`,
    /// summed over the features that share a name.
    public func addPushes(_ vector: FeatureVector, names: [String], coefficients: [Double], into totals: inout [String: Double]) {
        Self.addPushes(vector, names: names, table: weights, coefficients: coefficients, into: &totals)
    }

    /// `addPushes` over any row-major table with one column per coefficient (a model's weights, or the scorer's fused table).
    static func addPushes(
        _ vector: FeatureVector, names: [String], table: [Float], coefficients: [Double], into totals: inout [String: Double]
    ) {
        let columns = coefficients.count
        for position in 0..<vector.count {
            let row = Int(vector.indices[position]) * columns
            var push = 0.0
            for k in 0..<columns where coefficients[k] != 0 { push += coefficients[k] * Double(table[row + k]) }
            totals[names[position], default: 0] += Double(vector.values[position]) * push
        }
    }

    /// The `limit` largest pushes by size, ties by name.
    public static func strongest(_ totals: [String: Double], limit: Int) -> [(feature: String, weight: Double)] {
        totals.sorted { abs($0.value) != abs($1.value) ? abs($0.value) > abs($1.value) : $0.key < $1.key }
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
