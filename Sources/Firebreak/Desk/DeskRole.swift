/// What a desk user may do.
public enum DeskRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Reads everything, changes nothing.
    case viewer
    /// Moderates posts, approves replies, handles alerts.
    case moderator
    /// Everything, including users, settings and circuit-breaker overrides.
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .moderator: 1
        case .admin: 2
        }
    }

    public static func < (lhs: DeskRole, rhs: DeskRole) -> Bool { lhs.rank < rhs.rank }

    /// Whether this role includes everything `required` may do.
    public func allows(_ required: DeskRole) -> Bool { self >= required }
}
