import Firebreak
import FirebreakStore
import Foundation

/// The overview's first render of the timeline: stacked stance bars per minute (or per group of minutes), a health
/// band above them and a marker per alert. `desk.js` redraws the same drawing from the timeline JSON, with the same
/// geometry and colours, so the two must change together.
enum MinuteTimelineSVG {
    static let width = 960.0
    static let height = 240.0
    static let left = 44.0
    static let right = 948.0
    static let bandY = 6.0
    static let bandHeight = 8.0
    static let top = 22.0
    static let bottom = 206.0
    /// More bars than this become unreadable at the drawing's width; minutes are grouped instead.
    static let maxBars = 180
    /// Group sizes in minutes, so bucket boundaries fall on round times.
    static let groupSizes = [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440]

    enum Colour {
        static let supportive = "#2e7d32"
        static let neutral = "#9e9e9e"
        static let critical = "#c62828"
        static let grid = "#e0e0e0"
        static let axis = "#555555"
        static let alert = "#6a1b9a"
        static let watch = "#e65100"

        static func health(_ health: Health) -> String {
            switch health {
            case .healthy: "#2e7d32"
            case .watch: "#f9a825"
            case .hijacked: "#c62828"
            case .recovering: "#1565c0"
            }
        }
    }

    /// One drawn bucket.
    struct Bucket {
        var minute: Int
        var supportive = 0
        var neutral = 0
        var critical = 0
        var posts = 0
        var health = Health.healthy
        var total: Int { supportive + neutral + critical }
    }

    /// The smallest round group size that keeps the bar count readable.
    static func groupSize(span: Int) -> Int {
        for size in groupSizes where (span + size - 1) / size <= maxBars { return size }
        return max(groupSizes.last!, (span + maxBars - 1) / maxBars)
    }

    /// Minutes grouped into consecutive buckets, gaps included so time runs evenly along the axis.
    static func buckets(_ minutes: [MinuteRow]) -> (buckets: [Bucket], size: Int) {
        guard let first = minutes.map(\.minute).min(), let last = minutes.map(\.minute).max() else { return ([], 1) }
        let size = groupSize(span: last - first + 1)
        let start = floorDiv(first, size) * size
        let count = (floorDiv(last, size) * size - start) / size + 1
        var buckets = (0..<count).map { Bucket(minute: start + $0 * size) }
        for row in minutes {
            let index = (floorDiv(row.minute, size) * size - start) / size
            guard buckets.indices.contains(index) else { continue }
            buckets[index].supportive += max(0, row.supportive)
            buckets[index].neutral += max(0, row.neutral)
            buckets[index].critical += max(0, row.critical)
            buckets[index].posts += max(0, row.posts)
            let health = PageHTML.health(row.health)
            if health > buckets[index].health { buckets[index].health = health }
        }
        return (buckets, size)
    }

    /// 1, 2 or 5 times a power of ten, at least `value` (and at least 1).
    static func niceMaximum(_ value: Int) -> Int {
        guard value > 1 else { return 1 }
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for step in [1, 2, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    /// The SVG element.
    static func render(minutes: [MinuteRow], alerts: [Alert]) -> String {
        let (buckets, size) = buckets(minutes)
        var svg = "<svg id=\"timeline-svg\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
        svg += "width=\"100%\" role=\"img\" aria-labelledby=\"timeline-title\" font-size=\"11\" font-family=\"system-ui, sans-serif\">"
        guard let firstBucket = buckets.first else {
            svg += "<title id=\"timeline-title\">Timeline: no closed minutes yet</title>"
            svg += "<text x=\"\(n(width / 2))\" y=\"\(n(height / 2))\" text-anchor=\"middle\" fill=\"\(Colour.axis)\">No closed minutes yet.</text></svg>"
            return svg
        }
        let peak = niceMaximum(buckets.map(\.total).max() ?? 0)
        let startMinute = Double(firstBucket.minute)
        let spanMinutes = Double(buckets.count * size)
        let slot = (right - left) / Double(buckets.count)
        let barWidth = max(slot * 0.85, 0.5)
        let plot = bottom - top
        let totalPosts = buckets.reduce(0) { $0 + $1.posts }
        svg += "<title id=\"timeline-title\">Posts per \(size == 1 ? "minute" : "\(size) minutes") by stance, "
        svg += "\(PageHTML.count(totalPosts)) posts; health band above, alerts marked</title>"

        // Grid and y labels.
        svg += "<g class=\"grid\">"
        for tick in [0, peak / 2, peak] where tick >= 0 {
            let y = bottom - Double(tick) / Double(peak) * plot
            svg += "<line x1=\"\(n(left))\" x2=\"\(n(right))\" y1=\"\(n(y))\" y2=\"\(n(y))\" stroke=\"\(Colour.grid)\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\" fill=\"\(Colour.axis)\">\(tick)</text>"
        }
        svg += "</g>"

        // Health band and bars, one group per bucket so a tooltip covers both.
        svg += "<g class=\"bars\">"
        for (index, bucket) in buckets.enumerated() {
            let x = left + Double(index) * slot
            let time = Date(timeIntervalSince1970: TimeInterval(bucket.minute * 60))
            svg += "<g class=\"bucket\"><title>\(PageHTML.display(time)): \(bucket.posts) posts, \(bucket.supportive) supportive, "
            svg += "\(bucket.neutral) neutral, \(bucket.critical) critical; \(bucket.health.rawValue)</title>"
            svg += "<rect class=\"hb hb-\(bucket.health.rawValue)\" x=\"\(n(x))\" y=\"\(n(bandY))\" width=\"\(n(slot))\" "
            svg += "height=\"\(n(bandHeight))\" fill=\"\(Colour.health(bucket.health))\"/>"
            var base = bottom
            for (stance, value, colour) in [
                ("supportive", bucket.supportive, Colour.supportive), ("neutral", bucket.neutral, Colour.neutral),
                ("critical", bucket.critical, Colour.critical),
            ] where value > 0 {
                let h = Double(value) / Double(peak) * plot
                base -= h
                svg += "<rect class=\"bar bar-\(stance)\" x=\"\(n(x))\" y=\"\(n(base))\" width=\"\(n(barWidth))\" height=\"\(n(h))\" fill=\"\(colour)\"/>"
            }
            svg += "</g>"
        }
        svg += "</g>"

        // Alert markers at the event time the alert was raised.
        svg += "<g class=\"alerts\">"
        for alert in alerts {
            let minute = alert.raisedAt.timeIntervalSince1970 / 60
            let fraction = (minute - startMinute) / spanMinutes
            guard fraction.isFinite, fraction >= -0.001, fraction <= 1.001 else { continue }
            let x = left + min(max(fraction, 0), 1) * (right - left)
            let colour = alert.level == .alert ? Colour.alert : Colour.watch
            svg += "<g class=\"alert-marker level-\(alert.level.rawValue)\"><title>\(PageHTML.esc(alert.id)) \(alert.kind.rawValue) "
            svg += "\(alert.level.rawValue) at \(PageHTML.display(alert.raisedAt))</title>"
            svg += "<line x1=\"\(n(x))\" x2=\"\(n(x))\" y1=\"\(n(top))\" y2=\"\(n(bottom))\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(n(x + 3))\" y=\"\(n(top + 10))\" fill=\"\(colour)\" font-size=\"10\">\(PageHTML.esc(String(alert.id.prefix(12))))</text></g>"
        }
        svg += "</g>"

        // Time labels: start, middle and end, UTC.
        svg += "<g class=\"x-axis\">"
        let endMinute = firstBucket.minute + buckets.count * size
        let showDate = spanMinutes > 1440
        for (minute, anchor) in [(firstBucket.minute, "start"), ((firstBucket.minute + endMinute) / 2, "middle"), (endMinute, "end")] {
            let x = left + (Double(minute) - startMinute) / spanMinutes * (right - left)
            let date = Date(timeIntervalSince1970: TimeInterval(minute * 60))
            let label = showDate ? String(PageHTML.display(date).prefix(16)) : PageHTML.clock(date)
            svg += "<text x=\"\(n(x))\" y=\"\(n(bottom + 18))\" text-anchor=\"\(anchor)\" fill=\"\(Colour.axis)\">\(label)</text>"
        }
        svg += "<text x=\"\(n(right))\" y=\"\(n(height - 2))\" text-anchor=\"end\" fill=\"\(Colour.axis)\">UTC · "
        svg += "\(size == 1 ? "1 minute" : "\(size) minutes") per bar</text></g>"
        svg += "</svg>"
        return svg
    }

    /// A coordinate with at most one decimal, so the markup stays small.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
