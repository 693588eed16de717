import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("SVG timeline chart")
struct RenderSVGTests {
    private func elements(_ chart: SVGTimelineChart) throws -> [(name: String, attributes: [String: String])] {
        try MarkupScanner.parseXML(chart.render()).get()
    }

    @Test("well-formed XML with one bar group per bucket and one marker per alert")
    func structure() throws {
        let report = SampleReport.nypd
        let chart = SVGTimelineChart(timeline: report.timeline, alerts: report.alerts, turnedAt: report.summary.turnedAt)
        let svg = chart.render()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let all = try elements(chart)
        #expect(all.first?.name == "svg")
        let buckets = all.filter { $0.name == "g" && $0.attributes["class"] == "bucket" }
        #expect(buckets.count == report.timeline.count)
        #expect(buckets.map { $0.attributes["data-start"] ?? "" } == report.timeline.map { ReportFormatting.rfc3339($0.start) })
        #expect(all.filter { $0.name == "g" && $0.attributes["class"] == "alert-marker" }.count == report.alerts.count)
        #expect(all.filter { $0.name == "g" && $0.attributes["class"] == "turn-marker" }.count == 1)
        // Bars in every stance colour, and one band per run of equal non-healthy health: watch, hijacked, recovering.
        let rects = all.filter { $0.name == "rect" }
        for colour in [SVGTimelineChart.Palette.supportive, SVGTimelineChart.Palette.neutral, SVGTimelineChart.Palette.critical] {
            #expect(rects.contains { $0.attributes["fill"] == colour })
        }
        let bands = rects.compactMap { $0.attributes["class"] }.filter { $0.hasPrefix("band ") }
        #expect(bands == ["band band-watch", "band band-hijacked", "band band-recovering"])
        // The legend names each series so colour is never the only cue.
        for name in ["Supportive", "Neutral", "Critical", "Watch", "Hijacked", "Recovering", "Alert", "Turning point"] {
            #expect(svg.contains(">\(name)</text>"), "legend lacks \(name)")
        }
    }

    @Test("bars are stacked in proportion and stay inside the plot")
    func geometry() throws {
        let start = SampleReport.at(18, 0)
        let timeline = [
            TimelineBucket(start: start, end: start + 3600, posts: 10, supportive: 10, neutral: 0, critical: 0, sarcastic: 0, authors: 10, newAuthors: 10, health: .healthy),
            TimelineBucket(start: start + 3600, end: start + 7200, posts: 40, supportive: 10, neutral: 10, critical: 20, sarcastic: 5, authors: 30, newAuthors: 25, health: .hijacked),
        ]
        let all = try elements(SVGTimelineChart(timeline: timeline, alerts: []))
        let bars = all.filter { $0.name == "rect" && ["supportive", "neutral", "critical"].contains($0.attributes["class"] ?? "") }
        #expect(bars.count == 4)
        func number(_ element: (name: String, attributes: [String: String]), _ key: String) -> Double {
            Double(element.attributes[key] ?? "") ?? .nan
        }
        let heights = bars.map { number($0, "height") }
        // 10 supportive in the first bucket is a quarter of the 40-post bucket; 20 critical is half.
        #expect(abs(heights[0] - heights[1]) < 0.02)
        #expect(abs(heights[3] - 2 * heights[1]) < 0.02)
        // Stacked: each segment starts where the one below ends.
        #expect(abs(number(bars[2], "y") + heights[2] - number(bars[1], "y")) < 0.02)
        #expect(abs(number(bars[3], "y") + heights[3] - number(bars[2], "y")) < 0.02)
        #expect(bars.allSatisfy { number($0, "x") >= 60 && number($0, "x") + number($0, "width") <= 940.01 })
        // Hourly buckets are labelled per hour, in UTC.
        let svg = SVGTimelineChart(timeline: timeline, alerts: []).render()
        #expect(svg.contains(">18:00</text>"))
        #expect(svg.contains(">20:00</text>"))
        #expect(svg.contains(">Apr 22</text>"))
        #expect(svg.contains(">UTC</text>"))
        #expect(svg.contains("Posts per hour"))
    }

    @Test("alert text is escaped inside the SVG and markers outside the timeline are pinned to its edges")
    func hostileAlerts() throws {
        var alerts = SampleReport.hostile.alerts
        alerts[2].raisedAt = SampleReport.at(5, 0)  // before the first bucket
        alerts[3].raisedAt = SampleReport.at(23, 59).addingTimeInterval(86_400)
        alerts[3].summary = "\u{FFFE}\u{0}</title><script>alert(1)</script>"
        let chart = SVGTimelineChart(timeline: SampleReport.timeline, alerts: alerts)
        let svg = chart.render()
        #expect(!svg.lowercased().contains("<script"))
        let all = try elements(chart)
        #expect(all.filter { $0.attributes["class"] == "alert-marker" }.count == alerts.count)
        #expect(!all.contains { $0.name == "script" })
        let xs = all.filter { $0.name == "line" && $0.attributes["stroke-dasharray"] == "5 3" }.compactMap { Double($0.attributes["x1"] ?? "") }
        #expect(xs.count == alerts.count)
        #expect(xs.allSatisfy { $0 >= 60 && $0 <= 940 })
        #expect(xs.contains(60) && xs.contains(940))
    }

    @Test("an empty timeline gives a valid chart with a message and no bars")
    func empty() throws {
        let chart = SVGTimelineChart(timeline: [], alerts: SampleReport.alerts)
        let all = try elements(chart)
        #expect(!all.contains { $0.attributes["class"] == "bucket" })
        #expect(chart.render().contains("No timeline: no posts, or none with a time."))
    }
}
