import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

/// A report whose run went wrong in a way its figures hide says so at the top, in every format.
@Suite("Report warnings")
struct RenderWarningTests {
    /// The sample report of a campaign whose launch was mistyped a year late.
    static var lateLaunch: CampaignReport {
        var report = SampleReport.nypd
        let launched = SampleReport.launch.addingTimeInterval(365 * 86_400)
        report.campaign.launchedAt = launched
        report.warnings = [.launchedAfterLastPost(launchedAt: launched, lastPostAt: SampleReport.at(23, 59))]
        return report
    }

    @Test("the warning names both times and what they mean")
    func message() {
        let text = Self.lateLaunch.warnings[0].message
        #expect(text.hasPrefix("The campaign's launched_at, 2015-04-22T17:55:00Z, is after the last post (2014-04-22T23:59:00Z)"), "\(text)")
        #expect(text.contains("nothing was watched for a hijack"))
    }

    @Test("JSON: a warnings array with a code and the message, valid against the schema; absent when there is none")
    func json() throws {
        let data = JSONReportEncoder().encode(Self.lateLaunch)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [[String: String]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["code"] == "launched_after_last_post")
        #expect(warnings.first?["message"] == Self.lateLaunch.warnings[0].message)
        let result = try ReportSchemaTests.validate(data)
        #expect(result.status == 0, "schema violations:\n\(result.output)")

        let plain = try #require(try JSONSerialization.jsonObject(with: JSONReportEncoder().encode(SampleReport.nypd)) as? [String: Any])
        #expect(plain["warnings"] == nil)
    }

    @Test("Markdown and HTML: the warning opens the document, under the campaign's facts")
    func documents() {
        let markdown = MarkdownReportRenderer().render(Self.lateLaunch)
        let warning = markdown.range(of: "\n\n> **Warning:** The campaign's launched\\_at, 2015-04-22T17:55:00Z")
        let keyFigures = markdown.range(of: "## Key figures")
        #expect(warning != nil && keyFigures != nil && warning!.lowerBound < keyFigures!.lowerBound, "\(markdown.prefix(800))")
        #expect(!MarkdownReportRenderer().render(SampleReport.nypd).contains("**Warning:**"))

        let html = HTMLReportRenderer().render(Self.lateLaunch)
        let box = html.range(of: "<p class=\"warning\" role=\"alert\"><strong>Warning:</strong> <bdi>The campaign&#39;s launched_at, 2015-04-22T17:55:00Z")
        let header = html.range(of: "</header>")
        #expect(box != nil && header != nil && box!.lowerBound < header!.lowerBound, "\(html.prefix(3000))")
        #expect(!HTMLReportRenderer().render(SampleReport.nypd).contains("class=\"warning\""))
    }
}
