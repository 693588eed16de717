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
}
