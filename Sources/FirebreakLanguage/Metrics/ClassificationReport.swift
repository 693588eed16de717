/// A confusion matrix and the metrics the shared tasks use: accuracy, per-class precision / recall / F1,
/// macro recall (SemEval sentiment), macro F1 (OffensEval), F1 of one class (irony).
public struct ClassificationReport: Sendable, Hashable {
    /// Class names.
    public let labels: [String]
    /// `confusion[gold][predicted]` counts.
    public private(set) var confusion: [[Int]]

    /// An empty report for the given classes.
    public init(labels: [String]) {
        self.labels = labels
        confusion = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    }

    /// A report from parallel gold and predicted class indices.
    public init(labels: [String], gold: [Int], predicted: [Int]) {
        self.init(labels: labels)
        for (g, p) in zip(gold, predicted) { add(gold: g, predicted: p) }
    }

    /// Counts one decision.
    public mutating func add(gold: Int, predicted: Int) { confusion[gold][predicted] += 1 }

    /// The number of decisions.
    public var total: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The share of correct decisions.
    public var accuracy: Double {
        let correct = labels.indices.reduce(0) { $0 + confusion[$1][$1] }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }

    /// Precision of one class (0 when it was never predicted).
    public func precision(_ k: Int) -> Double {
        let predicted = confusion.reduce(0) { $0 + $1[k] }
        return predicted == 0 ? 0 : Double(confusion[k][k]) / Double(predicted)
    }

    /// Recall of one class (0 when it never occurs).
    public func recall(_ k: Int) -> Double {
        let gold = confusion[k].reduce(0, +)
        return gold == 0 ? 0 : Double(confusion[k][k]) / Double(gold)
    }

    /// F1 of one class.
    public func f1(_ k: Int) -> Double {
        let p = precision(k)
        let r = recall(k)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Mean recall over classes.
    public var macroRecall: Double { labels.indices.reduce(0) { $0 + recall($1) } / Double(labels.count) }
    /// Mean F1 over classes.
    public var macroF1: Double { labels.indices.reduce(0) { $0 + f1($1) } / Double(labels.count) }
}
