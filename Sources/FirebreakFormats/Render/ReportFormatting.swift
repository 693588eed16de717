import Firebreak
import Foundation

/// Locale-free formatting of dates, counts and durations shared by the report renderers.
///
/// Everything here is computed by hand rather than with `DateFormatter` or `NumberFormatter` so that a report
/// is byte-for-byte the same on every machine, whatever its locale or time zone.
enum ReportFormatting {
    /// The calendar fields of an instant in UTC.
    struct UTCFields: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int
        var millisecond: Int
    }

    /// RFC 3339 allows four-digit years only, so instants outside 0000–9999 are pinned to the nearest end.
    private static let earliest: Int64 = -62_167_219_200_000  // 0000-01-01T00:00:00Z in milliseconds
    private static let latest: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999Z in milliseconds

    /// Splits an instant into UTC calendar fields, rounded to the millisecond.
    static func fields(_ date: Date) -> UTCFields {
        let seconds = date.timeIntervalSince1970
        let millis: Int64
        if seconds.isNaN {
            millis = 0
        } else {
            let scaled = (seconds * 1000).rounded()
            millis = scaled <= Double(earliest) ? earliest : scaled >= Double(latest) ? latest : Int64(scaled)
        }
        let (days, msOfDay) = floorDivide(millis, 86_400_000)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let ms = Int(msOfDay)
        return UTCFields(
            year: year, month: month, day: day, hour: ms / 3_600_000, minute: ms / 60_000 % 60, second: ms / 1000 % 60,
            millisecond: ms % 1000)
    }

    /// `2014-04-22T17:55:00Z`, with `.123` milliseconds only when the instant has them.
    static func rfc3339(_ date: Date) -> String {
        let f = fields(date)
        var text = "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2))T\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
        if f.millisecond != 0 { text += ".\(pad(f.millisecond, 3))" }
        return text + "Z"
    }

    /// Said where a timeline would be when there is none.
    static let noTimeline = "No timeline: no posts, or none with a time."

    /// Shown for the time of a post that had none (plain text, CSV without a date column): `Post.undated`.
    static let noTime = "no time"

    /// `2014-04-22 17:55 UTC`, with seconds only when they are not zero; `noTime` for `Post.undated`.
    static func display(_ date: Date) -> String {
        guard date != Post.undated else { return noTime }
        let f = fields(date)
        return "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2)) \(clock(f)) UTC"
    }

    /// `17:55` or `17:55:12`.
    static func clock(_ date: Date) -> String { clock(fields(date)) }

    private static func clock(_ f: UTCFields) -> String {
        let base = "\(pad(f.hour, 2)):\(pad(f.minute, 2))"
        return f.second == 0 && f.millisecond == 0 ? base : base + ":\(pad(f.second, 2))"
    }

    /// `Apr 22`.
    static func monthDay(_ date: Date) -> String {
        let f = fields(date)
        return "\(monthNames[f.month - 1]) \(f.day)"
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `70,412`: digits grouped by three with commas, whatever the locale.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `42.5%` of a whole; `–` when the whole is zero so an empty campaign shows no made-up share.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        return decimal(Double(part) * 100 / Double(whole), places: 1) + "%"
    }

    /// A figure for people: integers grouped, fractions with up to `places` decimals, trailing zeros dropped.
    static func decimal(_ value: Double, places: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        if value.rounded() == value, value.magnitude < 1e15 { return count(Int(value)) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 1e15 else { return String(value) }
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled) - whole * Int(scale))
        fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return sign + count(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `2 h 05 min`, `12 min`, `45 s`, `3 d 4 h`: a span at the precision a reader needs.
    static func duration(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "–" }
        let total = Int(seconds.magnitude.rounded())
        let sign = seconds < 0 ? "−" : ""
        if total < 60 { return "\(sign)\(total) s" }
        let minutes = total / 60
        if minutes < 60 { return "\(sign)\(minutes) min" }
        let hours = minutes / 60
        if hours < 48 { return "\(sign)\(hours) h \(pad(minutes % 60, 2)) min" }
        return "\(sign)\(hours / 24) d \(hours % 24) h"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b
        let r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    /// Howard Hinnant's days-to-civil algorithm: exact for the proleptic Gregorian calendar.
    private static func civilDate(daysSinceEpoch: Int64) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
