/// Trains one head and measures it on its validation set.
public struct HeadTrainer: Sendable {
    /// The result of training one head.
    public struct Outcome: Sendable {
        /// The trained model (weights already rounded to the stored precision).
        public var model: LinearModel
        /// Validation confusion and metrics.
        public var report: ClassificationReport
        /// The head's official metric on validation.
        public var metric: Double
    }

    /// The head to train.
    public var head: Head
    /// Feature configuration.
    public var configuration: FeatureConfiguration
    /// Optimiser options.
    public var options: TrainingOptions

    /// Creates a trainer with the head's shipped settings unless others are given.
    public init(head: Head, configuration: FeatureConfiguration? = nil, options: TrainingOptions? = nil) {
        self.head = head
        self.configuration = configuration ?? head.defaultConfiguration
        self.options = options ?? head.defaultOptions
    }

    /// Trains on `train`, validates on `validation`.
    public func run(train: [LabelledText], validation: [LabelledText], lexicon: Lexicon) -> Outcome {
        let vectors = TextClassifier.vectors(train, configuration: configuration, lexicon: lexicon)
        let trainer = LogisticRegressionTrainer(options: options)
        let (weights, bias) = trainer.train(vectors, classCount: head.labels.count, dimension: configuration.dimension)
        var model = LinearModel(
            head: head.rawValue, labels: head.labels, configuration: configuration, lexicon: lexicon, weights: weights,
            bias: bias,
            metadata: ["options": options.summary, "training examples": "\(train.count)"])
        model.roundToStoredPrecision()
        let report = Self.evaluate(model, on: validation)
        let metric = head.officialMetric(report)
        model.metadata["validation"] = "\(head.metricName) \(String(format: "%.4f", metric)) on \(validation.count)"
        return Outcome(model: model, report: report, metric: metric)
    }

    /// The model's confusion on a labelled set (each example masked with its own topic, if any).
    public static func evaluate(_ model: LinearModel, on examples: [LabelledText]) -> ClassificationReport {
        let classifier = TextClassifier(model: model)
        var workspace = TextClassifier.Workspace()
        var report = ClassificationReport(labels: model.labels)
        var matchers: [String: TargetMatcher] = [:]
        for example in examples {
            var matcher: TargetMatcher?
            if let topic = example.topic {
                matcher = matchers[topic] ?? TargetMatcher(names: TopicNames.names(for: topic))
                matchers[topic] = matcher
            }
            let probabilities = classifier.probabilities(example.text, matcher: matcher, in: &workspace)
            report.add(gold: example.label, predicted: probabilities.indices.max { probabilities[$0] < probabilities[$1] }!)
        }
        return report
    }
}

import Foundation
