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
        /// The bias offsets chosen by cross-validation on the training data, if `options.biasFolds` asked for them.
        public var calibration: BiasCalibration.Result?
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
        var (weights, bias) = fit(vectors)
        var calibration: BiasCalibration.Result?
        if options.biasFolds > 1 {
            let result = calibrate(vectors, groups: train.map(\.topic), folds: options.biasFolds)
            for k in bias.indices { bias[k] += result.offsets[k] }
            calibration = result
        }
        var model = LinearModel(
            head: head.rawValue, labels: head.labels, configuration: configuration, lexicon: lexicon, weights: weights,
            bias: bias,
            metadata: ["options": options.summary, "training examples": "\(train.count)"])
        if let calibration {
            model.metadata["bias offsets"] =
                calibration.offsets.map { String(format: "%+.2f", $0) }.joined(separator: " ")
                + " (\(options.biasFolds)-fold cross-validation on the training data: \(head.metricName) "
                + "\(String(format: "%.4f", calibration.before)) -> \(String(format: "%.4f", calibration.after)))"
        }
        model.roundToStoredPrecision()
        let report = Self.evaluate(model, on: validation)
        let metric = head.officialMetric(report)
        model.metadata["validation"] = "\(head.metricName) \(String(format: "%.4f", metric)) on \(validation.count)"
        return Outcome(model: model, report: report, metric: metric, calibration: calibration)
    }

    /// Weights and biases for `vectors` with the options (Naive-Bayes scaling, if asked for, folded into the weights).
    func fit(_ vectors: [LabelledVector]) -> (weights: [Float], bias: [Float]) {
        let trainer = LogisticRegressionTrainer(options: options)
        let classCount = head.labels.count
        guard options.naiveBayesSmoothing > 0 else {
            return trainer.train(vectors, classCount: classCount, dimension: configuration.dimension)
        }
        let scaling = NaiveBayesScaling(
            examples: vectors, classCount: classCount, bucketCount: configuration.bucketCount,
            dimension: configuration.dimension, smoothing: options.naiveBayesSmoothing)
        var (weights, bias) = trainer.train(scaling.scaled(vectors), classCount: classCount, dimension: configuration.dimension)
        scaling.fold(into: &weights, classCount: classCount)
        return (weights, bias)
    }

    /// Out-of-fold logits for every training example (each fold scored by a model trained on the others, with
    /// the same options, rounded to the stored precision), then the bias offsets that maximise the head's
    /// official metric on them. Examples with a topic are kept together by topic.
    func calibrate(_ vectors: [LabelledVector], groups: [String?], folds: Int) -> BiasCalibration.Result {
        let calibration = BiasCalibration(folds: folds)
        let fold = calibration.assignFolds(labels: vectors.map(\.label), groups: groups, seed: options.seed)
        let classCount = head.labels.count
        var logits = Array(repeating: [Float](repeating: 0, count: classCount), count: vectors.count)
        for held in 0..<folds {
            let inside = vectors.indices.filter { fold[$0] != held }
            let (weights, bias) = fit(inside.map { vectors[$0] })
            var model = LinearModel(
                head: head.rawValue, labels: head.labels, configuration: configuration, lexicon: Lexicon(entries: []),
                weights: weights, bias: bias)
            model.roundToStoredPrecision()
            for index in vectors.indices where fold[index] == held {
                model.logits(vectors[index].vector, into: &logits[index])
            }
        }
        return calibration.search(logits: logits, gold: vectors.map(\.label), labels: head.labels, metric: head.officialMetric)
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
