import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Markdown report renderer")
struct RenderMarkdownTests {
    /// Pipes that end a table cell: those not preceded by a backslash.
    private func cellSeparators(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|", !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    /// Every table's rows have as many cells as its header.
    private func checkTables(_ markdown: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                expected = nil
                continue
            }
            let separators = cellSeparators(line)
            if let expected {
                #expect(separators == expected, "row has \(separators - 1) cells, header \(expected - 1): \(line.prefix(120))", sourceLocation: sourceLocation)
            } else {
                expected = separators
            }
        }
    }

    @Test("the document has every section, figures and an hourly-style timeline table")
    func content() {
        let report = SampleReport.nypd
        let markdown = MarkdownReportRenderer().render(report)
        #expect(markdown.hasPrefix("# Campaign report: myNYPD\n"))
        for heading in ["## Key figures", "## Timeline", "## Alerts", "## Themes", "## Top accounts", "## Coordination", "## Example posts", "## Featured candidates", "## Input"] {
            #expect(markdown.contains("\n\(heading)\n"), "missing \(heading)")
        }
        #expect(markdown.contains("| Posts | 30,981 (from 31,544 records) |"))
        #expect(markdown.contains("| Turning point | 2014-04-22 18:47:30 UTC (52 min after launch) |"))
        #expect(markdown.contains("### A2 · alert · hijack"))
        #expect(markdown.contains("1. Pause automatic replies and approvals (done by the circuit breaker)."))
        #expect(markdown.contains("> Do you have a photo w/ a member of the NYPD? Tweet us &amp; tag it #myNYPD."))
        #expect(markdown.contains("| @OccupyWallSt | critic | 41 | 40 | 97.6% | 195,000 |"))
        #expect(markdown.contains("| same media | 3\\_1399999999 |"))  // underscores escaped, not emphasis
        let timelineRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| 2014-04-22 ") }
        #expect(timelineRows.count == report.timeline.count)
        #expect(timelineRows.first?.hasPrefix("| 2014-04-22 17:45 UTC | 8 |") == true)
        #expect(markdown.contains("| **hijacked** | A2 |"))
        checkTables(markdown)
    }

    @Test("long timelines are condensed into whole-bucket groups that keep the totals")
    func condensed() {
        let report = SampleReport.nypd
        let markdown = MarkdownReportRenderer(timelineRows: 10).render(report)
        #expect(markdown.contains("Each row groups 3 consecutive buckets"))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| 2014-04-22 ") }
        #expect(rows.count == 9)
        let posts = rows.map { Int($0.split(separator: "|")[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")) ?? -1 }
        #expect(posts.reduce(0, +) == report.timeline.reduce(0) { $0 + $1.posts })
    }

    @Test("hostile strings stay literal text: no HTML, no links, no broken tables, bounded")
    func hostileContent() {
        let markdown = MarkdownReportRenderer().render(SampleReport.hostile)
        let lowered = markdown.lowercased()
        #expect(!lowered.contains("<script"))
        #expect(!lowered.contains("<img"))
        #expect(!markdown.contains("<"), "raw < can open HTML in Markdown")
        #expect(lowered.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // No unescaped bracket may open a link or image.
        let unescapedBracket = try? NSRegularExpression(pattern: #"(?<!\\)[\[\]]"#)
        let range = NSRange(markdown.startIndex..., in: markdown)
        #expect(unescapedBracket?.firstMatch(in: markdown, range: range) == nil)
        #expect(markdown.contains(#"\[x\](javascript:alert(1))"#))
        #expect(markdown.contains(#"\*\*b\*\* \| pipe"#))
        #expect(!markdown.unicodeScalars.contains { RenderHTMLTests.bidiControls.contains($0.value) })
        #expect(markdown.contains(#"\[U+202E\]gnp.exe\[U+202C\]"#))
        #expect(!markdown.contains(String(repeating: "😀", count: 1001)))
        let plain = MarkdownReportRenderer().render(SampleReport.nypd)

        // Strings placed at the start of a paragraph or list item cannot open a heading or a list.
        var report = SampleReport.hostile
        report.alerts[0].summary = "# not a heading"
        report.featuredCandidates = ["- not a list", "2"]
        report.input.files = ["# file"]
        let blocks = MarkdownReportRenderer().render(report)
        #expect(blocks.contains("\n\\# not a heading\n"))
        #expect(blocks.contains("\n\\- not a list, 2"))
        #expect(blocks.contains("\n- \\# file"))
        #expect(markdown.utf8.count - plain.utf8.count < 50_000, "hostile strings added \(markdown.utf8.count - plain.utf8.count) bytes")
        checkTables(markdown)
    }

    static let inlineCases: [(String, String)] = [
        ("*bold* _em_ `code` [l](u) ![i](u) | ~s~ $x$ \\", #"\*bold\* \_em\_ \`code\` \[l\](u) !\[i\](u) \| \~s\~ \$x\$ \\"#),
        ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
        ("line\nbreak", "line break"),
        ("fine #myNYPD 1. - > fine", "fine #myNYPD 1. - &gt; fine"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("12) item", "12\\) item"),
    ]

    @Test("escaping rules", arguments: inlineCases)
    func inline(input: String, expected: String) {
        #expect(MarkdownEscaping.inline(input) == expected)
    }

    @Test("block quotes neutralise line-start syntax and keep line breaks")
    func blockquote() {
        #expect(MarkdownEscaping.blockquote("# not a heading\n- not a list\n1. not ordered\n    not code\n> not nested")
            == "> \\# not a heading\\\n> \\- not a list\\\n> 1\\. not ordered\\\n> &#32;&#32;&#32;&#32;not code\\\n> &gt; not nested")
        #expect(MarkdownEscaping.blockquote("one\n\ntwo") == "> one\n>\n> two")
    }

    @Test("an empty report still renders every section")
    func empty() {
        let markdown = MarkdownReportRenderer().render(SampleReport.empty)
        #expect(markdown.contains("No timeline: no posts, or none with a time."))
        #expect(markdown.contains("| Span | no posts |"))
        #expect(markdown.contains("The monitor raised no alerts."))
        checkTables(markdown)
    }
}
