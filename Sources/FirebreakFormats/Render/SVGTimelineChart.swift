import Firebreak
import Foundation

/// The campaign timeline as a standalone inline SVG: posts per bucket stacked by stance, health bands behind
/// the bars, a marker per alert and at the turning point, a UTC time axis and a legend.
///
/// The SVG is well-formed XML (it parses on its own, with its `xmlns`), draws with attributes only (no CSS
/// classes are needed for it to look right, so it survives being copied out of the report), and carries
/// `<title>` tooltips so every bar and marker can be read without relying on colour.
public struct SVGTimelineChart: Sendable {
    /// The buckets to draw, in time order.
    public var timeline: [TimelineBucket]
    /// The alerts to mark.
    public var alerts: [Alert]
    /// The turning point to mark, if any.
    public var turnedAt: Date?
    /// Width of the drawing in SVG units (it scales to its container).
    public var width: Int
    /// Height of the drawing in SVG units.
    public var height: Int

    /// Creates a chart.
    public init(timeline: [TimelineBucket], alerts: [Alert], turnedAt: Date? = nil, width: Int = 960, height: Int = 380) {
        self.timeline = timeline
        self.alerts = alerts
        self.turnedAt = turnedAt
        self.width = max(width, 480)
        self.height = max(height, 240)
    }

    /// Colours from the Okabe–Ito palette, which stays distinguishable with the common colour-vision deficiencies.
    enum Palette {
        static let supportive = "#0072B2"
        static let neutral = "#A3A3A3"
        static let critical = "#D55E00"
        static let watch = "#FBEBC0"
        static let hijacked = "#F7D4CC"
        static let recovering = "#D3ECDD"
        static let alert = "#8E1B10"
        static let watchMarker = "#8A5A00"
        static let turn = "#1F1F1F"
        static let grid = "#E4E4E7"
        static let axis = "#52525B"
        static let ink = "#27272A"
    }

    /// Plot area margins: room for y labels on the left, alert labels on top, time labels and legend below.
    private var left: Double { 60 }
    private var right: Double { Double(width) - 20 }
    private var top: Double { 64 }
    private var bottom: Double { Double(height) - 78 }

    /// The SVG element, starting with `<svg` and carrying its own `xmlns`.
    public func render() -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" \
            role="img" aria-labelledby="fb-chart-title fb-chart-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="12">
            <title id="fb-chart-title">Posts per bucket by stance, with health and alerts</title>
            <desc id="fb-chart-desc">\(HTMLEscaping.escape(description))</desc>

            """
        guard let start = timeline.map(\.start).min(), let endCandidate = timeline.map(\.end).max() else {
            svg += """
                <text x="\(width / 2)" y="\(height / 2)" text-anchor="middle" fill="\(Palette.axis)">\(ReportFormatting.noTimeline)</text>
                </svg>
                """
            return svg
        }
        let end = endCandidate > start ? endCandidate : start.addingTimeInterval(1)
        let scale = TimeScale(start: start, end: end, left: left, right: right)
        let peak = timeline.map { max($0.posts, $0.supportive + $0.neutral + $0.critical) }.max() ?? 0
        let yAxis = NiceAxis(maximum: peak)

        svg += bands(scale)
        svg += grid(yAxis)
        svg += bars(scale, yAxis)
        svg += timeAxis(scale)
        svg += turnMarker(scale)
        svg += alertMarkers(scale)
        svg += legend()
        svg += "</svg>"
        return svg
    }

    /// A sentence for screen readers; it also states the figures a sighted reader would take from the chart.
    var description: String {
        guard let first = timeline.first, let last = timeline.last else { return ReportFormatting.noTimeline }
        let busiest = timeline.max { $0.posts < $1.posts } ?? first
        var text = "\(timeline.count) buckets from \(ReportFormatting.display(first.start)) to \(ReportFormatting.display(last.end))"
        text += "; busiest \(ReportFormatting.display(busiest.start)) with \(ReportFormatting.count(busiest.posts)) posts"
        text += " (\(ReportFormatting.count(busiest.supportive)) supportive, \(ReportFormatting.count(busiest.neutral)) neutral, "
        text += "\(ReportFormatting.count(busiest.critical)) critical)"
        if !alerts.isEmpty { text += "; \(alerts.count) alert\(alerts.count == 1 ? "" : "s") marked" }
        return text + "."
    }

    // MARK: - Layers

    /// Maximal runs of buckets in the same non-healthy state, drawn as one band each.
    private func bands(_ scale: TimeScale) -> String {
        var out = "<g class=\"bands\">\n"
        var index = 0
        while index < timeline.count {
            let health = timeline[index].health
            var runEnd = index
            while runEnd + 1 < timeline.count, timeline[runEnd + 1].health == health { runEnd += 1 }
            if health != .healthy {
                let x0 = scale.x(timeline[index].start)
                let x1 = scale.x(timeline[runEnd].end)
                out += "<rect class=\"band band-\(health.rawValue)\" x=\(q(x0)) y=\(q(top)) width=\(q(max(x1 - x0, 1))) "
                out += "height=\(q(bottom - top)) fill=\"\(Self.bandColour(health))\">"
                out += "<title>\(health.rawValue): \(ReportFormatting.display(timeline[index].start)) – "
                out += "\(ReportFormatting.display(timeline[runEnd].end))</title></rect>\n"
            }
            index = runEnd + 1
        }
        return out + "</g>\n"
    }

    private func grid(_ axis: NiceAxis) -> String {
        var out = "<g class=\"y-axis\">\n"
        for tick in axis.ticks {
            let y = yPosition(Double(tick), axis)
            out += "<line x1=\(q(left)) x2=\(q(right)) y1=\(q(y)) y2=\(q(y)) stroke=\"\(Palette.grid)\" stroke-width=\"1\"/>"
            out += "<text x=\(q(left - 8)) y=\(q(y + 4)) text-anchor=\"end\" fill=\"\(Palette.axis)\">"
            out += "\(ReportFormatting.count(tick))</text>\n"
        }
        out += "<text x=\(q(left - 52)) y=\(q(14)) fill=\"\(Palette.axis)\" font-weight=\"600\">Posts per \(bucketName)</text>\n"
        return out + "</g>\n"
    }

    /// One `<g class="bucket">` per bucket, empty buckets included, so the chart and the timeline line up.
    private func bars(_ scale: TimeScale, _ axis: NiceAxis) -> String {
        var out = "<g class=\"bars\">\n"
        for bucket in timeline {
            let x0 = scale.x(bucket.start)
            let x1 = scale.x(bucket.end)
            let slot = max(x1 - x0, 0)
            let gap = min(2, slot * 0.15)
            let barWidth = max(slot - gap, 0.5)
            let tip = "\(ReportFormatting.display(bucket.start)) – \(ReportFormatting.clock(bucket.end)): "
                + "\(ReportFormatting.count(bucket.posts)) posts, \(ReportFormatting.count(bucket.supportive)) supportive, "
                + "\(ReportFormatting.count(bucket.neutral)) neutral, \(ReportFormatting.count(bucket.critical)) critical, "
                + "\(ReportFormatting.count(bucket.sarcastic)) sarcastic; health \(bucket.health.rawValue)"
            out += "<g class=\"bucket\" data-start=\"\(ReportFormatting.rfc3339(bucket.start))\"><title>\(tip)</title>"
            var base = 0
            for (stance, value, colour) in [
                ("supportive", bucket.supportive, Palette.supportive), ("neutral", bucket.neutral, Palette.neutral),
                ("critical", bucket.critical, Palette.critical),
            ] where value > 0 {
                let yTop = yPosition(Double(base + value), axis)
                let yBase = yPosition(Double(base), axis)
                out += "<rect class=\"\(stance)\" x=\(q(x0 + gap / 2)) y=\(q(yTop)) width=\(q(barWidth)) "
                out += "height=\(q(max(yBase - yTop, 0.5))) fill=\"\(colour)\"/>"
                base += value
            }
            out += "</g>\n"
        }
        return out + "</g>\n"
    }

    private func timeAxis(_ scale: TimeScale) -> String {
        var out = "<g class=\"x-axis\">\n"
        out += "<line x1=\(q(left)) x2=\(q(right)) y1=\(q(bottom)) y2=\(q(bottom)) stroke=\"\(Palette.axis)\" stroke-width=\"1\"/>\n"
        let span = scale.end.timeIntervalSince(scale.start)
        let maxTicks = max(2, Int((right - left) / 90))
        let step = Self.tickSteps.first { span / $0 <= Double(maxTicks) } ?? (span / Double(maxTicks)).rounded(.up)
        var t = (scale.start.timeIntervalSince1970 / step).rounded(.up) * step
        var previousDay: String?
        while t <= scale.end.timeIntervalSince1970 {
            let date = Date(timeIntervalSince1970: t)
            let x = scale.x(date)
            let day = ReportFormatting.monthDay(date)
            out += "<line x1=\(q(x)) x2=\(q(x)) y1=\(q(bottom)) y2=\(q(bottom + 5)) stroke=\"\(Palette.axis)\"/>"
            let label = step >= 86_400 ? day : ReportFormatting.clock(date)
            out += "<text x=\(q(x)) y=\(q(bottom + 18)) text-anchor=\"middle\" fill=\"\(Palette.axis)\">\(label)</text>"
            // The date goes under the first tick and wherever the day changes, so a multi-day span stays readable.
            if step < 86_400, day != previousDay {
                out += "<text x=\(q(x)) y=\(q(bottom + 32)) text-anchor=\"middle\" fill=\"\(Palette.axis)\" font-size=\"11\">\(day)</text>"
            }
            previousDay = day
            out += "\n"
            t += step
        }
        // In the left margin, under the count labels, where no tick label can run into it.
        out += "<text x=\(q(left - 8)) y=\(q(bottom + 18)) text-anchor=\"end\" fill=\"\(Palette.axis)\" font-size=\"11\">UTC</text>\n"
        return out + "</g>\n"
    }

    private func turnMarker(_ scale: TimeScale) -> String {
        guard let turnedAt else { return "" }
        let x = scale.x(turnedAt)
        var out = "<g class=\"turn-marker\"><title>Turning point: \(ReportFormatting.display(turnedAt))</title>"
        out += "<line x1=\(q(x)) x2=\(q(x)) y1=\(q(top)) y2=\(q(bottom)) stroke=\"\(Palette.turn)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>"
        let anchor = x > (left + right) / 2 ? "end" : "start"
        let dx = anchor == "end" ? -5.0 : 5.0
        out += "<text x=\(q(x + dx)) y=\(q(top + 14)) text-anchor=\"\(anchor)\" fill=\"\(Palette.turn)\" font-size=\"11\" font-weight=\"600\" "
        // A white halo keeps the label legible over bands and bars.
        out += "stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\">"
        out += "turning point \(ReportFormatting.clock(turnedAt))</text></g>\n"
        return out
    }

    /// A dashed line and a labelled flag per alert; flags that would overlap move to a second row.
    private func alertMarkers(_ scale: TimeScale) -> String {
        var out = "<g class=\"alerts\">\n"
        var rowEnds = [-Double.infinity, -Double.infinity]
        for alert in alerts {
            let x = scale.x(alert.raisedAt)
            let colour = alert.level == .alert ? Palette.alert : Palette.watchMarker
            let label = UntrustedText.neutralised(alert.id, limit: TextLimit(graphemes: 6, bytes: 24))
            let labelWidth = Double(label.count) * 7 + 12
            let row = rowEnds.firstIndex { $0 + 4 <= x - labelWidth / 2 } ?? (rowEnds[0] <= rowEnds[1] ? 0 : 1)
            rowEnds[row] = x + labelWidth / 2
            let flagY = top - 40 + Double(row) * 17
            let tip = "\(alert.id) · \(alert.level.rawValue) · \(alert.kind.rawValue) · raised \(ReportFormatting.display(alert.raisedAt)): \(alert.summary)"
            out += "<g class=\"alert-marker\"><title>\(HTMLEscaping.untrustedAttribute(tip, limit: .line))</title>"
            out += "<line x1=\(q(x)) x2=\(q(x)) y1=\(q(flagY + 14)) y2=\(q(bottom)) stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
            out += "<rect x=\(q(x - labelWidth / 2)) y=\(q(flagY)) width=\(q(labelWidth)) height=\"15\" rx=\"3\" fill=\"\(colour)\"/>"
            out += "<text x=\(q(x)) y=\(q(flagY + 11)) text-anchor=\"middle\" fill=\"#FFFFFF\" font-size=\"11\" font-weight=\"600\">"
            out += "\(HTMLEscaping.escape(label))</text></g>\n"
        }
        return out + "</g>\n"
    }

    private func legend() -> String {
        let items: [(String, String, Bool)] = [
            ("Supportive", Palette.supportive, false), ("Neutral", Palette.neutral, false),
            ("Critical", Palette.critical, false), ("Watch", Palette.watch, true), ("Hijacked", Palette.hijacked, true),
            ("Recovering", Palette.recovering, true),
        ]
        var out = "<g class=\"legend\" font-size=\"12\">\n"
        var x = left
        let y = Double(height) - 22
        for (name, colour, isBand) in items {
            let stroke = isBand ? " stroke=\"#D4D4D8\"" : ""
            out += "<rect x=\(q(x)) y=\(q(y - 10)) width=\"12\" height=\"12\" rx=\"2\" fill=\"\(colour)\"\(stroke)/>"
            out += "<text x=\(q(x + 17)) y=\(q(y)) fill=\"\(Palette.ink)\">\(name)</text>\n"
            x += Double(name.count) * 7 + 34
        }
        out += "<line x1=\(q(x)) x2=\(q(x + 14)) y1=\(q(y - 4)) y2=\(q(y - 4)) stroke=\"\(Palette.alert)\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>"
        out += "<text x=\(q(x + 19)) y=\(q(y)) fill=\"\(Palette.ink)\">Alert</text>\n"
        x += 64
        if turnedAt != nil {
            out += "<line x1=\(q(x)) x2=\(q(x + 14)) y1=\(q(y - 4)) y2=\(q(y - 4)) stroke=\"\(Palette.turn)\" stroke-width=\"2\" stroke-dasharray=\"2 2\"/>"
            out += "<text x=\(q(x + 19)) y=\(q(y)) fill=\"\(Palette.ink)\">Turning point</text>\n"
        }
        return out + "</g>\n"
    }

    // MARK: - Scales

    static func bandColour(_ health: Health) -> String {
        switch health {
        case .healthy: "none"
        case .watch: Palette.watch
        case .hijacked: Palette.hijacked
        case .recovering: Palette.recovering
        }
    }

    /// Tick spacings a reader expects on a clock: minutes, quarter hours, hours, days, weeks.
    private static let tickSteps: [TimeInterval] = [
        60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 2_592_000,
    ]

    /// What one bucket spans, in words, from the first bucket (buckets are all the same width).
    private var bucketName: String {
        guard let first = timeline.first else { return "bucket" }
        switch first.end.timeIntervalSince(first.start) {
        case 60: return "minute"
        case 3600: return "hour"
        case 86_400: return "day"
        case let seconds where seconds > 0: return ReportFormatting.duration(seconds)
        default: return "bucket"
        }
    }

    private func yPosition(_ value: Double, _ axis: NiceAxis) -> Double {
        bottom - (bottom - top) * value / Double(axis.top)
    }

    /// A quoted SVG coordinate with at most two decimals, written without locale or exponent.
    private func q(_ value: Double) -> String {
        guard value.isFinite else { return "\"0\"" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        let tail = fraction == 0 ? "" : fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        return "\"\(sign)\(magnitude / 100)\(tail)\""
    }

    /// Maps event time onto the plot's horizontal extent, pinning out-of-range times to its edges.
    struct TimeScale {
        var start: Date
        var end: Date
        var left: Double
        var right: Double

        func x(_ date: Date) -> Double {
            let fraction = date.timeIntervalSince(start) / end.timeIntervalSince(start)
            return left + (right - left) * min(max(fraction, 0), 1)
        }
    }

    /// A count axis from zero with round tick values (1, 2 or 5 times a power of ten).
    struct NiceAxis {
        var step: Int
        var top: Int

        init(maximum: Int) {
            let target = Double(max(maximum, 1)) / 4
            var magnitude = 1
            while Double(magnitude) * 10 <= target { magnitude *= 10 }
            let multiple = [1, 2, 5, 10].first { Double($0 * magnitude) >= target } ?? 10
            step = multiple * magnitude
            top = max(step, Int((Double(max(maximum, 1)) / Double(step)).rounded(.up)) * step)
        }

        var ticks: [Int] { Array(stride(from: 0, through: top, by: step)) }
    }
}
