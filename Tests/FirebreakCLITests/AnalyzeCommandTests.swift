import Foundation
import Testing

@Suite("firebreak analyze")
struct AnalyzeCommandTests {
    let flat = CLIRunner.fixtures.appendingPathComponent("x/v2-flat.jsonl")

    func report(_ path: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
    }

    func input(_ report: [String: Any]) throws -> [String: Any] {
        try #require(report["input"] as? [String: Any])
    }

    @Test("writes a JSON report that validates against the shared schema")
    func jsonReportValidates() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("report.json")
        let result = try CLIRunner.run(["analyze", flat.path, "--hashtag", "#myNYPD", "--owner", "@NYPDnews", "--target", "NYPD", "--json", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Campaign"))
        let errors = try CLIRunner.schemaErrors(out)
        #expect(errors == nil, "\(errors ?? "")")
        let json = try report(out)
        #expect(json["schema"] as? String == "firebreak.report/1")
        #expect(try input(json)["posts"] as? Int ?? 0 > 0)
    }

    @Test("reads gzip and standard input to the same posts as the plain file")
    func gzipAndStdinMatchPlain() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let gz = try CLIRunner.gzip(flat, into: dir)
        var counts: [Int] = []
        for (args, stdin) in [([flat.path], nil), ([gz.path], nil), (["-"], try Data(contentsOf: flat)), (["-"], try Data(contentsOf: gz))] as [([String], Data?)] {
            let out = dir.appendingPathComponent("r\(counts.count).json")
            let result = try CLIRunner.run(["analyze"] + args + ["--hashtag", "myNYPD", "--json", out.path], stdin: stdin)
            #expect(result.status == 0, "\(result.stderr)")
            counts.append(try input(report(out))["posts"] as? Int ?? -1)
        }
        #expect(counts.allSatisfy { $0 == counts[0] && $0 > 0 }, "\(counts)")
    }

    @Test("counts the same posts in overlapping archives once")
    func duplicatesAcrossFiles() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let single = dir.appendingPathComponent("single.json")
        let double = dir.appendingPathComponent("double.json")
        #expect(try CLIRunner.run(["analyze", flat.path, "--hashtag", "myNYPD", "--json", single.path]).status == 0)
        #expect(try CLIRunner.run(["analyze", flat.path, flat.path, "--hashtag", "myNYPD", "--json", double.path]).status == 0)
        let a = try input(report(single))
        let b = try input(report(double))
        #expect(a["posts"] as? Int == b["posts"] as? Int)
        #expect(b["records"] as? Int == 2 * (a["records"] as? Int ?? 0))
        #expect((b["duplicates"] as? Int ?? 0) >= (a["posts"] as? Int ?? 0))
    }

    @Test("rejects unreadable records with file, record number and reason, and reads the rest")
    func rejectionsAreListed() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let good = try String(contentsOf: flat, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        var bytes = Data()
        bytes.append(Data("{not json\n".utf8))  // 1 invalid JSON
        bytes.append(Data(good.utf8) + Data("\n".utf8))  // 2 good
        bytes.append(Data([0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A]))  // 3 invalid UTF-8
        bytes.append(Data(("{\"text\":\"" + String(repeating: "a", count: 1_100_000) + "\"}\n").utf8))  // 4 over 1 MB
        bytes.append(Data("{\"author_id\":\"1\",\"text\":\"no id or time\"}\n".utf8))  // 5 missing fields
        bytes.append(Data("{\"hello\":\"world\"}\n".utf8))  // 6 unknown shape
        let file = dir.appendingPathComponent("mixed.jsonl")
        try bytes.write(to: file)
        let out = dir.appendingPathComponent("report.json")
        let result = try CLIRunner.run(["analyze", file.path, "--hashtag", "myNYPD", "--json", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try input(report(out))
        #expect(summary["records"] as? Int == 6)
        #expect(summary["posts"] as? Int == 1)
        #expect(summary["rejected"] as? Int == 5)
        let rejections = try #require(summary["rejections"] as? [[String: Any]])
        let byRecord = Dictionary(uniqueKeysWithValues: rejections.map { ($0["record"] as? Int ?? 0, $0["reason"] as? String ?? "") })
        #expect(byRecord[1]?.contains("invalid JSON") == true)
        #expect(byRecord[3]?.contains("UTF-8") == true)
        #expect(byRecord[4]?.contains("longer than 1 MB") == true)
        #expect(byRecord[5]?.contains("missing required field") == true)
        #expect(byRecord[6]?.contains("unknown record shape") == true)
        #expect(rejections.allSatisfy { $0["file"] as? String == file.path })
        #expect(try CLIRunner.schemaErrors(out) == nil)
    }

    @Test("plain text, which carries no times, gets no time span or timeline, and the summary says why")
    func plainTextHasNoTimes() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let file = try CLIRunner.write("Thanks #myNYPD officers\nThey beat a man for jaywalking #myNYPD\n", to: "posts.txt", in: dir)
        let out = dir.appendingPathComponent("report.json")
        let markdown = dir.appendingPathComponent("report.md")
        let html = dir.appendingPathComponent("report.html")
        let result = try CLIRunner.run([
            "analyze", file.path, "--hashtag", "myNYPD", "--json", out.path, "--markdown", markdown.path, "--html", html.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("No post times in the input"))
        #expect(!result.stdout.contains("1970"))
        let json = try report(out)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["posts"] as? Int == 2)
        #expect(summary["first_post_at"] is NSNull && summary["last_post_at"] is NSNull)
        #expect((json["timeline"] as? [Any])?.isEmpty == true)
        // The example posts are shown without a made-up time: null in JSON, "no time" for people.
        let examples = try #require(json["examples"] as? [[String: Any]])
        #expect(!examples.isEmpty && examples.allSatisfy { $0["created_at"] is NSNull })
        for rendered in [try String(contentsOf: markdown, encoding: .utf8), try String(contentsOf: html, encoding: .utf8)] {
            #expect(!rendered.contains("1970"))
            #expect(rendered.contains("no time"))
        }
        #expect(try CLIRunner.schemaErrors(out) == nil)
    }

    @Test("a misspelt campaign field or a bad --hashtag stops the run with the reason, before anything is read")
    func badCampaign() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let file = try CLIRunner.write("name: myNYPD\nhashtag: \"#myNYPD\"\n", to: "campaign.yml", in: dir)
        let misspelt = try CLIRunner.run(["analyze", flat.path, "--campaign", file.path])
        #expect(misspelt.status != 0)
        #expect(misspelt.stderr.contains("unknown field hashtag"), "\(misspelt.stderr)")
        #expect(misspelt.stderr.contains(file.path))
        #expect(!misspelt.stdout.contains("Read "))
        for (flag, value) in [("--hashtag", ""), ("--hashtag", "# my NYPD"), ("--owner", "NYPD news"), ("--target", " ")] {
            let result = try CLIRunner.run(["analyze", flat.path, flag, value])
            #expect(result.status != 0, "\(flag) \(value)")
            #expect(result.stderr.contains(flag), "\(result.stderr)")
        }
    }

    @Test("a report written to standard output is all that is there: the summary goes to standard error")
    func reportOnStandardOutput() throws {
        let json = try CLIRunner.run(["analyze", flat.path, "--hashtag", "myNYPD", "--json", "-"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "firebreak.report/1")
        #expect(json.stderr.contains("Campaign myNYPD"))
        let markdown = try CLIRunner.run(["analyze", flat.path, "--hashtag", "myNYPD", "--markdown", "-"])
        #expect(markdown.status == 0 && markdown.stdout.hasPrefix("# ") && !markdown.stdout.contains("Campaign myNYPD (#myNYPD)\n"))
        #expect(markdown.stderr.contains("Campaign myNYPD (#myNYPD)\n"))
    }

    @Test("the example's featured candidates are friendly photos from before the hijack, not the hijack's own photos")
    func featuredCandidatesPrecedeTheHijack() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("report.json")
        let example = CLIRunner.packageRoot.appendingPathComponent("examples/mynypd")
        let result = try CLIRunner.run([
            "analyze", example.appendingPathComponent("posts.jsonl").path, "--campaign", example.appendingPathComponent("campaign.yml").path,
            "--json", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try report(out)
        let alerts = try #require(json["alerts"] as? [[String: Any]])
        let onset = try #require(alerts.first { $0["kind"] as? String == "hijack" }?["onset_estimate"] as? String)
        let featured = try #require(json["featured_candidates"] as? [String])
        #expect(featured.count >= 10)
        var times: [String: String] = [:]
        for line in try String(contentsOf: example.appendingPathComponent("posts.jsonl"), encoding: .utf8).split(separator: "\n") {
            if let post = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = post["id"] as? String {
                times[id] = post["created_at"] as? String
            }
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        func date(_ text: String?) -> Date? { text.flatMap { formatter.date(from: $0) ?? plain.date(from: $0) } }
        let turn = try #require(date(onset))
        #expect(featured.allSatisfy { date(times[$0]).map { $0 < turn } ?? false }, "\(featured.map { times[$0] ?? "?" })")
    }

    @Test("a launch time after every post is named on standard error and in the report: nothing was watched")
    func launchAfterThePosts() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let campaign = try CLIRunner.write("name: myNYPD\nhashtags: [\"#myNYPD\"]\nlaunched_at: 2020-01-01T00:00:00Z\n", to: "campaign.yml", in: dir)
        let report = dir.appendingPathComponent("late.json")
        let late = try CLIRunner.run(["analyze", flat.path, "--campaign", campaign.path, "--json", report.path])
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stderr.contains("is after the last post"), "\(late.stderr)")
        // The report says it too: read later, its "healthy" would otherwise stand unexplained.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [[String: String]])
        #expect(warnings.map { $0["code"] } == ["launched_after_last_post"])
        let onTime = try CLIRunner.run(["analyze", flat.path, "--hashtag", "myNYPD"])
        #expect(!onTime.stderr.contains("is after the last post"))
    }

    @Test("exits non-zero only when nothing could be read")
    func exitStatus() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let missing = try CLIRunner.run(["analyze", dir.appendingPathComponent("nope.jsonl").path, "--hashtag", "x"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.jsonl"))
        let partly = try CLIRunner.run(["analyze", dir.appendingPathComponent("nope.jsonl").path, flat.path, "--hashtag", "x"])
        #expect(partly.status == 0, "\(partly.stderr)")
    }

    @Test("takes the most frequent hashtag when no campaign is given")
    func guessesHashtag() throws {
        let result = try CLIRunner.run(["analyze", flat.path])
        #expect(result.status == 0)
        #expect(result.stderr.lowercased().contains("#mynypd"))
        #expect(result.stdout.lowercased().contains("#mynypd"))
    }

    @Test("reads the campaign file of the example")
    func campaignFile() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let campaign = dir.appendingPathComponent("campaign.yml")
        try """
            name: myNYPD
            hashtags: ["#myNYPD"]
            owners: ["@NYPDnews"]
            target:
              name: NYPD
              aliases: ["NYPD", "police", "cops"]
            launched_at: 2014-04-22T17:55:00Z
            brief: "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD."
            """.write(to: campaign, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("report.json")
        let result = try CLIRunner.run(["analyze", flat.path, "--campaign", campaign.path, "--json", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try report(out)
        let c = try #require(json["campaign"] as? [String: Any])
        #expect(c["owners"] as? [String] == ["@NYPDnews"])
        #expect(c["launched_at"] as? String == "2014-04-22T17:55:00Z")
        let bad = dir.appendingPathComponent("bad.yml")
        try "hashtags: [unclosed".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try CLIRunner.run(["analyze", flat.path, "--campaign", bad.path])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("bad.yml"))
    }

    @Test("renders hostile posts in the HTML report as inert text")
    func hostileHTML() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let hostile = """
            <script>alert(1)</script> #myNYPD javascript:alert(2) \u{202E}gnp.exe "><img src=x onerror=alert(3)> \(String(repeating: "🔥", count: 3000))
            """
        var lines = ""
        for i in 0..<40 {
            let text = (i % 2 == 0 ? hostile : "Thanks officer! #myNYPD").replacingOccurrences(of: "\"", with: "\\\"")
            lines += #"{"id":"\#(1000 + i)","text":"\#(text)","created_at":"2014-04-22T18:\#(String(format: "%02d", i)):00.000Z","author_id":"\#(i)","author":{"id":"\#(i)","username":"<b>evil\#(i)</b>","name":"\u202Eevil"},"entities":{"hashtags":[{"start":0,"end":7,"tag":"myNYPD"}],"urls":[{"start":0,"end":5,"url":"javascript:alert(4)","expanded_url":"javascript:alert(4)"}]}}"# + "\n"
        }
        let file = dir.appendingPathComponent("hostile.jsonl")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        let html = dir.appendingPathComponent("report.html")
        let result = try CLIRunner.run(["analyze", file.path, "--hashtag", "myNYPD", "--html", html.path])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>evil"))
        #expect(!page.contains("\u{202E}"))
        #expect(!page.lowercased().contains("href=\"javascript:"))
        #expect(page.contains("&lt;script&gt;") || page.contains("&lt;b&gt;evil"))
        #expect(!result.stdout.contains("\u{202E}"))
    }
}
