/// Trains a multinomial logistic regression with AdaGrad on sparse hashed features: cross-entropy loss,
/// class weights, L2 applied to the weights each step touches, and optionally the mean of the weights over the
/// steps (`TrainingOptions.averageFrom`). Single-threaded on purpose: the result
/// depends only on the data, the options and the seed.
public struct LogisticRegressionTrainer: Sendable {
    /// The training options.
    public var options: TrainingOptions

    /// Creates a trainer.
    public init(options: TrainingOptions) { self.options = options }

    /// The class weights used for `examples`: total / (classes × count of the class), or all 1.
    public func classWeights(_ examples: [LabelledVector], classCount: Int) -> [Float] {
        guard options.balanceClasses else { return Array(repeating: 1, count: classCount) }
        var counts = Array(repeating: 0, count: classCount)
        for example in examples { counts[example.label] += 1 }
        return counts.map { $0 == 0 ? 0 : Float(examples.count) / Float(classCount * $0) }
    }

    /// Trains weights (row-major, `dimension × classCount`) and biases.
    public func train(_ examples: [LabelledVector], classCount: Int, dimension: Int) -> (weights: [Float], bias: [Float]) {
        let classWeight = classWeights(examples, classCount: classCount)
        var weights = [Float](repeating: 0, count: dimension * classCount)
        var squares = [Float](repeating: 0, count: dimension * classCount)
        var bias = [Float](repeating: 0, count: classCount)
        var biasSquares = [Float](repeating: 0, count: classCount)
        var order = Array(examples.indices)
        var generator = SeededGenerator(seed: options.seed)
        var scores = [Float](repeating: 0, count: classCount)
        var gradient = [Float](repeating: 0, count: classCount)
        let rate = options.learningRate
        let l2 = options.l2
        let epsilon: Float = 1e-6
        // Averaging by the lazy trick (Daumé 2006): the mean of the weights after each averaged step is the
        // last weights minus Σ (s − 1)·Δ_s / T over the T averaged steps, so a sparse step stays sparse.
        let averaging = options.averageFrom > 0 && options.averageFrom <= options.epochs
        var lag = [Double](repeating: 0, count: averaging ? dimension * classCount : 0)
        var biasLag = [Double](repeating: 0, count: classCount)
        var averagedSteps = 0.0

        weights.withUnsafeMutableBufferPointer { w in
            squares.withUnsafeMutableBufferPointer { g2 in
                for epoch in 0..<options.epochs {
                    generator.shuffle(&order)
                    let averagingEpoch = averaging && epoch + 1 >= options.averageFrom
                    for exampleIndex in order {
                        let age = averagedSteps
                        if averagingEpoch { averagedSteps += 1 }
                        let example = examples[exampleIndex]
                        let indices = example.vector.indices
                        let values = example.vector.values
                        for k in 0..<classCount { scores[k] = bias[k] }
                        for position in 0..<indices.count {
                            let row = Int(indices[position]) * classCount
                            let value = values[position]
                            for k in 0..<classCount { scores[k] += w[row + k] * value }
                        }
                        var maximum = scores[0]
                        for k in 1..<classCount where scores[k] > maximum { maximum = scores[k] }
                        var total: Float = 0
                        for k in 0..<classCount {
                            scores[k] = expf(scores[k] - maximum)
                            total += scores[k]
                        }
                        let scale = classWeight[example.label] * example.weight
                        for k in 0..<classCount {
                            gradient[k] = scale * (scores[k] / total - (k == example.label ? 1 : 0))
                        }
                        for position in 0..<indices.count {
                            let row = Int(indices[position]) * classCount
                            let value = values[position]
                            for k in 0..<classCount {
                                let cell = row + k
                                let step = gradient[k] * value + l2 * w[cell]
                                g2[cell] += step * step
                                let delta = rate * step / (g2[cell].squareRoot() + epsilon)
                                w[cell] -= delta
                                if averagingEpoch { lag[cell] -= age * Double(delta) }
                            }
                        }
                        for k in 0..<classCount {
                            biasSquares[k] += gradient[k] * gradient[k]
                            let delta = rate * gradient[k] / (biasSquares[k].squareRoot() + epsilon)
                            bias[k] -= delta
                            if averagingEpoch { biasLag[k] -= age * Double(delta) }
                        }
                    }
                }
            }
        }
        if averaging && averagedSteps > 0 {
            for cell in weights.indices { weights[cell] -= Float(lag[cell] / averagedSteps) }
            for k in bias.indices { bias[k] -= Float(biasLag[k] / averagedSteps) }
        }
        return (weights, bias)
    }
}

import Foundation
