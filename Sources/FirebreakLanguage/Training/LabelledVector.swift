/// One training example: its features, its class index, and an extra weight (1 for ordinary examples).
public struct LabelledVector: Sendable, Hashable {
    /// The example's features.
    public var vector: FeatureVector
    /// The class index.
    public var label: Int
    /// A per-example weight, multiplied with the class weight.
    public var weight: Float

    /// Creates an example.
    public init(vector: FeatureVector, label: Int, weight: Float = 1) {
        self.vector = vector
        self.label = label
        self.weight = weight
    }
}
