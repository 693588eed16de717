/// How a logistic regression is trained.
public struct TrainingOptions: Sendable, Hashable, Codable {
    /// Passes over the training data.
    public var epochs: Int
    /// AdaGrad's base step size.
    public var learningRate: Float
    /// L2 penalty on the weights a step touches.
    public var l2: Float
    /// The seed for the example order.
    public var seed: UInt64
    /// Weight classes inversely to their frequency, so a rare class (irony, offence) is not ignored.
    public var balanceClasses: Bool
    /// Folds of the cross-validation on the training data that chooses per-class bias offsets for the head's
    /// official metric (`BiasCalibration`); 0 leaves the biases as trained.
    public var biasFolds: Int
    /// The smoothing of Naive-Bayes log-count-ratio feature scaling (NBSVM, Wang & Manning 2012,
    /// `NaiveBayesScaling`); 0 turns the scaling off.
    public var naiveBayesSmoothing: Float
    /// The first epoch (1-based) whose steps are averaged into the returned weights (Polyak–Ruppert
    /// averaging); 0 returns the last step's weights.
    public var averageFrom: Int

    /// Creates options.
    public init(
        epochs: Int = 12, learningRate: Float = 0.2, l2: Float = 1e-5, seed: UInt64 = 2014, balanceClasses: Bool = true,
        biasFolds: Int = 0, naiveBayesSmoothing: Float = 0, averageFrom: Int = 0
    ) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.l2 = l2
        self.seed = seed
        self.balanceClasses = balanceClasses
        self.biasFolds = biasFolds
        self.naiveBayesSmoothing = naiveBayesSmoothing
        self.averageFrom = averageFrom
    }

    /// A compact description saved in model metadata.
    public var summary: String {
        "epochs=\(epochs) lr=\(learningRate) l2=\(l2) seed=\(seed) balanced=\(balanceClasses)"
            + (biasFolds > 0 ? " biasFolds=\(biasFolds)" : "")
            + (naiveBayesSmoothing > 0 ? " nb=\(naiveBayesSmoothing)" : "")
            + (averageFrom > 0 ? " averageFrom=\(averageFrom)" : "")
    }
}
