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

    @Test("averaged weights are the mean of the weights after each averaged step")
    func averaging() {
        // Copies of one example give the same steps in any shuffled order, so the weights after step k are
        // those of one epoch over k copies.
        let example = LabelledVector(vector: FeatureVector(indices: [0, 2], values: [0.8, -0.6]), label: 1)
        func train(copies: Int, epochs: Int, averageFrom: Int) -> [Float] {
            let options = TrainingOptions(epochs: epochs, learningRate: 0.5, l2: 1e-3, balanceClasses: false, averageFrom: averageFrom)
            let result = LogisticRegressionTrainer(options: options)
                .train(Array(repeating: example, count: copies), classCount: 2, dimension: 3)
            return result.weights + result.bias
        }
        let steps = (1...6).map { train(copies: $0, epochs: 1, averageFrom: 0) }
        func mean(_ rows: ArraySlice<[Float]>) -> [Float] {
            rows.dropFirst().reduce(rows.first!) { zip($0, $1).map(+) }.map { $0 / Float(rows.count) }
        }
        for (from, expected) in [(1, mean(steps[0..<6])), (2, mean(steps[3..<6]))] {
            let averaged = train(copies: 3, epochs: 2, averageFrom: from)
            #expect(zip(averaged, expected).allSatisfy { abs($0 - $1) < 1e-5 }, "from epoch \(from): \(averaged) vs \(expected)")
        }
        // Off, and from an epoch past the last, the last step's weights are returned.
        #expect(train(copies: 3, epochs: 2, averageFrom: 0) == steps[5])
        #expect(train(copies: 3, epochs: 2, averageFrom: 3) == steps[5])
        #expect(steps[5] != mean(steps[0..<6]))
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
