import Testing
@testable import FirebreakLanguage

@Suite("Training")
struct TrainingTests {
    @Test("training is deterministic for a seed")
    func deterministic() {
        let a = Fixtures.train(seed: 7)
        let b = Fixtures.train(seed: 7)
        #expect(a.weights == b.weights)
        #expect(a.bias == b.bias)
        let c = Fixtures.train(seed: 8)
        #expect(a.weights != c.weights)
    }

    @Test("the seeded generator repeats its sequence")
    func generator() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
        var order = Array(0..<50)
        var generator = SeededGenerator(seed: 1)
        generator.shuffle(&order)
        #expect(order.sorted() == Array(0..<50))
        #expect(order != Array(0..<50))
    }

    @Test("a trained model separates its classes on unseen wording")
    func learns() {
        let classifier = TextClassifier(model: Fixtures.train())
        #expect(classifier.probabilities("I love them")[1] > 0.6)
        #expect(classifier.probabilities("I hate them")[0] > 0.6)
    }

    @Test("class weights balance a skewed set")
    func classWeights() {
        let vector = FeatureVector(indices: [0], values: [1])
        let examples = [LabelledVector(vector: vector, label: 0)] + Array(repeating: LabelledVector(vector: vector, label: 1), count: 3)
        let weights = LogisticRegressionTrainer(options: TrainingOptions()).classWeights(examples, classCount: 2)
        #expect(weights == [2, Float(4) / 6])
    }

    @Test("explanations name the words that decided")
    func explanations() {
        let classifier = TextClassifier(model: Fixtures.train())
        let reasons = classifier.explain("they hate it", toward: 0, limit: 3)
        #expect(reasons.first?.feature == "word \"hate\"")
        #expect(reasons.first.map { $0.weight > 0 } == true)
    }
}

@Suite("Metrics")
struct MetricsTests {
    @Test("macro recall, F1 and accuracy")
    func metrics() {
        let report = ClassificationReport(labels: ["a", "b"], gold: [0, 0, 0, 1, 1], predicted: [0, 0, 1, 1, 0])
        #expect(abs(report.accuracy - 0.6) < 1e-9)
        #expect(abs(report.recall(0) - 2.0 / 3) < 1e-9)
        #expect(abs(report.recall(1) - 0.5) < 1e-9)
        #expect(abs(report.macroRecall - (2.0 / 3 + 0.5) / 2) < 1e-9)
        #expect(abs(report.f1(1) - 0.5) < 1e-9)
    }
}
