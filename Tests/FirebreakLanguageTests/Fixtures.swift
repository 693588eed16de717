import Foundation
@testable import FirebreakLanguage

/// A tiny labelled corpus with an obvious signal, for training tests.
enum Fixtures {
    static let lexicon = Lexicon(entries: [("love", 3.2), ("great", 3.1), ("hate", -2.7), ("awful", -2.0)])

    static let corpus: [LabelledText] = {
        let positive = ["love this", "great people", "love the team", "great job today", "so great", "I love it"]
        let negative = ["hate this", "awful people", "hate the team", "awful job today", "so awful", "I hate it"]
        var examples: [LabelledText] = []
        for round in 0..<5 {
            for text in positive { examples.append(LabelledText(text: "\(text) \(round)", label: 1)) }
            for text in negative { examples.append(LabelledText(text: "\(text) \(round)", label: 0)) }
        }
        return examples
    }()

    static let configuration = FeatureConfiguration(hashBits: 12)

    static func train(seed: UInt64 = 7) -> LinearModel {
        let vectors = TextClassifier.vectors(corpus, configuration: configuration, lexicon: lexicon)
        let trainer = LogisticRegressionTrainer(options: TrainingOptions(epochs: 5, learningRate: 0.2, seed: seed))
        let (weights, bias) = trainer.train(vectors, classCount: 2, dimension: configuration.dimension)
        var model = LinearModel(
            head: "toy", labels: ["negative", "positive"], configuration: configuration, lexicon: lexicon,
            weights: weights, bias: bias, metadata: ["note": "test"])
        model.roundToStoredPrecision()
        return model
    }

    /// The shipped model files in the source tree (tests do not depend on the resource bundle).
    static var shippedModels: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/FirebreakModels/Resources")
    }

    static func shipped(_ head: Head) throws -> LinearModel {
        let data = try Data(contentsOf: shippedModels.appendingPathComponent(head.fileName))
        return try ModelFile.decode([UInt8](data))
    }
}
