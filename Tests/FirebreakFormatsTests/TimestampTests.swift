import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Timestamps")
struct TimestampTests {
    @Test func readsUnixSecondsMillisecondsAndMicroseconds() {
        let instant = Date(timeIntervalSince1970: 1_398_189_300)
        #expect(Timestamp.parseAny("1398189300") == instant)
        #expect(Timestamp.parseAny("1398189300000") == instant)
        #expect(Timestamp.parseAny("1398189300000000") == instant)
        #expect(Timestamp.parseAny(" 1398189300.5 ") == instant.addingTimeInterval(0.5))
    }

    @Test func refusesNumbersPastTheLastISOYearAndNonPositiveOnes() {
        // Seconds past 9999-12-31 would make minute numbers that do not fit an integer; such a date is a broken field.
        #expect(Timestamp.parseAny("253402300799") == Date(timeIntervalSince1970: 253_402_300_799 / 1000))
        #expect(Timestamp.parseAny("99999999999") == Date(timeIntervalSince1970: 99_999_999_999))
        #expect(Timestamp.parseAny("99999999999999999999") == nil)
        #expect(Timestamp.parseAny("1e308") == nil)
        #expect(Timestamp.parseAny("inf") == nil)
        #expect(Timestamp.parseAny("nan") == nil)
        #expect(Timestamp.parseAny("0") == nil)
        #expect(Timestamp.parseAny("-5") == nil)
    }

    @Test func aPostTimeMustFallBetween2000AndADayFromNow() throws {
        let launch = Date(timeIntervalSince1970: 1_398_189_300)
        #expect(try Timestamp.plausible(launch, field: "created_at") == launch)
        #expect(try Timestamp.plausible(Timestamp.earliestPost, field: "created_at") == Timestamp.earliestPost)
        let soon = Date().addingTimeInterval(3_600)  // clocks disagree by minutes, not days
        #expect(try Timestamp.plausible(soon, field: "created_at") == soon)
        #expect(throws: DecodeError.invalid("created_at", "1999-12-31T23:59:59Z is before 2000, earlier than any platform Firebreak reads")) {
            try Timestamp.plausible(Timestamp.earliestPost.addingTimeInterval(-1), field: "created_at")
        }
        let far = try #require(Timestamp.parseISO8601("9999-12-31T23:59:59Z"))
        #expect(throws: DecodeError.invalid("Date", "9999-12-31T23:59:59Z is in the future")) { try Timestamp.plausible(far, field: "Date") }
        #expect(throws: DecodeError.self) { try Timestamp.plausible(Date().addingTimeInterval(2 * 86_400), field: "created_at") }
    }

    @Test func isoFormsStillReadTheirWholeRange() {
        #expect(Timestamp.parseAny("9999-12-31T23:59:59Z") == Date(timeIntervalSince1970: 253_402_300_799))
        #expect(Timestamp.parseAny("2014-04-22 17:55:00+00:00") == Date(timeIntervalSince1970: 1_398_189_300))
    }

    /// The day arithmetic rolled a day the month lacks into the next month (2014-02-30 read as 2 March) and took any
    /// offset; the bare-date form took any month and day at all.
    @Test func refusesDaysTheMonthLacksAndOffsetsOfADay() {
        for text in [
            "2014-02-30T00:00:00Z", "2014-02-29T12:00:00Z", "2014-04-31T00:00:00Z", "2014-13-01T00:00:00Z", "2014-02-30",
            "2014-00-10", "2014-04-22T17:55:00+99:99", "2014-04-22T17:55:00+05:60", "2014-04-22T17:55:00-24:00",
        ] {
            #expect(Timestamp.parseISO8601(text) == nil, "\(text)")
        }
        #expect(Timestamp.parseTwitterV1("Sun Feb 30 17:55:00 +0000 2014") == nil)
        // What the calendar has still reads: a leap day, month ends, the widest real offsets.
        #expect(Timestamp.parseISO8601("2016-02-29T12:00:00Z") == Date(timeIntervalSince1970: 1_456_747_200))
        #expect(Timestamp.parseISO8601("2000-02-29") == Date(timeIntervalSince1970: 951_782_400))
        #expect(Timestamp.parseISO8601("2014-04-30T23:59:59Z") != nil && Timestamp.parseISO8601("2014-12-31T00:00:00Z") != nil)
        #expect(Timestamp.parseISO8601("2014-04-22T17:55:00+14:00") == Date(timeIntervalSince1970: 1_398_189_300 - 14 * 3600))
        #expect(Timestamp.parseISO8601("2014-04-22T17:55:00-12:00") == Date(timeIntervalSince1970: 1_398_189_300 + 12 * 3600))
    }

    @Test func refusesYearsPastFourDigitsInEveryForm() {
        // A v1.1 date with a nineteen-digit year overflowed the day count and crashed the whole run.
        for year in ["9223372036854775807", "-9223372036854775808", "99999999999999", "10000", "-1"] {
            #expect(Timestamp.parseTwitterV1("Wed Apr 22 17:55:00 +0000 \(year)") == nil, "\(year)")
            #expect(Timestamp.parseAny("Wed Apr 22 17:55:00 +0000 \(year)") == nil, "\(year)")
        }
        #expect(Timestamp.parseTwitterV1("Fri Dec 31 23:59:59 +0000 9999") == Date(timeIntervalSince1970: 253_402_300_799))
        #expect(Timestamp.parseTwitterV1("Tue Apr 22 17:55:00 +0000 2014") == Date(timeIntervalSince1970: 1_398_189_300))
    }
}
