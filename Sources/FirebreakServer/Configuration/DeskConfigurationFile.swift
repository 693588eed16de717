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

    /// The settings of the file's top level, of each campaign, and of a campaign's replay, notify and facebook.
    static let topSettings = ["database", "secure_cookies", "limits", "campaigns"]
    static let limitSettings = ["max_ingest_bytes", "max_ingest_records", "ingest_requests_per_minute", "login_attempts_per_minute"]
    static let campaignSettings = [
        "id", "campaign_file", "campaign", "ingest_token", "ingest_token_env", "policy", "replay", "notify", "facebook", "monitor",
    ]
    static let replaySettings = ["files", "format", "speed", "limit_minutes"]
    static let notifySettings = ["webhook", "webhook_env", "slack", "slack_env"]
    static let facebookSettings = ["page_id", "access_token", "access_token_env", "graph_version"]

    /// Parses configuration YAML. Every key must be known and every value of its shape (`ConfigurationMap`).
    public static func parse(_ yaml: String, source: String, folder: String, environment: [String: String]) throws -> DeskConfiguration {
        func fail(_ reason: String) -> InputError { InputError(file: source, reason: reason) }
        let node: Any?
        do {
            node = try Yams.load(yaml: yaml)
        } catch {
            throw fail("not valid YAML: \(error)")
        }
        guard let node, node is [String: Any] else { throw fail("expected a mapping with \"campaigns\"") }
        let top = try ConfigurationMap(node, path: "", source: source)
        try top.checkKeys(topSettings)
        func resolve(_ file: String) -> String { file.hasPrefix("/") || file == "-" ? file : folder + "/" + file }
        func secret(_ map: ConfigurationMap, _ key: String) throws -> String? {
            if let value = try map.string(key) { return value }
            if let name = try map.string(key + "_env") {
                guard let value = environment[name], !value.isEmpty else { throw fail("\(key)_env names \(name), which is not set") }
                return value
            }
            return nil
        }
        let database = resolve(try top.string("database") ?? "firebreak.sqlite")
        guard let list = top.value("campaigns") as? [Any], !list.isEmpty else { throw fail("\"campaigns\" must be a non-empty list") }
        var campaigns: [DeskConfiguration.CampaignEntry] = []
        for (index, item) in list.enumerated() {
            let entry = try ConfigurationMap(item, path: "campaigns[\(index)]", source: source)
            try entry.checkKeys(campaignSettings)
            let campaign: Campaign
            if let file = try entry.string("campaign_file") {
                campaign = try CampaignFile.load(path: resolve(file))
            } else if let inline = try entry.map("campaign") {
                campaign = try CampaignFile.campaign(inline)
            } else {
                throw fail("campaigns[\(index)] needs \"campaign_file\" or an inline \"campaign\"")
            }
            let id = try entry.string("id") ?? campaign.name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
            var policy = DeskPolicy()
            if let policyMap = try entry.map("policy") {
                try policyMap.checkKeys(DeskPolicy.settingNames)
                do {
                    let json = try JSONSerialization.data(withJSONObject: policyMap.values)
                    policy = try JSONDecoder().decode(DeskPolicy.self, from: json)
                } catch {
                    throw fail("campaigns[\(index)].policy: \(error)")
                }
            }
            var replay: DeskConfiguration.Replay?
            if let replayMap = try entry.map("replay") {
                try replayMap.checkKeys(replaySettings)
                let files = try replayMap.strings("files")?.map(resolve) ?? []
                guard !files.isEmpty else { throw fail("campaigns[\(index)].replay needs \"files\"") }
                let formatName = try replayMap.string("format") ?? "auto"
                guard let format = InputFormat(rawValue: formatName) else {
                    throw fail("campaigns[\(index)].replay.format \"\(formatName)\" is unknown")
                }
                let speed = try replayMap.positive("speed", atMost: 1_000_000) ?? 60
                let limitMinutes = try replayMap.positive("limit_minutes", atMost: 10_000_000)
                replay = DeskConfiguration.Replay(files: files, format: format, speed: speed, limit: limitMinutes.map { $0 * 60 })
            }
            var notify = DeskConfiguration.Notify()
            if let notifyMap = try entry.map("notify") {
                try notifyMap.checkKeys(notifySettings)
                notify = DeskConfiguration.Notify(webhook: try secret(notifyMap, "webhook"), slack: try secret(notifyMap, "slack"))
            }
            var facebook: DeskConfiguration.FacebookPage?
            if let fb = try entry.map("facebook") {
                try fb.checkKeys(facebookSettings)
                guard let page = try fb.string("page_id") else { throw fail("campaigns[\(index)].facebook needs \"page_id\"") }
                facebook = DeskConfiguration.FacebookPage(
                    pageID: page, accessToken: try secret(fb, "access_token"), graphVersion: try fb.string("graph_version") ?? "v21.0")
            }
            var monitor = MonitorConfiguration()
            if let value = entry.value("monitor") {
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
        if let l = try top.map("limits") {
            try l.checkKeys(limitSettings)
            if let v = try l.int("max_ingest_bytes", in: 1...(1 << 30)) { limits.maxIngestBytes = v }
            if let v = try l.int("max_ingest_records", in: 1...10_000_000) { limits.maxIngestRecords = v }
            if let v = try l.int("ingest_requests_per_minute", in: 1...1_000_000) { limits.ingestRequestsPerMinute = v }
            if let v = try l.int("login_attempts_per_minute", in: 1...10_000) { limits.loginAttemptsPerMinute = v }
        }
        let configuration = DeskConfiguration(
            database: database, campaigns: campaigns, limits: limits, secureCookies: try top.bool("secure_cookies") ?? false)
        let problems = configuration.problems
        guard problems.isEmpty else { throw fail(problems.joined(separator: "; ")) }
        return configuration
    }
}
