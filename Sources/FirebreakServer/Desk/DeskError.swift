/// Why a desk action was refused; routes turn these into HTTP statuses.
public enum DeskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such campaign, post, alert or outbox item (404).
    case notFound
    /// The request is malformed or out of range (400).
    case invalid(String)
    /// The thing is not in a state that allows this (409).
    case conflict(String)

    public var description: String {
        switch self {
        case .notFound: "not found"
        case .invalid(let reason): reason
        case .conflict(let reason): reason
        }
    }
}

/// What a person does to an alert.
public enum AlertAction: Sendable, Equatable {
    case acknowledge
    case resolve
    case annotate(String)

    var name: String {
        switch self {
        case .acknowledge: "acknowledge"
        case .resolve: "resolve"
        case .annotate: "annotate"
        }
    }

    var detail: String {
        if case .annotate(let text) = self { return text }
        return ""
    }
}
