import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Report date and number formatting")
struct RenderFormattingTests {
    static let instants: [(Double, String)] = [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_398_189_300, "2014-04-22T17:55:00Z"),
        (1_398_189_300.25, "2014-04-22T17:55:00.250Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (-86_400 * 36_524, "1870-01-01T00:00:00Z"),
        (4_102_444_799.999, "2099-12-31T23:59:59.999Z"),
        (1e15, "9999-12-31T23:59:59.999Z"),
    ]

    @Test("RFC 3339 in UTC with Z, milliseconds only when present", arguments: instants)
    func rfc3339(seconds: Double, expected: String) {
        #expect(ReportFormatting.rfc3339(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("display forms and counts")
    func display() {
        #expect(ReportFormatting.display(SampleReport.launch) == "2014-04-22 17:55 UTC")
        #expect(ReportFormatting.display(SampleReport.at(19, 3, 41)) == "2014-04-22 19:03:41 UTC")
        #expect(ReportFormatting.count(70_412) == "70,412")
        #expect(ReportFormatting.count(1_000_000) == "1,000,000")
        #expect(ReportFormatting.count(-999) == "-999")
        #expect(ReportFormatting.count(0) == "0")
        #expect(ReportFormatting.decimal(0.7134) == "0.713")
        #expect(ReportFormatting.decimal(2890) == "2,890")
        #expect(ReportFormatting.decimal(-0.5) == "-0.5")
        #expect(ReportFormatting.decimal(.nan) == "n/a")
        #expect(ReportFormatting.percent(1, of: 3) == "33.3%")
        #expect(ReportFormatting.percent(1, of: 0) == "–")
        #expect(ReportFormatting.duration(3 * 3600 + 5 * 60) == "3 h 05 min")
        #expect(ReportFormatting.duration(42.5) == "43 s")
        #expect(ReportFormatting.duration(3 * 86_400 + 7200) == "3 d 2 h")
    }
}
