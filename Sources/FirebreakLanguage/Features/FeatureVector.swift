/// A sparse feature vector: parallel arrays of feature indices and values. Reuse one per thread; indices
/// may repeat (a repeated feature simply counts twice).
public struct FeatureVector: Sendable, Hashable {
    /// Feature indices into the model's weight rows.
    public internal(set) var indices: [Int32] = []
    /// The value of each index.
    public internal(set) var values: [Float] = []

    /// Creates an empty vector.
    public init() {
        indices.reserveCapacity(1024)
        values.reserveCapacity(1024)
    }

    /// Creates a vector from parallel arrays.
    public init(indices: [Int32], values: [Float]) {
        precondition(indices.count == values.count, "indices and values must have the same length")
        self.indices = indices
        self.values = values
    }

    /// The number of stored entries.
    public var count: Int { indices.count }

    /// Empties the vector and keeps its capacity.
    public mutating func removeAll() {
        indices.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func append(_ index: Int32, _ value: Float) {
        indices.append(index)
        values.append(value)
    }

    /// Multiplies the values from `start` on by `factor` (per-group normalisation).
    mutating func scale(from start: Int, by factor: Float) {
        var position = start
        while position < values.count {
            values[position] *= factor
            position += 1
        }
    }

    /// A compact copy (exact capacity) for storing many vectors in a training set.
    public func compacted() -> FeatureVector {
        FeatureVector(indices: Array(indices), values: Array(values))
    }
}
