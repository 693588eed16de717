/// Bursts of accounts new to the campaign: the new authors of the last few minutes against the rate of the
/// previous hour. Early in a campaign nearly every author is new, so the reference is the campaign's own recent
/// past rather than its first minutes. O(1) per minute (running sums over a ring of minute counts).
public struct NewAuthorSurge: Sendable {
    /// Minutes in the short window.
    public let shortMinutes: Int
    /// Minutes in the reference window before it.
    public let referenceMinutes: Int
    /// Ratio of the short window's rate to the reference rate that counts as a surge.
    public let ratio: Double
    /// New authors needed in the short window.
    public let floor: Int
    private var ring: [Int]
    private var index = 0
    private var seen = 0
    private var shortSum = 0
    private var referenceSum = 0

    /// Creates a detector.
    public init(shortMinutes: Int = 5, referenceMinutes: Int = 60, ratio: Double = 4, floor: Int = 30) {
        self.shortMinutes = max(1, shortMinutes)
        self.referenceMinutes = max(1, referenceMinutes)
        self.ratio = ratio
        self.floor = floor
        ring = Array(repeating: 0, count: self.shortMinutes + self.referenceMinutes)
    }

    /// Adds one minute's count of new authors; returns whether the short window is a surge.
    @discardableResult
    public mutating func add(newAuthors: Int) -> Bool {
        let size = ring.count
        // The minute leaving the short window joins the reference; the one leaving the reference drops out.
        let leavingShort = ring[(index + size - shortMinutes) % size]
        let leavingReference = ring[index]
        if seen >= shortMinutes {
            shortSum -= leavingShort
            referenceSum += leavingShort
        }
        if seen >= size { referenceSum -= leavingReference }
        ring[index] = newAuthors
        shortSum += newAuthors
        index = (index + 1) % size
        seen += 1
        return isSurge
    }

    /// New authors in the short window.
    public var recent: Int { shortSum }

    /// New authors the reference rate predicts for the short window.
    public var expected: Double {
        let referenceSeen = min(max(0, seen - shortMinutes), referenceMinutes)
        guard referenceSeen > 0 else { return 0 }
        return Double(referenceSum) / Double(referenceSeen) * Double(shortMinutes)
    }

    /// Whether the short window holds a surge (a full reference hour is needed first).
    public var isSurge: Bool {
        seen >= shortMinutes + referenceMinutes && shortSum >= floor && Double(shortSum) >= ratio * max(expected, 1)
    }
}
