/// Per-class bias offsets chosen by K-fold cross-validation on the training data only, to maximise a task's
/// official metric. A class-weighted logistic regression puts its decision point where the classes are balanced;
/// the official metrics (F1 of the irony class, macro recall of a skewed stance set) are often best elsewhere.
/// The offsets are added to the model's biases, so scoring costs nothing more.
///
/// Each fold's model is trained on the other folds with the same options and scores its held-out fold; the
/// out-of-fold logits of every training example are then searched on a grid (class 0 stays at 0, every other
/// class from −`range` to +`range` in steps of `step`). Ties go to the offsets nearest zero.
public struct BiasCalibration: Sendable, Hashable {
    /// The number of folds (at least 2).
    public var folds: Int
    /// The largest offset tried, either way.
    public var range: Float
    /// The grid step.
    public var step: Float

    /// Creates a calibration.
    public init(folds: Int = 5, range: Float = 1.5, step: Float = 0.05) {
        precondition(folds >= 2, "cross-validation needs at least two folds")
        self.folds = folds
        self.range = range
        self.step = step
    }

    /// What the search found.
    public struct Result: Sendable, Hashable {
        /// One offset per class (the first is 0).
        public var offsets: [Float]
        /// The metric of the out-of-fold predictions without offsets.
        public var before: Double
        /// The metric of the out-of-fold predictions with the offsets.
        public var after: Double
    }

    /// Assigns each example a fold in `0..<folds`, deterministically from `seed`. Examples that share a group
    /// (a SemEval topic) always share a fold, so the held-out fold's topics are unseen as in validation; examples
    /// without a group are spread so every fold holds about the same share of each label.
    public func assignFolds(labels: [Int], groups: [String?], seed: UInt64) -> [Int] {
        precondition(labels.count == groups.count, "one group per label")
        var generator = SeededGenerator(seed: seed ^ 0xB1A5_CA11_B4A7_10FF)
        var fold = Array(repeating: 0, count: labels.count)
        // Grouped examples: whole groups dealt round-robin in a shuffled order of their names.
        var groupNames = Array(Set(groups.compactMap { $0 })).sorted()
        generator.shuffle(&groupNames)
        var groupFold: [String: Int] = [:]
        for (position, name) in groupNames.enumerated() { groupFold[name] = position % folds }
        // Ungrouped examples: each label's examples shuffled and dealt round-robin.
        var byLabel: [Int: [Int]] = [:]
        for index in labels.indices {
            if let group = groups[index] {
                fold[index] = groupFold[group]!
            } else {
                byLabel[labels[index], default: []].append(index)
            }
        }
        for label in byLabel.keys.sorted() {
            var members = byLabel[label]!
            generator.shuffle(&members)
            for (position, index) in members.enumerated() { fold[index] = position % folds }
        }
        return fold
    }

    /// The offsets that maximise `metric` over `logits` (one row per example) against `gold`.
    public func search(logits: [[Float]], gold: [Int], labels: [String], metric: (ClassificationReport) -> Double) -> Result {
        let classCount = labels.count
        func score(_ offsets: [Float]) -> Double {
            var report = ClassificationReport(labels: labels)
            for (row, label) in zip(logits, gold) {
                var best = 0
                var bestScore = row[0] + offsets[0]
                for k in 1..<classCount where row[k] + offsets[k] > bestScore {
                    best = k
                    bestScore = row[k] + offsets[k]
                }
                report.add(gold: label, predicted: best)
            }
            return metric(report)
        }
        let steps = Int((range / step).rounded())
        let grid = (-steps...steps).map { Float($0) * step }
        let none = Array(repeating: Float(0), count: classCount)
        let before = score(none)
        var best = (offsets: none, metric: before, size: Float(0))
        var offsets = none
        // Every combination of grid values for classes 1..<classCount (61 values: 61 for two classes, 3,721 for three).
        func visit(_ k: Int) {
            if k == classCount {
                let value = score(offsets)
                let size = offsets.reduce(0) { $0 + abs($1) }
                if value > best.metric + 1e-12 || (abs(value - best.metric) <= 1e-12 && size < best.size) {
                    best = (offsets, value, size)
                }
                return
            }
            for value in grid {
                offsets[k] = value
                visit(k + 1)
            }
            offsets[k] = 0
        }
        if classCount > 1 { visit(1) }
        return Result(offsets: best.offsets, before: before, after: best.metric)
    }
}
