import Foundation

/// Posts per hour over a phase, as keyframes joined linearly or exponentially.
public struct RateCurve: Sendable, Hashable, Codable {
    /// How the rate moves between two keyframes.
    public enum Interpolation: String, Sendable, Hashable, Codable, CaseIterable {
        /// A straight line between the two rates.
        case linear
        /// A constant growth factor per minute, as cascades grow.
        case exponential
    }

    /// One keyframe: the rate at a minute from the start of the phase.
    public struct Point: Sendable, Hashable, Codable {
        /// Minutes from the start of the phase.
        public var minute: Double
        /// Posts per hour at that minute.
        public var perHour: Double

        /// Creates a keyframe.
        public init(minute: Double, perHour: Double) {
            self.minute = minute
            self.perHour = perHour
        }
    }

    /// Keyframes in increasing minute order; the rate is held flat before the first and after the last.
    public var points: [Point]
    /// How keyframes are joined.
    public var interpolation: Interpolation

    /// Creates a curve from `(minute, posts per hour)` keyframes.
    public init(_ points: [(minute: Double, perHour: Double)], interpolation: Interpolation = .linear) {
        self.points = points.map { Point(minute: $0.minute, perHour: $0.perHour) }.sorted { $0.minute < $1.minute }
        self.interpolation = interpolation
    }

    /// A constant rate.
    public static func constant(_ perHour: Double) -> RateCurve {
        RateCurve([(0, perHour)])
    }

    /// The rate in posts per hour at a minute from the start of the phase.
    public func perHour(atMinute minute: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if minute <= first.minute { return first.perHour }
        if minute >= last.minute { return last.perHour }
        // Keyframes are few (a handful per phase), so a linear search is cheaper than anything clever.
        var upper = 1
        while points[upper].minute < minute { upper += 1 }
        let a = points[upper - 1]
        let b = points[upper]
        let t = (minute - a.minute) / (b.minute - a.minute)
        switch interpolation {
        case .linear:
            return a.perHour + (b.perHour - a.perHour) * t
        case .exponential:
            guard a.perHour > 0, b.perHour > 0 else { return a.perHour + (b.perHour - a.perHour) * t }
            return a.perHour * pow(b.perHour / a.perHour, t)
        }
    }

    /// The expected number of posts between two minutes of the phase (Simpson's rule per minute).
    public func expectedPosts(fromMinute start: Double, toMinute end: Double) -> Double {
        guard end > start else { return 0 }
        let steps = max(1, Int((end - start).rounded(.up)))
        let width = (end - start) / Double(steps)
        var total = 0.0
        for step in 0..<steps {
            let a = start + Double(step) * width
            let b = a + width
            let simpson = (perHour(atMinute: a) + 4 * perHour(atMinute: (a + b) / 2) + perHour(atMinute: b)) / 6
            total += simpson * width / 60
        }
        return total
    }
}
