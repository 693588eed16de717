import Firebreak
import Foundation
import Yams

/// Reads a campaign file (YAML, the shape DESIGN.md gives) into a `Campaign`.
public enum CampaignFile {
    /// Parses campaign YAML; `source` names the file in errors.
    public static func parse(_ yaml: String, source: String = "campaign") throws(InputError) -> Campaign {
        let node: Any?
        do {
            node = try Yams.load(yaml: yaml)
        } catch {
            throw InputError(file: source, reason: "not valid YAML: \(error)")
        }
        guard let map = node as? [String: Any] else { throw InputError(file: source, reason: "expected a mapping of campaign fields") }
        func strings(_ key: String) throws(InputError) -> [String] {
            guard let value = map[key] else { return [] }
            if let single = value as? String { return [single] }
            guard let list = value as? [Any] else { throw InputError(file: source, reason: "\"\(key)\" must be a list of strings") }
            return list.map { "\($0)" }
        }
        let hashtags = try strings("hashtags")
        guard let name = (map["name"] as? String) ?? hashtags.first.map({ String($0.drop { $0 == "#" }) }) else {
            throw InputError(file: source, reason: "missing \"name\" (or at least one hashtag)")
        }
        var target: Campaign.Target?
        if let targetMap = map["target"] as? [String: Any] {
            guard let targetName = targetMap["name"] as? String else { throw InputError(file: source, reason: "\"target\" needs a \"name\"") }
            target = Campaign.Target(name: targetName, aliases: (targetMap["aliases"] as? [Any])?.map { "\($0)" } ?? [])
        } else if let targetName = map["target"] as? String {
            target = Campaign.Target(name: targetName)
        }
        var launchedAt: Date?
        if let value = map["launched_at"] {
            if let date = value as? Date {
                launchedAt = date
            } else if let text = value as? String {
                guard let date = Timestamp.parseISO8601(text) else {
                    throw InputError(file: source, reason: "\"launched_at\" is not an RFC 3339 time: \(text)")
                }
                launchedAt = date
            }
        }
        return Campaign(
            name: name, hashtags: hashtags, owners: try strings("owners"), target: target, launchedAt: launchedAt,
            brief: map["brief"] as? String)
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
}
