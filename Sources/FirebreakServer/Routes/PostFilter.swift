import Firebreak
import FirebreakFormats
import FirebreakStore
import Foundation
import Hummingbird

/// The posts filters as the pages' form and the API's query string carry them, checked and turned into a query.
struct PostFilter: Sendable {
    var stance: Stance?
    var sarcastic: Bool?
    var media: Bool?
    var author: String?
    var since: Date?
    var until: Date?
    var text: String?
    var before: (createdAt: Date, sequence: Int64)?
    var limit: Int?
    /// The raw values, to refill the form.
    var raw: [String: String] = [:]

    /// Reads `stance`, `sarcastic`, `media` (`yes`/`no`/`true`/`false`), `author`, `since`, `until` (RFC 3339 or the
    /// browser's `datetime-local`, read as UTC), `q`, `before` (a cursor) and `limit`; 400 on a value it cannot read.
    init(_ parameters: Parameters) throws {
        func value(_ name: String) -> String? {
            guard let v = parameters.get(name)?.trimmingCharacters(in: .whitespaces), !v.isEmpty, v != "any" else { return nil }
            raw[name] = v
            return v
        }
        func flag(_ name: String) throws -> Bool? {
            guard let v = value(name) else { return nil }
            switch v.lowercased() {
            case "yes", "true", "1": return true
            case "no", "false", "0": return false
            default: throw HTTPError(.badRequest, message: "\(name) must be yes or no")
            }
        }
        func date(_ name: String) throws -> Date? {
            guard let v = value(name) else { return nil }
            if let parsed = Timestamp.parseISO8601(v) ?? Timestamp.parseISO8601(v + ":00Z") ?? Timestamp.parseISO8601(v + "Z") { return parsed }
            throw HTTPError(.badRequest, message: "\(name) must be a time like 2014-04-22T18:30")
        }
        if let s = value("stance") {
            guard let parsed = Stance(rawValue: s) else { throw HTTPError(.badRequest, message: "stance must be supportive, neutral or critical") }
            stance = parsed
        }
        sarcastic = try flag("sarcastic")
        media = try flag("media")
        author = value("author").map { String($0.prefix(64)) }
        since = try date("since")
        until = try date("until")
        text = value("q").map { String($0.prefix(200)) }
        if let cursor = value("before") {
            guard let decoded = PostCursor.decode(cursor) else { throw HTTPError(.badRequest, message: "before is not a cursor this server made") }
            before = decoded
        }
        if let l = value("limit") {
            guard let n = Int(l), (1...500).contains(n) else { throw HTTPError(.badRequest, message: "limit must be 1 to 500") }
            limit = n
        }
    }

    /// The store query.
    func query(limit defaultLimit: Int, moderation: ModerationStatus? = nil) -> PostQuery {
        PostQuery(
            stance: stance, sarcastic: sarcastic, media: media, author: author, since: since, until: until, moderation: moderation, text: text,
            before: before, limit: limit ?? defaultLimit)
    }
}
