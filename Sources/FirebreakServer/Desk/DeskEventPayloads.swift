import Foundation

extension DeskEvent {
    /// An event whose data is `value` as JSON.
    static func json(_ name: String, _ value: some Encodable) -> DeskEvent {
        DeskEvent(name: name, data: DeskJSON.string(value))
    }
}

/// New posts arrived.
struct PostsEvent: Encodable {
    var inserted: Int
    var total: Int
    var supportive: Int
    var neutral: Int
    var critical: Int
    var sarcastic: Int
    var duplicates: Int
    var rejected: Int
    var latest: Date?
}

/// A minute closed.
struct MinuteEvent: Encodable {
    var minute: Int
    var posts: Int
    var supportive: Int
    var neutral: Int
    var critical: Int
    var health: String
}

/// An alert was raised.
struct AlertEvent: Encodable {
    var id: String
    var kind: String
    var level: String
    var summary: String
}

/// The breaker moved (the live event, and the webhook body's `breaker`).
struct BreakerStateEvent: Encodable {
    var state: String
    var health: String
    var actor: String
    var note: String
}

/// Posts were moderated.
struct ModerationEvent: Encodable {
    var status: String
    var count: Int
}

/// An outbox item changed.
struct OutboxEvent: Encodable {
    var id: Int64
    var status: String
}
