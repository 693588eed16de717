import Testing
@testable import FirebreakLanguage

@Suite("Naive-Bayes scaling")
struct NaiveBayesScalingTests {
    // Buckets 0..<4 hashed, index 4 dense. Bucket 0 only in class 1, bucket 1 only in class 0, bucket 2 in both.
    let examples = [
        LabelledVector(vector: FeatureVector(indices: [0, 2, 4], values: [1, 1, 0.5]), label: 1),
        LabelledVector(vector: FeatureVector(indices: [0, 2, 4], values: [1, 1, 0.5]), label: 1),
        LabelledVector(vector: FeatureVector(indices: [1, 2, 4], values: [1, 1, -0.5]), label: 0),
        LabelledVector(vector: FeatureVector(indices: [1, 2, 4], values: [1, 1, -0.5]), label: 0),
    ]

    @Test("telling features get large factors, shared ones small, dense ones 1")
    func factors() {
        let scaling = NaiveBayesScaling(examples: examples, classCount: 2, bucketCount: 4, dimension: 5, smoothing: 0.1)
        #expect(scaling.factors.count == 5)
        #expect(scaling.factors[0] > 1)
        #expect(abs(scaling.factors[0] - scaling.factors[1]) < 1e-5)
        #expect(scaling.factors[2] < 1e-5)
        #expect(scaling.factors[4] == 1)
        // Normalised to mean 1 over the used buckets (0, 1, 2).
        #expect(abs((scaling.factors[0] + scaling.factors[1] + scaling.factors[2]) / 3 - 1) < 1e-5)
    }

    @Test("the folded weights score raw features exactly as the trained weights score scaled ones")
    func folding() {
        let scaling = NaiveBayesScaling(examples: examples, classCount: 2, bucketCount: 4, dimension: 5, smoothing: 0.1)
        let trainer = LogisticRegressionTrainer(options: TrainingOptions(epochs: 5, learningRate: 0.2, seed: 3))
        let scaled = scaling.scaled(examples)
        let (weights, _) = trainer.train(scaled, classCount: 2, dimension: 5)
        var folded = weights
        scaling.fold(into: &folded, classCount: 2)
        for (raw, scaledExample) in zip(examples, scaled) {
            for k in 0..<2 {
                var a: Float = 0
                var b: Float = 0
                for position in 0..<raw.vector.count {
                    let row = Int(raw.vector.indices[position]) * 2 + k
                    a += folded[row] * raw.vector.values[position]
                    b += weights[row] * scaledExample.vector.values[position]
                }
                #expect(abs(a - b) < 1e-5)
            }
        }
    }

    @Test("a head trained with Naive-Bayes scaling is deterministic and still separates the toy classes")
    func headTrainer() {
        let options = TrainingOptions(epochs: 5, learningRate: 0.2, seed: 7, naiveBayesSmoothing: 0.1)
        let trainer = HeadTrainer(head: .offensive, configuration: Fixtures.configuration, options: options)
        let a = trainer.run(train: Fixtures.corpus, validation: Fixtures.corpus, lexicon: Fixtures.lexicon)
        let b = trainer.run(train: Fixtures.corpus, validation: Fixtures.corpus, lexicon: Fixtures.lexicon)
        #expect(a.model == b.model)
        #expect(a.metric == 1)
        let plain = HeadTrainer(head: .offensive, configuration: Fixtures.configuration, options: TrainingOptions(epochs: 5, learningRate: 0.2, seed: 7))
            .run(train: Fixtures.corpus, validation: Fixtures.corpus, lexicon: Fixtures.lexicon)
        #expect(a.model.weights != plain.model.weights)
        #expect(options.summary.hasSuffix("nb=0.1"))
    }
}
