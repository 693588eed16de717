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
        guard let node, node is [String: Any] else { throw InputError(file: source, reason: "expected a mapping of campaign fields") }
        return try campaign(try ConfigurationMap(node, path: "", source: source))
    }

    /// Reads a campaign from its mapping (a campaign file's top level, or a campaign written inline in another file).
    public static func campaign(_ map: ConfigurationMap) throws(InputError) -> Campaign {
        try map.checkKeys(fields)
        let hashtags = try map.strings("hashtags") ?? []
        for tag in hashtags where !isHashtag(tag) {
            throw map.fail("\(map.name("hashtags")) holds \"\(tag)\", which is not a hashtag (letters, digits and _ after an optional #)")
        }
        let owners = try map.strings("owners") ?? []
        for owner in owners where !isHandle(owner) {
            throw map.fail("\(map.name("owners")) holds \"\(owner)\", which is not an account handle (no spaces, an optional @)")
        }
        guard let name = try map.string("name") ?? hashtags.first.map({ String($0.drop { $0 == "#" }) }) else {
            throw map.fail("missing \(map.name("name")) (or at least one hashtag)")
        }
        return Campaign(
            name: name, hashtags: hashtags, owners: owners, target: try target(map), launchedAt: try launchTime(map),
            brief: try map.string("brief"))
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

    private static func target(_ map: ConfigurationMap) throws(InputError) -> Campaign.Target? {
        guard let value = map.value("target") else { return nil }
        guard value is [String: Any], let target = try map.map("target") else { return try map.string("target").map { Campaign.Target(name: $0) } }
        try target.checkKeys(targetFields)
        guard let name = try target.string("name") else { throw map.fail("\(map.name("target")) needs a name") }
        return Campaign.Target(name: name, aliases: try target.strings("aliases") ?? [])
    }

    private static func launchTime(_ map: ConfigurationMap) throws(InputError) -> Date? {
        guard let value = map.value("launched_at") else { return nil }
        let field = map.name("launched_at")
        let date: Date
        if let parsed = value as? Date {
            date = parsed
        } else if let text = value as? String, let parsed = Timestamp.parseISO8601(text) {
            date = parsed
        } else {
            throw map.fail("\(field) is not an RFC 3339 time such as 2014-04-22T17:55:00Z: \(value)")
        }
        do {
            return try Timestamp.plausible(date, field: field)
        } catch {
            throw map.fail("\(field): \(error)")
        }
    }
}
