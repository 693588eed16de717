import Foundation

/// Naive-Bayes log-count-ratio feature scaling (NBSVM, Wang & Manning 2012), folded into the weights.
///
/// Each hashed feature j is scaled by r_j = |log((p_j / |p|₁) / (q_j / |q|₁))|, where p_j sums |x_j| over the
/// examples of one class and q_j over the others, both plus `smoothing`; with more than two classes r_j is the
/// largest of the one-against-the-rest ratios. The ratios are divided by their mean over the features the
/// training data uses, so the step size keeps its meaning; the dense summary features keep 1. The model is
/// trained on the scaled vectors, and its weight rows are multiplied by r afterwards, so it scores the
/// unscaled features of a post exactly as the scaled model scores scaled ones: nothing changes at run time.
public struct NaiveBayesScaling: Sendable, Hashable {
    /// One factor per weight row.
    public var factors: [Float]

    /// The factors for `examples` over `bucketCount` hashed features followed by `dimension − bucketCount`
    /// dense ones.
    public init(examples: [LabelledVector], classCount: Int, bucketCount: Int, dimension: Int, smoothing: Float) {
        precondition(smoothing > 0, "smoothing must be positive")
        var sums = [Double](repeating: 0, count: bucketCount * classCount)
        var used = [Bool](repeating: false, count: bucketCount)
        // Totals over every feature, dense ones included, as in the screening that chose the setting.
        var classTotals = [Double](repeating: 0, count: classCount)
        for example in examples {
            for position in 0..<example.vector.count {
                let index = Int(example.vector.indices[position])
                let value = Double(abs(example.vector.values[position]))
                classTotals[example.label] += value
                guard index < bucketCount else { continue }
                sums[index * classCount + example.label] += value
                used[index] = true
            }
        }
        let alpha = Double(smoothing)
        let all = classTotals.reduce(0, +)
        var ratios = [Double](repeating: 1, count: dimension)
        // The classes compared one against the rest; with two classes class 1 against class 0 is enough.
        let compared = classCount == 2 ? [1] : Array(0..<classCount)
        for index in 0..<bucketCount {
            var rowTotal = 0.0
            for k in 0..<classCount { rowTotal += sums[index * classCount + k] }
            var best = 0.0
            for k in compared {
                let p = alpha + sums[index * classCount + k]
                let q = alpha + rowTotal - sums[index * classCount + k]
                let pTotal = alpha * Double(dimension) + classTotals[k]
                let qTotal = alpha * Double(dimension) + all - classTotals[k]
                best = max(best, abs(log((p / pTotal) / (q / qTotal))))
            }
            ratios[index] = best
        }
        var usedSum = 0.0
        var usedCount = 0
        for index in 0..<bucketCount where used[index] {
            usedSum += ratios[index]
            usedCount += 1
        }
        let mean = usedCount > 0 && usedSum > 0 ? usedSum / Double(usedCount) : 1
        for index in 0..<bucketCount { ratios[index] /= mean }
        factors = ratios.map { Float($0) }
    }

    /// `examples` with every value multiplied by its feature's factor.
    public func scaled(_ examples: [LabelledVector]) -> [LabelledVector] {
        examples.map { example in
            let values = zip(example.vector.indices, example.vector.values).map { $1 * factors[Int($0)] }
            return LabelledVector(vector: FeatureVector(indices: example.vector.indices, values: values), label: example.label, weight: example.weight)
        }
    }

    /// Multiplies each weight row (`classCount` columns) by its factor, in place.
    public func fold(into weights: inout [Float], classCount: Int) {
        precondition(weights.count == factors.count * classCount, "weights do not match the factors")
        for row in factors.indices {
            for k in 0..<classCount { weights[row * classCount + k] *= factors[row] }
        }
    }
}
