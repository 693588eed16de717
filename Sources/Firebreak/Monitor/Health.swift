/// How the campaign is doing, as the monitor sees it.
public enum Health: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case healthy
    case watch
    case hijacked
    case recovering

    /// Severity order used to pick the worst state over a span: healthy < recovering < watch < hijacked.
    public var severity: Int {
        switch self {
        case .healthy: 0
        case .recovering: 1
        case .watch: 2
        case .hijacked: 3
        }
    }

    public static func < (lhs: Health, rhs: Health) -> Bool { lhs.severity < rhs.severity }
}
