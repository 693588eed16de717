import Firebreak
import Foundation
import Yams

/// Reads a campaign file (YAML, the shape DESIGN.md gives) into a `Campaign`.
///
/// The file is strict: a misspelt field (`hashtag:`), a value of the wrong shape or an empty or spaced hashtag is an
/// error naming the field, since a campaign read with its hashtags or launch time silently missing still runs and
/// gives a plausible but wrong report.
public enum CampaignFile {
    /// The fields a campaign file may have.
    public static let fields = ["name", "hashtags", "owners", "target", "launched_at", "brief"]
    /// The fields of its `target`.
    public static let targetFields = ["name", "aliases"]

    /// Parses campaign YAML; `source` names the file in errors.
    public static func parse(_ yaml: String, source: String = "campaign") throws(InputError) -> Campaign {
        let node: Any?
        do {
            node = try Yams.load(yaml: yaml)
        } catch {
            throw InputError(file: source, reason: "not valid YAML: \(error)")
        }
        guard let map = node as? [String: Any] else { throw InputError(file: source, reason: "expected a mapping of campaign fields") }
        func fail(_ reason: String) -> InputError { InputError(file: source, reason: reason) }
        try checkFields(map, known: fields, in: nil, fail: fail)

        let hashtags = try strings(map["hashtags"], "hashtags", fail: fail)
        for tag in hashtags where !isHashtag(tag) {
            throw fail("\"hashtags\" holds \"\(tag)\", which is not a hashtag (letters, digits and _ after an optional #)")
        }
        let owners = try strings(map["owners"], "owners", fail: fail)
        for owner in owners where !isHandle(owner) {
            throw fail("\"owners\" holds \"\(owner)\", which is not an account handle (no spaces, an optional @)")
        }
        guard let name = try text(map["name"], "name", fail: fail) ?? hashtags.first.map({ String($0.drop { $0 == "#" }) }) else {
            throw fail("missing \"name\" (or at least one hashtag)")
        }
        return Campaign(
            name: name, hashtags: hashtags, owners: owners, target: try target(map["target"], fail: fail),
            launchedAt: try launchTime(map["launched_at"], fail: fail), brief: try text(map["brief"], "brief", fail: fail))
    }

    /// Reads and parses a campaign file.
    public static func load(path: String) throws(InputError) -> Campaign {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputError(file: path, reason: "cannot read campaign file: \(error.localizedDescription)")
        }
        return try parse(text, source: path)
    }

    /// Whether `tag` (with or without `#`) can be a hashtag: one or more letters, digits, marks and connector
    /// punctuation such as `_`, as the platforms' own hashtag parsers accept.
    public static func isHashtag(_ tag: String) -> Bool {
        let body = tag.hasPrefix("#") ? tag.unicodeScalars.dropFirst() : tag.unicodeScalars[...]
        return !body.isEmpty
            && body.allSatisfy { scalar in
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: true
                default: scalar.properties.isAlphabetic
                }
            }
    }

    /// Whether `handle` (with or without `@`) can be an account handle: non-empty, without white space (Mastodon's
    /// `user@instance` and Bluesky's `name.bsky.social` included).
    public static func isHandle(_ handle: String) -> Bool {
        let body = handle.hasPrefix("@") ? handle.dropFirst() : handle[...]
        return !body.isEmpty && !body.contains { $0.isWhitespace || $0.isNewline }
    }

    // MARK: - Fields

    private static func checkFields(_ map: [String: Any], known: [String], in parent: String?, fail: (String) -> InputError) throws(InputError) {
        for key in map.keys.sorted() where !known.contains(key) {
            let place = parent.map { "\"\($0)\" has" } ?? "a campaign file has"
            throw fail("unknown field \"\(parent.map { "\($0)." } ?? "")\(key)\" (\(place) \(known.joined(separator: ", ")))")
        }
    }

    /// A scalar as text (numbers and booleans as YAML wrote them); nil when absent or null; an error for a list or map
    /// or an empty text.
    private static func text(_ value: Any?, _ field: String, fail: (String) -> InputError) throws(InputError) -> String? {
        guard let value, !(value is NSNull) else { return nil }
        let text: String
        switch value {
        case let string as String: text = string
        case let int as Int: text = String(int)
        case let double as Double: text = String(double)
        case let bool as Bool: text = String(bool)
        default: throw fail("\"\(field)\" must be text, not \(shape(value))")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw fail("\"\(field)\" is empty") }
        return text
    }

    /// A list of scalars, or one scalar as a list of one; empty when absent or null.
    private static func strings(_ value: Any?, _ field: String, fail: (String) -> InputError) throws(InputError) -> [String] {
        guard let value, !(value is NSNull) else { return [] }
        guard let list = value as? [Any] else { return [try text(value, field, fail: fail)].compactMap { $0?.trimmingCharacters(in: .whitespaces) } }
        var result: [String] = []
        for (index, item) in list.enumerated() {
            guard let item = try text(item, "\(field)[\(index)]", fail: fail) else { throw fail("\"\(field)[\(index)]\" is empty") }
            result.append(item.trimmingCharacters(in: .whitespaces))
        }
        return result
    }

    private static func target(_ value: Any?, fail: (String) -> InputError) throws(InputError) -> Campaign.Target? {
        guard let value, !(value is NSNull) else { return nil }
        guard let map = value as? [String: Any] else {
            guard let name = try text(value, "target", fail: fail) else { return nil }
            return Campaign.Target(name: name)
        }
        try checkFields(map, known: targetFields, in: "target", fail: fail)
        guard let name = try text(map["name"], "target.name", fail: fail) else { throw fail("\"target\" needs a \"name\"") }
        return Campaign.Target(name: name, aliases: try strings(map["aliases"], "target.aliases", fail: fail))
    }

    private static func launchTime(_ value: Any?, fail: (String) -> InputError) throws(InputError) -> Date? {
        guard let value, !(value is NSNull) else { return nil }
        let date: Date
        if let parsed = value as? Date {
            date = parsed
        } else if let text = value as? String, let parsed = Timestamp.parseISO8601(text) {
            date = parsed
        } else {
            throw fail("\"launched_at\" is not an RFC 3339 time such as 2014-04-22T17:55:00Z: \(value)")
        }
        do {
            return try Timestamp.plausible(date, field: "launched_at")
        } catch {
            throw fail("\"launched_at\": \(error)")
        }
    }

    private static func shape(_ value: Any) -> String {
        switch value {
        case is [Any]: "a list"
        case is [String: Any], is [AnyHashable: Any]: "a mapping"
        default: "\(type(of: value))"
        }
    }
}
