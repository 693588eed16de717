import Testing
@testable import FirebreakLanguage

@Suite("Bias calibration")
struct BiasCalibrationTests {
    let binary = ["no", "yes"]

    @Test("the search moves the decision point to where F1 of the positive class is best")
    func binaryThreshold() {
        // Class-1 margins: three positives (two just below zero) and two negatives.
        let margins: [Float] = [-0.27, -0.22, 0.5, -1.0, 0.8]
        let gold = [1, 1, 1, 0, 0]
        let result = BiasCalibration().search(
            logits: margins.map { [0, $0] }, gold: gold, labels: binary, metric: { $0.f1(1) })
        // Without offsets: TP 1, FP 1, FN 2, F1 0.4. Any offset in (0.27, 1.0] finds every positive and only
        // one false positive (F1 6/7); the grid value nearest zero in that range is 0.30.
        #expect(abs(result.before - 0.4) < 1e-9)
        #expect(abs(result.after - 6.0 / 7) < 1e-9)
        #expect(result.offsets[0] == 0)
        #expect(abs(result.offsets[1] - 0.3) < 1e-5)
    }

    @Test("no offsets when none improves the metric")
    func keepsZero() {
        let result = BiasCalibration().search(
            logits: [[0, 2], [0, 1], [0, -1], [0, -2]], gold: [1, 1, 0, 0], labels: binary, metric: { $0.macroF1 })
        #expect(result.offsets == [0, 0])
        #expect(result.before == 1)
        #expect(result.after == 1)
    }

    @Test("three classes: a rare class under-predicted gets a larger bias")
    func threeClasses() {
        // Class 2 examples score slightly below class 1; a +0.2 offset or more on class 2 recovers them.
        let logits: [[Float]] = [[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0.83], [0, 1, 0.9]]
        let gold = [0, 0, 1, 1, 2, 2]
        let result = BiasCalibration().search(logits: logits, gold: gold, labels: ["a", "b", "c"], metric: { $0.macroRecall })
        #expect(abs(result.before - 2.0 / 3) < 1e-9)
        #expect(result.after == 1)
        #expect(result.offsets[0] == 0)
        #expect(result.offsets[2] - result.offsets[1] > 0.15)
        #expect(result.offsets[2] - result.offsets[1] < 1)
    }

    @Test("folds keep a topic together, balance labels otherwise, and repeat for a seed")
    func folds() {
        let calibration = BiasCalibration(folds: 3)
        let topics: [String?] = (0..<30).map { "topic \($0 % 6)" }
        let labels = (0..<30).map { $0 % 2 }
        let grouped = calibration.assignFolds(labels: labels, groups: topics, seed: 1)
        for topic in Set(topics.compactMap { $0 }) {
            #expect(Set(topics.indices.filter { topics[$0] == topic }.map { grouped[$0] }).count == 1)
        }
        #expect(Set(grouped) == [0, 1, 2])

        let plainLabels = Array(repeating: 0, count: 9) + Array(repeating: 1, count: 6)
        let plain = calibration.assignFolds(labels: plainLabels, groups: Array(repeating: nil, count: 15), seed: 1)
        for fold in 0..<3 {
            #expect(plainLabels.indices.filter { plain[$0] == fold && plainLabels[$0] == 0 }.count == 3)
            #expect(plainLabels.indices.filter { plain[$0] == fold && plainLabels[$0] == 1 }.count == 2)
        }
        #expect(calibration.assignFolds(labels: plainLabels, groups: Array(repeating: nil, count: 15), seed: 1) == plain)
        #expect(calibration.assignFolds(labels: plainLabels, groups: Array(repeating: nil, count: 15), seed: 2) != plain)
    }

    @Test("a head trained with bias folds adds the chosen offsets to its biases, deterministically")
    func headTrainer() throws {
        var options = TrainingOptions(epochs: 5, learningRate: 0.2, seed: 7)
        let plain = HeadTrainer(head: .irony, configuration: Fixtures.configuration, options: options)
            .run(train: Fixtures.corpus, validation: Fixtures.corpus, lexicon: Fixtures.lexicon)
        #expect(plain.calibration == nil)
        #expect(plain.model.metadata["bias offsets"] == nil)

        options.biasFolds = 3
        let trainer = HeadTrainer(head: .irony, configuration: Fixtures.configuration, options: options)
        let calibrated = trainer.run(train: Fixtures.corpus, validation: Fixtures.corpus, lexicon: Fixtures.lexicon)
        let again = trainer.run(train: Fixtures.corpus, validation: Fixtures.corpus, lexicon: Fixtures.lexicon)
        let calibration = try #require(calibrated.calibration)
        #expect(calibrated.model == again.model)
        #expect(calibrated.model.weights == plain.model.weights)
        for k in 0..<2 {
            let expected = Float(Float16(plain.model.bias[k] + calibration.offsets[k]))
            #expect(abs(calibrated.model.bias[k] - expected) <= 2e-3 * max(1, abs(expected)))
        }
        #expect(calibrated.model.metadata["bias offsets"]?.contains("3-fold cross-validation") == true)
        #expect(options.summary.hasSuffix("biasFolds=3"))
    }
}
