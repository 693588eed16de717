import Foundation

/// Reads X v1.1's `created_at` (`Tue Apr 22 17:55:00 +0000 2014`) straight from a record's bytes.
///
/// Every v1.1 status has two of these (the status's and its user's), and going through `String`
/// splitting took more time than the rest of the status together. X always writes the fixed 30-byte
/// form; anything else goes to `Timestamp.parseTwitterV1`, so the accepted forms are the same.
enum XV1Date {
    /// The date, or nil when the value is not a readable v1.1 timestamp.
    static func parse(_ value: JSONValue?) -> Date? {
        guard let value else { return nil }
        if let date = value.withStringBytes(parseFixed) ?? nil { return date }
        return value.string.flatMap(Timestamp.parseTwitterV1)
    }

    /// `Www Mmm dd hh:mm:ss ±hhmm yyyy`, exactly; nil for any other shape.
    static func parseFixed(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        guard s.count == 30, s[3] == 0x20, s[7] == 0x20, s[10] == 0x20, s[13] == 0x3A, s[16] == 0x3A, s[19] == 0x20,
            s[25] == 0x20
        else { return nil }
        @inline(__always) func number(_ at: Int, _ count: Int) -> Int? {
            var v = 0
            for k in at..<(at + count) {
                let d = Int(s[k]) &- 0x30
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let month = month(s[4], s[5], s[6]), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), let zoneHours = number(21, 2),
            let zoneMinutes = number(23, 2), let year = number(26, 4)
        else { return nil }
        let sign: Int
        switch s[20] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        guard (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        return Timestamp.civil(year, month, day, hour, minute, second, sign * (zoneHours * 3600 + zoneMinutes * 60))
    }

    /// The month number for an English three-letter abbreviation, as X writes it (`Jan` ... `Dec`).
    private static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        switch (a, b, c) {
        case (0x4A, 0x61, 0x6E): 1  // Jan
        case (0x46, 0x65, 0x62): 2  // Feb
        case (0x4D, 0x61, 0x72): 3  // Mar
        case (0x41, 0x70, 0x72): 4  // Apr
        case (0x4D, 0x61, 0x79): 5  // May
        case (0x4A, 0x75, 0x6E): 6  // Jun
        case (0x4A, 0x75, 0x6C): 7  // Jul
        case (0x41, 0x75, 0x67): 8  // Aug
        case (0x53, 0x65, 0x70): 9  // Sep
        case (0x4F, 0x63, 0x74): 10  // Oct
        case (0x4E, 0x6F, 0x76): 11  // Nov
        case (0x44, 0x65, 0x63): 12  // Dec
        default: nil
        }
    }
}
