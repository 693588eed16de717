/// The four per-post questions Firebreak answers, with their labels and shipped file names.
public enum Head: String, Sendable, Hashable, CaseIterable, Codable {
    /// Negative / neutral / positive overall feeling (SemEval-2017 task 4A).
    case sentiment
    /// Ironic or sarcastic (SemEval-2018 task 3A).
    case irony
    /// Offensive (OffensEval 2019).
    case offensive
    /// Negative / positive toward a named, masked target (SemEval-2016 task 4B).
    case stance

    /// Class names in model order.
    public var labels: [String] {
        switch self {
        case .sentiment: ["negative", "neutral", "positive"]
        case .irony: ["non_irony", "irony"]
        case .offensive: ["not-offensive", "offensive"]
        case .stance: ["negative", "positive"]
        }
    }

    /// The shipped model file's name.
    public var fileName: String { "\(rawValue).fbm" }

    /// The shared task's official metric, by name.
    public var metricName: String {
        switch self {
        case .sentiment: "macro recall"
        case .irony: "F1 (irony)"
        case .offensive: "macro F1"
        case .stance: "macro recall"
        }
    }

    /// The official metric of a validation report.
    public func officialMetric(_ report: ClassificationReport) -> Double {
        switch self {
        case .sentiment, .stance: report.macroRecall
        case .irony: report.f1(1)
        case .offensive: report.macroF1
        }
    }

    /// The feature configuration the shipped model uses.
    public var defaultConfiguration: FeatureConfiguration { FeatureConfiguration(charMax: 4) }

    /// Whether the shipped model is trained with VADER's word and emoji valences (the six valence summaries).
    /// Only sentiment: they lift it on `val` and, through the stance rule, the topic polarity and the monitor's
    /// delays; irony, offence and the stance model alone lose by them (docs/language.md).
    public var usesWordValences: Bool { self == .sentiment }

    /// The training options the shipped model uses (chosen on `val`; see docs/language.md). Bias offsets from
    /// cross-validation (`biasFolds`, `BiasCalibration`) are off for every head: see docs/language.md for what
    /// they do to irony and stance. The offensive head is trained on Naive-Bayes-scaled features
    /// (`NaiveBayesScaling`, smoothing 0.1, half the step size), folded into its weights. The sentiment and stance
    /// heads keep the mean of their weights over every step (`averageFrom` 1), which read `val` and the real-tweet
    /// streams better; irony and offence lost a little with it and keep the last step's.
    public var defaultOptions: TrainingOptions {
        switch self {
        case .sentiment: TrainingOptions(epochs: 6, learningRate: 0.06, l2: 1e-5, averageFrom: 1)
        case .irony: TrainingOptions(epochs: 10, learningRate: 0.06, l2: 1e-5)
        case .offensive: TrainingOptions(epochs: 4, learningRate: 0.05, l2: 1e-5, naiveBayesSmoothing: 0.1)
        case .stance: TrainingOptions(epochs: 6, learningRate: 0.03, l2: 1e-5, averageFrom: 1)
        }
    }
}
