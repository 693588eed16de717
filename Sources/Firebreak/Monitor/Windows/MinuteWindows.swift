/// The 5, 15 and 60 minute roll-ups the monitor and the desk read, closed together minute by minute.
/// O(1) per closed minute for the sums; memory 80 minute summaries.
public struct MinuteWindows: Sendable {
    /// The last 5 minutes.
    public private(set) var five = WindowRollup(length: 5)
    /// The last 15 minutes.
    public private(set) var fifteen = WindowRollup(length: 15)
    /// The last 60 minutes.
    public private(set) var sixty = WindowRollup(length: 60)

    /// Empty windows.
    public init() {}

    /// Adds one closed minute to every window.
    public mutating func close(_ minute: MinuteSummary) {
        five.close(minute)
        fifteen.close(minute)
        sixty.close(minute)
    }

    /// The roll-up of a given length (5, 15 or 60), nil for any other.
    public func rollup(minutes: Int) -> WindowRollup? {
        switch minutes {
        case 5: five
        case 15: fifteen
        case 60: sixty
        default: nil
        }
    }
}
