import Firebreak
import FirebreakFormats
import Foundation
import Testing

@testable import FirebreakServer

@Suite struct ConfigurationTests {
    private let yaml = """
        database: data/desk.sqlite
        limits: {max_ingest_records: 500}
        campaigns:
          - id: mynypd
            campaign:
              name: myNYPD
              hashtags: ["#myNYPD"]
              owners: ["@NYPDnews"]
              target: {name: NYPD, aliases: [police]}
            ingest_token_env: INGEST
            policy: {auto_reply: true, replies_per_hour: 12}
            replay: {files: [posts.jsonl], speed: 120, limit_minutes: 90}
            notify: {webhook: "https://hooks.example.org/x", slack_env: SLACK}
            facebook: {page_id: 1234, access_token_env: FB}
            monitor: {baseline_minutes: 20, cusum_threshold: 6, volume_ratio: 1.5, minimum_mean_shift: 0.06}
        """

    @Test func readsEveryFieldAndResolvesPathsAndSecrets() throws {
        let env = ["INGEST": "abcdefghijklmnopqrstuvwxyz", "SLACK": "https://hooks.slack.com/services/T/B/C", "FB": "page-token"]
        let configuration = try DeskConfigurationFile.parse(yaml, source: "firebreak.yml", folder: "/srv/desk", environment: env)
        #expect(configuration.database == "/srv/desk/data/desk.sqlite")
        #expect(configuration.limits.maxIngestRecords == 500)
        let entry = try #require(configuration.campaigns.first)
        #expect(entry.id == "mynypd" && entry.campaign.name == "myNYPD" && entry.campaign.owners == ["@NYPDnews"])
        #expect(entry.ingestToken == "abcdefghijklmnopqrstuvwxyz")
        #expect(entry.policy.autoReply && entry.policy.repliesPerHour == 12 && !entry.policy.autoApprove)
        #expect(entry.replay?.files == ["/srv/desk/posts.jsonl"] && entry.replay?.speed == 120 && entry.replay?.limit == 5400)
        #expect(entry.notify.slack == "https://hooks.slack.com/services/T/B/C")
        #expect(entry.facebook?.pageID == "1234" && entry.facebook?.accessToken == "page-token")
        var expected = MonitorConfiguration()
        expected.baselineMinutes = 20
        expected.cusumThreshold = 6
        expected.volumeRatio = 1.5
        expected.minimumMeanShift = 0.06
        #expect(entry.monitor == expected)
    }

    @Test func refusesWithEveryProblemNamed() throws {
        #expect(throws: InputError.self) { try DeskConfigurationFile.parse(yaml, source: "f.yml", folder: "/", environment: [:]) }
        let bad = """
            campaigns:
              - id: "My Campaign!"
                campaign: {name: x, hashtags: ["#x"]}
                ingest_token: short
                policy: {max_irony: 3}
                notify: {webhook: "javascript:alert(1)"}
              - id: "My Campaign!"
                campaign: {name: y}
            """
        do {
            _ = try DeskConfigurationFile.parse(bad, source: "f.yml", folder: "/", environment: [:])
            Issue.record("a bad configuration was accepted")
        } catch let error as InputError {
            for expected in ["must be 1 to 40 characters", "used twice", "at least 16 characters", "max_irony", "not an http(s) URL"] {
                #expect(error.reason.contains(expected), "\(expected) missing from: \(error.reason)")
            }
        }
        #expect(throws: InputError.self) { try DeskConfigurationFile.parse("campaigns: []", source: "f.yml", folder: "/", environment: [:]) }
        let monitor = """
            campaigns:
              - id: x
                campaign: {name: x}
                monitor: {cusum_treshold: 6, baseline_minutes: 2, volume_ratio: "high"}
            """
        do {
            _ = try DeskConfigurationFile.parse(monitor, source: "f.yml", folder: "/", environment: [:])
            Issue.record("bad monitor thresholds were accepted")
        } catch let error as InputError {
            for expected in [
                "monitor.cusum_treshold is not a setting", "monitor.baseline_minutes must be a whole number from 5",
                "monitor.volume_ratio must be a number",
            ] {
                #expect(error.reason.contains(expected), "\(expected) missing from: \(error.reason)")
            }
        }
        #expect(throws: InputError.self) { try DeskConfigurationFile.parse("[1, 2", source: "f.yml", folder: "/", environment: [:]) }
    }

    @Test(
        "a misspelt setting or a value of the wrong shape stops the desk with the setting named, not a silent default",
        arguments: [
            ("secure_cookie: true", "unknown field secure_cookie"),
            ("secure_cookies: \"true\"", "secure_cookies must be true or false"),
            ("limits: {max_ingest_record: 5}", "unknown field limits.max_ingest_record"),
            ("limits: {max_ingest_records: \"500\"}", "limits.max_ingest_records must be a whole number"),
            ("limits: {login_attempts_per_minute: 0}", "limits.login_attempts_per_minute must be a whole number from 1"),
            ("limits: 5", "limits must be a mapping"),
            ("database: [a, b]", "database must be text"),
        ])
    func refusesMisspeltTopSettings(line: String, expected: String) {
        refuses(line + "\ncampaigns:\n  - id: x\n    campaign: {name: x}\n", expected)
    }

    @Test(
        "the same holds inside a campaign and its parts",
        arguments: [
            ("ingest_tokn: abcdefghijklmnopqrstuvwxyz", "unknown field campaigns[0].ingest_tokn"),
            ("ingest_token: [abc]", "campaigns[0].ingest_token must be text"),
            ("policy: {auto_aprove: true}", "unknown field campaigns[0].policy.auto_aprove"),
            ("replay: {files: [a.jsonl], sped: 5}", "unknown field campaigns[0].replay.sped"),
            ("replay: {files: [[a.jsonl]]}", "campaigns[0].replay.files[0] must be text, not a list"),
            ("replay: {files: [a.jsonl], speed: fast}", "campaigns[0].replay.speed must be a number above 0"),
            ("replay: {files: [a.jsonl], limit_minutes: -5}", "campaigns[0].replay.limit_minutes must be a number above 0"),
            ("notify: {webhok: \"https://x.example\"}", "unknown field campaigns[0].notify.webhok"),
            ("facebook: {page_id: \"1\", acces_token: t}", "unknown field campaigns[0].facebook.acces_token"),
            ("campaign: {name: x, hashtag: \"#x\"}", "unknown field campaigns[0].campaign.hashtag"),
        ])
    func refusesMisspeltCampaignSettings(line: String, expected: String) {
        let campaign = line.hasPrefix("campaign:") ? "" : "    campaign: {name: x}\n"
        refuses("campaigns:\n  - id: x\n" + campaign + "    " + line + "\n", expected)
    }

    private func refuses(_ yaml: String, _ expected: String) {
        do {
            _ = try DeskConfigurationFile.parse(yaml, source: "f.yml", folder: "/", environment: [:])
            Issue.record("accepted: \(yaml)")
        } catch let error as InputError {
            #expect(error.file.hasPrefix("f.yml"))
            #expect(error.reason.contains(expected), "\(expected) missing from: \(error.reason)")
        } catch {
            Issue.record("\(error)")
        }
    }
}

@Suite struct DeskPartsTests {
    @Test func formDataKeepsRepeatedFieldsAndDecodesPercentAndPlus() {
        let form = FormData("keys=x%3A1&keys=x%3A2&status=approved&text=thanks+a+lot%21&bad=%ZZ&empty=")
        #expect(form.all("keys") == ["x:1", "x:2"])
        #expect(form["status"] == "approved" && form["text"] == "thanks a lot!" && form["empty"] == "")
        #expect(form["bad"] == nil)
    }

    @Test func cursorsRoundTripExactlyAndRefuseJunk() throws {
        let at = Date(timeIntervalSince1970: 1_398_189_300.123456)
        let post = StoredPostFactory.assessed("1", .neutral, at: at)
        let stored = FirebreakStoreRecord.stored(post, sequence: 42)
        let decoded = try #require(PostCursor.decode(PostCursor.encode(stored)))
        #expect(decoded.createdAt == at && decoded.sequence == 42)
        for junk in ["", "1_2_3", "abc_1", "nan_1", "inf_2", String(repeating: "9", count: 80) + "_1"] {
            #expect(PostCursor.decode(junk) == nil, "\(junk)")
        }
    }

    @Test func postKeysParseBack() {
        #expect(PostKey(parsing: "x:123") == PostKey(platform: .x, nativeID: "123"))
        #expect(PostKey(parsing: "bluesky:at://did:plc:abc/app.bsky.feed.post/1")?.nativeID == "at://did:plc:abc/app.bsky.feed.post/1")
        #expect(PostKey(parsing: "myspace:1") == nil && PostKey(parsing: "x:") == nil && PostKey(parsing: "x") == nil)
    }

    @Test func slackTextEscapesWhatSlackReadsAsMarkup() throws {
        let alert = Alert(
            id: "A1", kind: .hijack, level: .alert, raisedAt: launch, onsetEstimate: nil, summary: "Critics <@channel> & <http://evil|click>")
        let entry = DeskConfiguration.CampaignEntry(
            id: "c", campaign: Campaign(name: "myNYPD", hashtags: ["#myNYPD"], owners: [], target: nil, launchedAt: nil, brief: nil))
        let slack = DeskNotification.alert(alert).slackJSON(campaign: entry)
        let text = try #require((try JSONSerialization.jsonObject(with: Data(slack.utf8)) as? [String: String])?["text"])
        #expect(text.contains("&lt;@channel&gt; &amp; &lt;http://evil|click&gt;"))
        #expect(!text.contains("<"))
        let webhook = try #require(
            try JSONSerialization.jsonObject(with: Data(DeskNotification.alert(alert).webhookJSON(campaign: entry).utf8)) as? [String: Any])
        #expect(webhook["event"] as? String == "alert.raised" && (webhook["alert"] as? [String: Any])?["id"] as? String == "A1")
    }

    @Test func ingestBodiesSplitIntoBatchesAndRefuseWhatCannotBeRead() throws {
        let lines = (0..<2500).map { "post \($0)" }.joined(separator: "\n")
        let batches = try IngestBody.batches(Array(lines.utf8), name: "request 1", format: .text, maxRecords: 3000, batchSize: 1000)
        #expect(batches.map(\.recordCount) == [1000, 1000, 500])
        #expect(throws: IngestBody.Failure.tooManyRecords(limit: 100)) {
            try IngestBody.batches(Array(lines.utf8), name: "r", format: .text, maxRecords: 100)
        }
        #expect(throws: IngestBody.Failure.empty) { try IngestBody.batches([], name: "r", maxRecords: 10) }
        // A gzip bomb: 2 MB of one repeated line compresses to a few KB but may not inflate past the limit.
        let bomb = try gzip(String(repeating: String(repeating: "a", count: 999) + "\n", count: 2048))
        #expect(bomb.count < 64 * 1024)
        #expect(throws: IngestBody.Failure.tooLargeInflated(limit: 1 << 20)) {
            try IngestBody.batches(bomb, name: "r", format: .text, maxRecords: 10_000, maxInflatedBytes: 1 << 20)
        }
        // Bombs of what makes no record count too: blank lines, and one line longer than any record may be.
        for filler in [String(repeating: "\n", count: 3 << 20), String(repeating: "b", count: 3 << 20)] {
            #expect(throws: IngestBody.Failure.tooLargeInflated(limit: 1 << 20)) {
                try IngestBody.batches(try gzip(filler + "post\n"), name: "r", format: .text, maxRecords: 10_000, maxInflatedBytes: 1 << 20)
            }
        }
        // Up to the limit a body is read whole.
        #expect(
            try IngestBody.batches(
                try gzip(String(repeating: "\n", count: 1 << 19) + "post\n"), name: "r", format: .text, maxRecords: 10, maxInflatedBytes: 1 << 20
            ).map(\.recordCount) == [1])
        // A truncated gzip stream is unreadable as a whole.
        let zipped = try gzip(lines)
        #expect(throws: IngestBody.Failure.self) {
            try IngestBody.batches(Array(zipped.prefix(zipped.count / 2)), name: "r", format: .text, maxRecords: 5000)
        }
    }

    @Test func metricsRenderThePrometheusTextFormat() {
        let metrics = DeskMetrics()
        metrics.increment("firebreak_ingested_posts_total", by: 3, labels: ["campaign": "a\"b"])
        metrics.observe("firebreak_http_request_seconds", seconds: 0.03, labels: ["route": "/x"])
        let text = metrics.render()
        #expect(text.contains("# TYPE firebreak_ingested_posts_total counter"))
        #expect(text.contains("firebreak_ingested_posts_total{campaign=\"a\\\"b\"} 3"))
        #expect(text.contains("firebreak_http_request_seconds_bucket{route=\"/x\",le=\"0.05\"} 1"))
        #expect(text.contains("firebreak_http_request_seconds_bucket{route=\"/x\",le=\"0.025\"} 0"))
        #expect(text.contains("firebreak_http_request_seconds_count{route=\"/x\"} 1"))
    }

    @Test func theOpenAPIDocumentDescribesTheAPI() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        for path in [
            "/api/campaigns", "/api/campaigns/{id}/posts", "/api/campaigns/{id}/moderation", "/api/campaigns/{id}/timeline", "/healthz", "/metrics",
        ] {
            #expect(paths[path] != nil, "\(path)")
        }
        let ingest = try #require((paths["/api/campaigns/{id}/posts"] as? [String: Any])?["post"] as? [String: Any])
        #expect((ingest["responses"] as? [String: Any])?["413"] != nil)
    }
}
