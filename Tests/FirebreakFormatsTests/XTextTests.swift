import Foundation
import Testing

@testable import FirebreakFormats

@Suite("X text conventions")
struct XTextTests {
    func text(_ json: String) throws -> String? {
        XText.text(try JSONDocument(parsing: Array(json.utf8)).root)
    }

    @Test(arguments: [
        ("a &amp; b", "a & b"), ("&lt;3 &gt;:(", "<3 >:("), ("&amp;amp;", "&amp;"), ("AT&T", "AT&T"),
        ("&lt", "&lt"), ("trailing &", "trailing &"), ("&quot;kept&quot;", "&quot;kept&quot;"),
        ("&&amp;&", "&&&"), ("é&amp;😀", "é&😀"), ("", ""), ("&", "&"),
    ])
    func entitiesAreUndoneOnce(_ raw: String, _ expected: String) {
        #expect(XText.unescapeEntities(Array(raw.utf8)) == expected)
    }

    @Test func textFromPlainAndEscapedJSONStrings() throws {
        #expect(try text(#""Tweet us &amp; tag it""#) == "Tweet us & tag it")
        // Python's json writes ASCII only: every accent and emoji arrives as an escape.
        #expect(try text(#""caf\u00e9 &amp; \ud83d\ude00 \"q\"""#) == "café & 😀 \"q\"")
        #expect(try text(#""no entities \u00e9""#) == "no entities é")
        #expect(try text("12") == nil)
    }

    @Test func languageAndMediaKind() throws {
        #expect(XText.language(try JSONDocument(parsing: Array(#""und""#.utf8)).root) == nil)
        #expect(XText.language(try JSONDocument(parsing: Array(#""en""#.utf8)).root) == "en")
        #expect(XText.mediaKind(try JSONDocument(parsing: Array(#""animated_gif""#.utf8)).root) == .gif)
        #expect(XText.mediaKind(try JSONDocument(parsing: Array(#""photo""#.utf8)).root) == .photo)
        #expect(XText.mediaKind(try JSONDocument(parsing: Array(#""video""#.utf8)).root) == .video)
        #expect(XText.mediaKind(try JSONDocument(parsing: Array(#""poll""#.utf8)).root) == nil)
    }

    @Test(arguments: [
        "Tue Apr 22 17:55:00 +0000 2014", "Wed Oct 10 20:19:24 +0000 2018", "Sun Jan 25 19:35:11 -0500 2009",
        "Mon Feb 29 23:59:60 +0530 2016", "Fri Dec 31 00:00:00 +1400 1999", "Thu Jan 01 00:00:00 +0000 1970",
        "Sat May 06 12:00:00 -0930 2023", "Tue Jun 07 01:02:03 +0000 2011", "Tue Jul 07 01:02:03 +0000 2011",
        "Tue Aug 07 01:02:03 +0000 2011", "Tue Sep 07 01:02:03 +0000 2011", "Tue Nov 07 01:02:03 +0000 2011",
        "Tue Mar 07 01:02:03 +0000 2011",
    ])
    func v1DatesMatchTheGeneralParser(_ text: String) throws {
        let fast = try #require(XV1Date.parse(try JSONDocument(parsing: Array("\"\(text)\"".utf8)).root))
        #expect(fast == Timestamp.parseTwitterV1(text))
        let fixed = Array(text.utf8).withUnsafeBufferPointer { XV1Date.parseFixed($0) }
        #expect(fixed == fast, "the fixed-width path must take this form")
    }

    @Test func v1DatesOutsideTheFixedFormFallBackOrFail() throws {
        func parse(_ json: String) throws -> Date? { XV1Date.parse(try JSONDocument(parsing: Array(json.utf8)).root) }
        // One-digit day: not X's form, but the general parser reads it, so it is still read.
        #expect(try parse(#""Tue Apr 2 17:55:00 +0000 2014""#) == Timestamp.parseTwitterV1("Tue Apr 2 17:55:00 +0000 2014"))
        #expect(try parse(#""Tue Apr 2 17:55:00 +0000 2014""#) != nil)
        #expect(try parse(#""Tue Apx 22 17:55:00 +0000 2014""#) == nil)
        #expect(try parse(#""Tue Apr 32 17:55:00 +0000 2014""#) == nil)
        #expect(try parse(#""Tue Apr 22 24:55:00 +0000 2014""#) == nil)
        // The fixed-width path refuses a zone without a sign; whatever the general parser makes of it stands.
        let unsigned = "Tue Apr 22 17:55:00 *0000 2014"
        #expect(Array(unsigned.utf8).withUnsafeBufferPointer { XV1Date.parseFixed($0) } == nil)
        #expect(try parse("\"\(unsigned)\"") == Timestamp.parseTwitterV1(unsigned))
        #expect(try parse(#""2014-04-22T17:55:00Z""#) == nil)
        #expect(try parse("1398189300") == nil)
        #expect(try parse(#""Tue Apr 22 17:55:00 \u002B0000 2014""#) == XFixture.april22(17, 55))
    }
}
