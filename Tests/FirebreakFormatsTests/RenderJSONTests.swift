import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("JSON report encoder")
struct RenderJSONTests {
    private func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("writes the schema id, snake_case keys in schema order, and the extra fields")
    func shape() throws {
        let text = JSONReportEncoder().encodeString(SampleReport.nypd)
        #expect(text.hasPrefix("{\n  \"schema\": \"firebreak.report/1\",\n  \"generated_by\": \"firebreak 0.1.0\","))
        let order = ["\"campaign\":", "\"input\":", "\"summary\":", "\"timeline\":", "\"alerts\":", "\"themes\":", "\"accounts\":",
            "\"coordination\":", "\"examples\":", "\"featured_candidates\":"]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())

        let json = try object(Data(text.utf8))
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["turned_at"] as? String == "2014-04-22T18:47:30Z")
        #expect(summary["first_post_at"] as? String == "2014-04-22T17:55:00Z")
        #expect((summary["stance"] as? [String: Int]) == ["supportive": 1_377, "neutral": 5_190, "critical": 24_414])
        #expect(summary["health"] as? String == "recovering")

        let alerts = try #require(json["alerts"] as? [[String: Any]])
        #expect(alerts.count == 4)
        #expect(alerts[0]["kind"] as? String == "volume_burst")
        let evidence = try #require(alerts[1]["evidence"] as? [String: Any])
        #expect(Set(evidence.keys) == ["figures", "themes", "accounts", "example_post_ids", "clusters"])
        #expect((evidence["clusters"] as? [Any])?.isEmpty == true)
        #expect((evidence["figures"] as? [String: Double])?["critical_share"] == 0.7134)
        #expect(evidence["themes"] as? [String] == ["jaywalking", "dog", "dragged"])
        #expect(alerts[2]["onset_estimate"] is NSNull)
        #expect(alerts[1]["raised_at"] as? String == "2014-04-22T19:03:41Z")

        let timeline = try #require(json["timeline"] as? [[String: Any]])
        #expect(timeline.count == 25)
        #expect(timeline[0]["start"] as? String == "2014-04-22T17:45:00Z")
        #expect(timeline[0]["end"] as? String == "2014-04-22T18:00:00Z")
        #expect(timeline[0]["new_authors"] as? Int == SampleReport.timeline[0].newAuthors)

        let accounts = try #require(json["accounts"] as? [[String: Any]])
        #expect(accounts[3]["followers"] is NSNull)
        #expect(accounts[0]["followers"] as? Int == 195_000)
        let input = try #require(json["input"] as? [String: Any])
        #expect((input["rejections"] as? [[String: Any]])?.first?["record"] as? Int == 117)
        #expect(json["featured_candidates"] as? [String] == ["458688111111111111", "458688222222222222"])
        let examples = try #require(json["examples"] as? [[String: Any]])
        #expect(examples[2]["sarcastic"] as? Bool == true)
        #expect(examples[2]["has_media"] as? Bool == true)
    }

    @Test("the same report gives the same bytes, and compact and pretty output agree")
    func deterministic() throws {
        let report = SampleReport.nypd
        let first = JSONReportEncoder().encode(report)
        // Dictionaries are rebuilt per call, so hash-seed order would show up here if figures were not sorted.
        for _ in 0..<5 { #expect(JSONReportEncoder().encode(report) == first) }
        let compact = JSONReportEncoder(prettyPrinted: false).encode(report)
        #expect(!compact.contains(UInt8(ascii: "\n")))
        #expect(NSDictionary(dictionary: try object(compact)) == NSDictionary(dictionary: try object(first)))
        let figuresStart = try #require(String(decoding: first, as: UTF8.self).range(of: "\"baseline_critical_share\""))
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.range(of: "\"critical_share\"", range: figuresStart.upperBound..<text.endIndex) != nil)
    }

    @Test("strings are escaped and round-trip exactly, untruncated")
    func escaping() throws {
        var report = SampleReport.hostile
        let tricky = "quote \" backslash \\ nul \u{0} bell \u{7} tab \t cr \r lf \n del \u{7F} ls \u{2028} ps \u{2029} rlo \u{202E} é 😀 👨‍👩‍👧‍👦"
        report.examples[1].text = tricky
        let data = JSONReportEncoder(prettyPrinted: false).encode(report)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"quote \" backslash \\ nul \u0000 bell \u0007 tab \t cr \r lf \n del \u007f ls \u2028 ps \u2029"#))
        // No raw control character or line separator may appear anywhere in the output.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0x7F })

        let json = try object(data)
        let examples = try #require(json["examples"] as? [[String: Any]])
        #expect(examples[1]["text"] as? String == tricky)
        #expect(examples[0]["text"] as? String == SampleReport.hostile.examples[0].text)
        #expect((json["campaign"] as? [String: Any])?["name"] as? String == SampleReport.attack)
        #expect((examples[0]["text"] as? String)?.contains(SampleReport.emojiRun) == true)
    }

    @Test("the empty report writes nulls for absent dates and empty arrays")
    func empty() throws {
        let json = try object(JSONReportEncoder().encode(SampleReport.empty))
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["first_post_at"] is NSNull)
        #expect(summary["turned_at"] is NSNull)
        #expect((json["timeline"] as? [Any])?.isEmpty == true)
        #expect((json["campaign"] as? [String: Any])?["launched_at"] is NSNull)
        #expect((json["campaign"] as? [String: Any])?["brief"] is NSNull)
    }

    @Test("non-finite figures become null rather than invalid JSON")
    func nonFinite() throws {
        var report = SampleReport.nypd
        report.alerts[0].figures = ["a": .nan, "b": -.infinity, "c": 1e-7, "d": 2.5e20, "e": -3]
        let text = JSONReportEncoder(prettyPrinted: false).encodeString(report)
        #expect(text.contains(#""figures":{"a":null,"b":null,"c":1e-07,"d":2.5e+20,"e":-3}"#))
        _ = try object(Data(text.utf8))
    }
}
