import Foundation

/// Parses the timestamp forms the platforms publish, without Foundation's slow formatters.
public enum Timestamp {
    /// The earliest post time accepted: before any of the platforms read here existed.
    public static let earliestPost = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01T00:00:00Z
    /// How far ahead of the clock a post time may be (clocks disagree; a post is not written in the future).
    public static let clockSlack: TimeInterval = 86_400
    /// The latest post time accepted without reading the clock again; later times are checked against the clock.
    private static let latestAtStart = Date().addingTimeInterval(clockSlack)

    /// `date` when it can be a post's time; otherwise an error naming `field`: a post dated in the year 1 or 9999
    /// would stretch a campaign's timeline over millennia and hide the hours that matter.
    public static func plausible(_ date: Date, field: String) throws(DecodeError) -> Date {
        guard date >= earliestPost else {
            throw .invalid(field, "\(format(date)) is before 2000, earlier than any platform Firebreak reads")
        }
        // A long-running server outlives the clock read at start; the clock is read again only for late times.
        guard date <= latestAtStart || date <= Date().addingTimeInterval(clockSlack) else {
            throw .invalid(field, "\(format(date)) is in the future")
        }
        return date
    }

    /// RFC 3339 / ISO 8601: `2014-04-22T17:55:00Z`, `2014-04-22T17:55:00.000Z`, `...+02:00`,
    /// and the space-separated form some CSV exports use (`2014-04-22 17:55:00+00:00`).
    public static func parseISO8601(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parseISO8601($0) }
    }

    /// RFC 3339 from UTF-8 bytes.
    public static func parseISO8601(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= s.count else { return nil }
            var v = 0
            for k in 0..<count {
                let d = Int(s[i + k]) - 0x30
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
            let day = digits(2)
        else { return nil }
        guard i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") || s[i] == UInt8(ascii: " ") else {
            // A bare date means midnight UTC.
            return i == s.count ? civil(year, month, day, 0, 0, 0, 0) : nil
        }
        i += 1
        guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if expect(UInt8(ascii: ":")) {
            guard let sec = digits(2) else { return nil }
            second = sec
            if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1
                let start = i
                while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
                    fraction += Double(s[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        var offset = 0
        if i == s.count {
            offset = 0  // no zone: taken as UTC, as X and Bluesky exports write it
        } else if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            i += 1
        } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(2) else { return nil }
            _ = expect(UInt8(ascii: ":"))
            let om = digits(2) ?? 0
            guard om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        }
        guard i == s.count else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        return civil(year, month, day, hour, minute, second, offset).map { $0.addingTimeInterval(fraction) }
    }

    /// X API v1.1's `created_at`: `Wed Oct 10 20:19:24 +0000 2018`.
    public static func parseTwitterV1(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6 else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let monthIndex = months.firstIndex(of: String(parts[1])), let day = Int(parts[2]), let year = Int(parts[5])
        else { return nil }
        let clock = parts[3].split(separator: ":")
        guard clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]), let sec = Int(clock[2]) else { return nil }
        let zone = parts[4]
        guard zone.count == 5, let zh = Int(zone.dropFirst().prefix(2)), let zm = Int(zone.suffix(2)) else { return nil }
        let sign = zone.first == "-" ? -1 : 1
        guard (1...31).contains(day), h < 24, m < 60, sec <= 60 else { return nil }
        return civil(year, monthIndex + 1, day, h, m, sec, sign * (zh * 3600 + zm * 60))
    }

    /// Any of the forms above, or Unix seconds / milliseconds / microseconds given as digits.
    public static func parseAny(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = parseISO8601(trimmed) ?? parseTwitterV1(trimmed) { return date }
        if let number = Double(trimmed), number > 0 {
            let seconds = number > 1e14 ? number / 1_000_000 : number > 1e11 ? number / 1000 : number
            // No later than the ISO forms can write (9999-12-31T23:59:59Z): a minute number of anything past that
            // would not fit an integer.
            return seconds <= latestSeconds ? Date(timeIntervalSince1970: seconds) : nil
        }
        return nil
    }

    /// 9999-12-31T23:59:59Z in Unix seconds.
    static let latestSeconds: Double = 253_402_300_799

    /// Days-from-civil (Howard Hinnant's algorithm), so no calendar object is needed. Years outside 0–9999 are nil:
    /// a year of nineteen digits (a broken or hostile v1.1 `created_at`) overflowed the day count and crashed the run.
    /// So are days the month does not have and offsets of a day or more: the arithmetic would roll 2014-02-30 into
    /// 2 March, and every parser calls this.
    static func civil(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int, _ s: Int, _ offset: Int) -> Date? {
        guard (0...9999).contains(y), (1...12).contains(m), abs(offset) < 86_400 else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let monthDays =
            switch m {
            case 2: leap ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        guard (1...monthDays).contains(d) else { return nil }
        let y2 = m <= 2 ? y - 1 : y
        let era = (y2 >= 0 ? y2 : y2 - 399) / 400
        let yoe = y2 - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let seconds = days * 86400 + h * 3600 + min * 60 + s - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Formats a date as RFC 3339 UTC with a `Z` (`2014-04-22T17:55:00Z`), with milliseconds when the
    /// instant has them; the report renderers' formatter, so every output spells times alike.
    public static func format(_ date: Date) -> String { ReportFormatting.rfc3339(date) }
}
