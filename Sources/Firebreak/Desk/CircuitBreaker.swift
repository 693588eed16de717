import Foundation

/// Stops the desk's outgoing actions the moment a campaign's health leaves `healthy`.
///
/// Tripped, it stops auto-approval, freezes the gallery and pauses replies. It stays tripped when health comes back:
/// a person re-arms it. A person may also override a tripped breaker (everything resumes) — until health gets worse
/// than it was at the override, which trips it again. Every change is returned as an event for the audit log.
public struct CircuitBreaker: Sendable, Hashable, Codable {
    /// The breaker's position.
    public enum State: String, Sendable, Hashable, Codable {
        /// Normal operation.
        case armed
        /// Outgoing actions stopped.
        case tripped
        /// Tripped by the monitor, but a person let actions resume.
        case overridden
    }

    /// The position.
    public private(set) var state: State = .armed
    /// When it took that position.
    public private(set) var since: Date?
    /// The health that tripped it, or that held at an override.
    public private(set) var health: Health = .healthy

    /// Creates an armed breaker.
    public init() {}

    /// Whether posts may be approved into the gallery without a person.
    public var autoApprovalAllowed: Bool { state == .armed }
    /// Whether the gallery is frozen: nothing new is featured or published.
    public var galleryFrozen: Bool { state == .tripped }
    /// Whether replies are paused.
    public var repliesPaused: Bool { state == .tripped }

    /// Reads the monitor's health; trips (or re-trips after an override) when it calls for it.
    public mutating func observe(_ now: Health, at time: Date) -> BreakerEvent? {
        switch state {
        case .armed where now != .healthy:
            return move(to: .tripped, health: now, at: time, actor: "monitor", kind: .tripped, note: "health is \(now.rawValue)")
        case .overridden where now > health:
            return move(
                to: .tripped, health: now, at: time, actor: "monitor", kind: .tripped,
                note: "health worsened to \(now.rawValue) after the override")
        default:
            return nil
        }
    }

    /// A person lets actions resume while the monitor still reports trouble.
    public mutating func override(by actor: String, reason: String, health now: Health, at time: Date) -> BreakerEvent? {
        guard state == .tripped else { return nil }
        return move(to: .overridden, health: now, at: time, actor: actor, kind: .overridden, note: reason)
    }

    /// A person stops everything by hand.
    public mutating func trip(by actor: String, reason: String, health now: Health, at time: Date) -> BreakerEvent? {
        guard state != .tripped else { return nil }
        return move(to: .tripped, health: now, at: time, actor: actor, kind: .tripped, note: reason)
    }

    /// A person re-arms the breaker (normal operation, auto-approval included).
    public mutating func rearm(by actor: String, reason: String, health now: Health, at time: Date) -> BreakerEvent? {
        guard state != .armed else { return nil }
        return move(to: .armed, health: now, at: time, actor: actor, kind: .rearmed, note: reason)
    }

    private mutating func move(to state: State, health: Health, at time: Date, actor: String, kind: BreakerEvent.Kind, note: String) -> BreakerEvent {
        self.state = state
        self.health = health
        since = time
        return BreakerEvent(kind: kind, at: time, actor: actor, health: health, note: note)
    }
}

/// A change of the circuit breaker's position, for the audit log and notifications.
public struct BreakerEvent: Sendable, Hashable, Codable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable {
        case tripped
        case overridden
        case rearmed
    }

    /// What happened.
    public var kind: Kind
    /// When (event time for the monitor, wall time for a person).
    public var at: Date
    /// `monitor` or the user's name.
    public var actor: String
    /// The campaign's health then.
    public var health: Health
    /// Why.
    public var note: String

    /// Creates an event.
    public init(kind: Kind, at: Date, actor: String, health: Health, note: String) {
        self.kind = kind
        self.at = at
        self.actor = actor
        self.health = health
        self.note = note
    }
}
