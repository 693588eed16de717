import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("HTML report renderer")
struct RenderHTMLTests {
    static let bidiControls: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    @Test("the page has every section and the key figures")
    func content() {
        let html = HTMLReportRenderer().render(SampleReport.nypd)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        for id in ["timeline", "alerts", "themes", "accounts", "coordination", "examples", "featured", "input"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(html.contains("<h1><bdi>myNYPD</bdi></h1>"))
        #expect(html.contains("30,981"))  // posts
        #expect(html.contains("24,112"))  // authors
        #expect(html.contains("6 h 04 min"))  // span 17:55:00 – 23:59:48
        #expect(html.contains("8,022"))  // sarcastic
        #expect(html.contains("<span class=\"pill health-recovering\">recovering</span>"))
        #expect(html.contains("52 min after launch"))  // turned 18:47:30
        #expect(html.contains("Tweet us &amp; tag it #myNYPD"))
        #expect(html.contains("Critical posts rose from 9% to 71%"))
        #expect(html.contains("Freeze the featured gallery."))
        #expect(html.contains("<dt><bdi>critical share</bdi></dt><dd>0.713</dd>"))
        #expect(html.contains("<td class=\"handle\"><bdi>@OccupyWallSt</bdi></td>"))
        #expect(html.contains("84-year-old"))
        #expect(html.contains("they&#39;ll shoot a homeless man&#39;s dog"))
        #expect(html.contains("archives/mynypd-late.jsonl"))
        #expect(html.contains("missing required field `created_at`"))
        #expect(html.contains("21 more rejected records are not listed."))
        #expect(html.contains("<time datetime=\"2014-04-22T19:03:41Z\">2014-04-22 19:03:41 UTC</time>"))
    }

    /// Set FIREBREAK_REPORT_PREVIEW=/some/dir to get the sample report in all three formats for a look in a browser.
    @Test("preview files are written when asked for")
    func preview() throws {
        guard let folder = ProcessInfo.processInfo.environment["FIREBREAK_REPORT_PREVIEW"] else { return }
        let directory = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let report = ProcessInfo.processInfo.environment["FIREBREAK_REPORT_PREVIEW_HOSTILE"] == nil ? SampleReport.nypd : SampleReport.hostile
        try Data(HTMLReportRenderer().render(report).utf8).write(to: directory.appendingPathComponent("report.html"))
        try Data(MarkdownReportRenderer().render(report).utf8).write(to: directory.appendingPathComponent("report.md"))
        try JSONReportEncoder().encode(report).write(to: directory.appendingPathComponent("report.json"))
    }

    @Test("the page is self-contained: no scripts, no external resources, a strict CSP")
    func selfContained() {
        let html = HTMLReportRenderer().render(SampleReport.nypd)
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"#))
        let tags = MarkupScanner.tags(in: html)
        #expect(!tags.isEmpty)
        for tag in tags {
            #expect(!["script", "link", "iframe", "object", "embed", "img", "image", "use", "foreignobject", "base", "form"].contains(tag.name))
            for attribute in tag.attributes {
                #expect(!attribute.name.hasPrefix("on"), "event handler \(attribute.name) on <\(tag.name)>")
                if attribute.name == "href" { #expect(attribute.value.hasPrefix("#"), "href \(attribute.value)") }
                #expect(!["src", "srcset", "xlink:href", "action", "formaction", "poster", "background"].contains(attribute.name))
            }
        }
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        // The only URL-looking text is the SVG namespace, which is an identifier and is never fetched.
        #expect(html.components(separatedBy: "://").count - 1 == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
    }

    @Test("hostile strings in every field come out as inert, bounded text")
    func hostileContent() throws {
        let report = SampleReport.hostile
        let html = HTMLReportRenderer().render(report)
        let lowered = html.lowercased()

        #expect(!lowered.contains("<script"))
        #expect(!lowered.contains("<img"))
        #expect(lowered.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the attack should be shown as text")
        #expect(lowered.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))

        let tags = MarkupScanner.tags(in: html)
        let allowed: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "h2", "h3", "h4", "dl", "div", "dt", "dd",
            "span", "bdi", "blockquote", "nav", "a", "section", "figure", "figcaption", "ul", "ol", "li", "i", "b", "article",
            "time", "table", "thead", "tbody", "tr", "th", "td", "footer", "svg", "desc", "g", "rect", "line", "text",
        ]
        for tag in tags {
            #expect(allowed.contains(tag.name), "unexpected element <\(tag.name)>")
            for attribute in tag.attributes {
                #expect(!attribute.name.hasPrefix("on"), "event handler \(attribute.name)=\(attribute.value) on <\(tag.name)>")
                #expect(!attribute.value.lowercased().contains("javascript:"), "\(attribute.name)=\(attribute.value)")
                if attribute.name == "href" { #expect(attribute.value.hasPrefix("#")) }
                #expect(!["src", "xlink:href", "style"].contains(attribute.name) || tag.name == "span", "\(attribute.name) on <\(tag.name)>")
                if attribute.name == "class" {
                    #expect(attribute.value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == " ") })
                }
            }
        }

        // Bidi controls are shown, not obeyed.
        #expect(!html.unicodeScalars.contains { Self.bidiControls.contains($0.value) })
        #expect(html.contains("[U+202E]gnp.exe[U+202C]"))

        // 10 kB runs are cut with a visible ellipsis, never at length.
        #expect(!html.contains(String(repeating: "😀", count: 1001)))
        #expect(html.contains("😀…"))
        let plain = HTMLReportRenderer().render(SampleReport.nypd)
        #expect(SampleReport.hostilePayloadBytes > 100_000)
        #expect(html.utf8.count - plain.utf8.count < 60_000, "hostile strings added \(html.utf8.count - plain.utf8.count) bytes")

        // The timeline still draws, with the hostile alert text escaped inside well-formed SVG.
        let svg = try #require(MarkupScanner.svg(in: html))
        let elements = try MarkupScanner.parseXML(svg).get()
        #expect(elements.filter { $0.name == "g" && $0.attributes["class"] == "alert-marker" }.count == report.alerts.count)
    }

    @Test("truncation keeps whole grapheme clusters and bounds even one huge cluster")
    func truncation() {
        let family = "👨‍👩‍👧‍👦"
        let cut = UntrustedText.neutralised(SampleReport.familyRun, limit: .text)
        #expect(cut.hasSuffix("…"))
        #expect(cut.dropLast().allSatisfy { $0 == Character(family) })
        #expect(cut.utf8.count <= TextLimit.text.bytes + 3)

        let zalgo = "a" + String(repeating: "\u{0301}", count: 5000) + "b"
        #expect(zalgo.count == 2)
        #expect(UntrustedText.neutralised(zalgo, limit: .line) == "…")
        #expect(UntrustedText.neutralised("short", limit: .line) == "short")
        #expect(UntrustedText.neutralised("abcdef", limit: TextLimit(graphemes: 3, bytes: 100)) == "abc…")
        #expect(UntrustedText.neutralised("a\u{202E}b\r\nc\u{0}d\u{2028}e", limit: .line) == "a[U+202E]b\nc[U+0000]d\ne")
        // The zero-width joiner inside emoji must survive neutralising.
        #expect(UntrustedText.neutralised(family, limit: .line) == family)
    }

    @Test("escaping covers the five HTML-active characters")
    func escaping() {
        #expect(HTMLEscaping.escape(#"<a href="x" title='y'>&amp;</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLEscaping.untrusted("\u{202E}abc") == "<bdi>[U+202E]abc</bdi>")
        #expect(HTMLReportRenderer.cssToken("Critic\" onmouseover=\"x") == "criticonmouseoverx")
    }

    @Test("an empty report renders without a chart and says so")
    func empty() throws {
        let html = HTMLReportRenderer().render(SampleReport.empty)
        #expect(html.contains("No timeline: no posts, or none with a time."))
        #expect(html.contains("The monitor raised no alerts."))
        let svg = try #require(MarkupScanner.svg(in: html))
        #expect(throws: Never.self) { try MarkupScanner.parseXML(svg).get() }
    }

    @Test("rows beyond the limits are summarised, not rendered")
    func limits() {
        var report = SampleReport.nypd
        report.accounts = (0..<500).map { AccountSummary(handle: "@user\($0)", posts: 500 - $0, critical: 1, followers: nil, role: "critic") }
        let html = HTMLReportRenderer(limits: .init(rows: 10)).render(report)
        #expect(html.contains("@user9<"))
        #expect(!html.contains("@user10<"))
        #expect(html.contains("Showing 10 of 500 accounts"))
    }
}
