import Firebreak

/// How well the monitor's assessor read a generated stream's stance: a detector can only be as quick as the
/// critical labels it is fed, so a miss is first checked here before it is blamed on the monitor.
public struct AssessorReading: Sendable, Hashable {
    /// Truly critical posts.
    public var critical: Int
    /// Share of them the assessor labelled critical (recall).
    public var criticalRecall: Double
    /// Share of the truly non-critical posts it labelled critical (the false-critical rate the baseline absorbs).
    public var falseCriticalRate: Double

    /// Compares true stances with assessed ones (nil: not assessed, left out).
    public init(truth: [Stance], assessed: [Stance?]) {
        var (critical, caught, other, falseCritical) = (0, 0, 0, 0)
        for (true_, read) in zip(truth, assessed) {
            guard let read else { continue }
            if true_ == .critical {
                critical += 1
                if read == .critical { caught += 1 }
            } else {
                other += 1
                if read == .critical { falseCritical += 1 }
            }
        }
        self.critical = critical
        criticalRecall = Double(caught) / Double(max(1, critical))
        falseCriticalRate = Double(falseCritical) / Double(max(1, other))
    }
}
