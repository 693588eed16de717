import Firebreak
import FirebreakFormats
import Foundation
import Yams

/// Reads `firebreak.yml` into a `DeskConfiguration`, with errors that name the file and the key.
public enum DeskConfigurationFile {
    /// Loads and checks a configuration file; relative paths in it are relative to the file's folder.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DeskConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputError(file: path, reason: "cannot read configuration: \(error.localizedDescription)")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, source: path, folder: folder, environment: environment)
    }

    /// Parses configuration YAML.
    public static func parse(_ yaml: String, source: String, folder: String, environment: [String: String]) throws -> DeskConfiguration {
        func fail(_ reason: String) -> InputError { InputError(file: source, reason: reason) }
        let node: Any?
        do {
            node = try Yams.load(yaml: yaml)
        } catch {
            throw fail("not valid YAML: \(error)")
        }
        guard let map = node as? [String: Any] else { throw fail("expected a mapping with \"campaigns\"") }
        func resolve(_ file: String) -> String { file.hasPrefix("/") || file == "-" ? file : folder + "/" + file }
        func secret(_ map: [String: Any], _ key: String) throws -> String? {
            if let value = map[key] { return "\(value)" }
            if let name = map[key + "_env"] as? String {
                guard let value = environment[name], !value.isEmpty else { throw fail("\(key)_env names \(name), which is not set") }
                return value
            }
            return nil
        }
        let database = (map["database"] as? String).map(resolve) ?? resolve("firebreak.sqlite")
        guard let list = map["campaigns"] as? [Any], !list.isEmpty else { throw fail("\"campaigns\" must be a non-empty list") }
        var campaigns: [DeskConfiguration.CampaignEntry] = []
        for (index, item) in list.enumerated() {
            guard let entry = item as? [String: Any] else { throw fail("campaigns[\(index)] must be a mapping") }
            let campaign: Campaign
            if let file = entry["campaign_file"] as? String {
                campaign = try CampaignFile.load(path: resolve(file))
            } else if let inline = entry["campaign"] as? [String: Any] {
                campaign = try CampaignFile.parse(try Yams.dump(object: inline), source: "\(source): campaigns[\(index)].campaign")
            } else {
                throw fail("campaigns[\(index)] needs \"campaign_file\" or an inline \"campaign\"")
            }
            let id = (entry["id"] as? String) ?? campaign.name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
            var policy = DeskPolicy()
            if let policyMap = entry["policy"] as? [String: Any] {
                do {
                    let json = try JSONSerialization.data(withJSONObject: policyMap)
                    policy = try JSONDecoder().decode(DeskPolicy.self, from: json)
                } catch {
                    throw fail("campaigns[\(index)].policy: \(error)")
                }
            }
            var replay: DeskConfiguration.Replay?
            if let replayMap = entry["replay"] as? [String: Any] {
                let files = (replayMap["files"] as? [Any])?.map { resolve("\($0)") } ?? []
                guard !files.isEmpty else { throw fail("campaigns[\(index)].replay needs \"files\"") }
                let formatName = (replayMap["format"] as? String) ?? "auto"
                guard let format = InputFormat(rawValue: formatName) else { throw fail("campaigns[\(index)].replay.format \"\(formatName)\" is unknown") }
                let speed = (replayMap["speed"] as? Double) ?? (replayMap["speed"] as? Int).map(Double.init) ?? 60
                let limitMinutes = (replayMap["limit_minutes"] as? Double) ?? (replayMap["limit_minutes"] as? Int).map(Double.init)
                replay = DeskConfiguration.Replay(files: files, format: format, speed: speed, limit: limitMinutes.map { $0 * 60 })
            }
            var notify = DeskConfiguration.Notify()
            if let notifyMap = entry["notify"] as? [String: Any] {
                notify = DeskConfiguration.Notify(webhook: try secret(notifyMap, "webhook"), slack: try secret(notifyMap, "slack"))
            }
            var facebook: DeskConfiguration.FacebookPage?
            if let fb = entry["facebook"] as? [String: Any] {
                guard let page = fb["page_id"].map({ "\($0)" }) else { throw fail("campaigns[\(index)].facebook needs \"page_id\"") }
                facebook = DeskConfiguration.FacebookPage(
                    pageID: page, accessToken: try secret(fb, "access_token"), graphVersion: (fb["graph_version"] as? String) ?? "v21.0")
            }
            var monitor = MonitorConfiguration()
            if let value = entry["monitor"] {
                guard let monitorMap = value as? [String: Any] else { throw fail("campaigns[\(index)].monitor must be a mapping") }
                let (applied, problems) = MonitorSettings.apply(monitorMap)
                guard problems.isEmpty else { throw fail("campaigns[\(index)]: " + problems.joined(separator: "; ")) }
                monitor = applied
            }
            campaigns.append(
                DeskConfiguration.CampaignEntry(
                    id: id, campaign: campaign, ingestToken: try secret(entry, "ingest_token"), policy: policy, replay: replay, notify: notify,
                    facebook: facebook, monitor: monitor))
        }
        var limits = DeskConfiguration.Limits()
        if let l = map["limits"] as? [String: Any] {
            if let v = l["max_ingest_bytes"] as? Int { limits.maxIngestBytes = v }
            if let v = l["max_ingest_records"] as? Int { limits.maxIngestRecords = v }
            if let v = l["ingest_requests_per_minute"] as? Int { limits.ingestRequestsPerMinute = v }
            if let v = l["login_attempts_per_minute"] as? Int { limits.loginAttemptsPerMinute = v }
        }
        let configuration = DeskConfiguration(
            database: database, campaigns: campaigns, limits: limits, secureCookies: (map["secure_cookies"] as? Bool) ?? false)
        let problems = configuration.problems
        guard problems.isEmpty else { throw fail(problems.joined(separator: "; ")) }
        return configuration
    }
}
