import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Record splitter")
struct RecordSplitterTests {
    /// Frames `bytes` written to a temporary file; each record as (number, text or framing error).
    static func split(
        _ bytes: [UInt8], _ framing: RecordFraming, prefix: [UInt8] = [], maxRecordBytes: Int = RecordSplitter.defaultMaxRecordBytes,
        gzip: Bool = false
    ) throws -> [(Int, String)] {
        let files = try TempFiles()
        let path = try files.write("input", gzip ? try files.gzip(bytes) : bytes)
        let splitter = RecordSplitter(input: try ByteInput(path: path), framing: framing, prefix: prefix, maxRecordBytes: maxRecordBytes)
        var records: [(Int, String)] = []
        while let record = try splitter.next() {
            records.append((record.number, record.framingError.map { "error: \($0)" } ?? String(decoding: record.bytes, as: UTF8.self)))
        }
        return records
    }

    static func split(_ text: String, _ framing: RecordFraming, maxRecordBytes: Int = RecordSplitter.defaultMaxRecordBytes) throws -> [(Int, String)]
    {
        try split(Array(text.utf8), framing, maxRecordBytes: maxRecordBytes)
    }

    static func numbers(_ records: [(Int, String)]) -> [Int] { records.map(\.0) }
    static func texts(_ records: [(Int, String)]) -> [String] { records.map(\.1) }

    // MARK: Lines

    @Test func splitsLinesDroppingCRAndSkippingBlankLinesButKeepingTheirNumbers() throws {
        let records = try Self.split("one\r\n\r\ntwo\n   \n\t\nthree\r\nlast without newline", .lines)
        #expect(Self.numbers(records) == [1, 3, 6, 7])
        #expect(Self.texts(records) == ["one", "two", "three", "last without newline"])
    }

    @Test func readsNothingFromAnEmptyOrBlankInput() throws {
        #expect(try Self.split("", .lines).isEmpty)
        #expect(try Self.split("\n\n  \n", .lines).isEmpty)
        #expect(try Self.split("", .jsonValues).isEmpty)
        #expect(try Self.split("\r\n\r\n", .csvRows).isEmpty)
    }

    @Test func rejectsALineOverOneMegabyteAndReadsTheNext() throws {
        let long = String(repeating: "x", count: (1 << 20) + 10)
        let records = try Self.split("first\n\(long)\nafter\n\(long)", .lines)
        #expect(Self.numbers(records) == [1, 2, 3, 4])
        #expect(Self.texts(records) == ["first", "error: record longer than 1 MB", "after", "error: record longer than 1 MB"])
    }

    @Test func acceptsALineOfExactlyTheLimit() throws {
        let records = try Self.split("abcd\nabcde\nok", .lines, maxRecordBytes: 4)
        #expect(Self.texts(records) == ["abcd", "error: record longer than 4 bytes", "ok"])
    }

    @Test func framesRecordsAcrossReadChunks() throws {
        // 60,000 lines of about 40 bytes: records straddle every 1 MiB read boundary, plain and gzipped.
        let lines = (1...60_000).map { "{\"id\":\"\($0)\",\"text\":\"post number \($0)\"}" }
        let text = Array(lines.joined(separator: "\n").utf8)
        for gzip in [false, true] {
            let records = try Self.split(text, .lines, gzip: gzip)
            #expect(records.count == 60_000)
            #expect(Self.texts(records) == lines)
            #expect(records.last?.0 == 60_000)
            let values = try Self.split(text, .jsonValues, gzip: gzip)
            #expect(Self.texts(values) == lines)
        }
    }

    @Test func recordsKeepTheirBytesAfterLaterReads() throws {
        // Lines are slices of the read buffer; records held while the splitter reads on (as a batch is) must
        // not see the buffer change under them.
        let lines = (1...60_000).map { "line \($0) of a text long enough to fill several read chunks" }
        let files = try TempFiles()
        let path = try files.write("input", Array(lines.joined(separator: "\r\n").utf8))
        let splitter = RecordSplitter(input: try ByteInput(path: path), framing: .lines)
        var records: [RawRecord] = []
        while let record = try splitter.next() { records.append(record) }
        #expect(records.map { String(decoding: $0.bytes, as: UTF8.self) } == lines)
    }

    @Test func framesPeekedPrefixBytesFirst() throws {
        let files = try TempFiles()
        let path = try files.write("rest", "ree\nfour\n")
        let splitter = RecordSplitter(input: try ByteInput(path: path), framing: .lines, prefix: Array("one\nth".utf8))
        var texts: [String] = []
        while let record = try splitter.next() { texts.append(String(decoding: record.bytes, as: UTF8.self)) }
        #expect(texts == ["one", "three", "four"])
    }

    @Test func dropsAByteOrderMarkAtTheStart() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(Self.texts(try Self.split(bom + Array("id,text\n1,a\n".utf8), .csvRows)) == ["id,text", "1,a"])
        #expect(Self.texts(try Self.split(bom + Array("{\"a\":1}\n".utf8), .lines)) == ["{\"a\":1}"])
        #expect(Self.texts(try Self.split(bom + Array("[{\"a\":1}]".utf8), .jsonValues)) == ["{\"a\":1}"])
    }

    // MARK: JSON values

    @Test func splitsAJSONArrayIntoItsElements() throws {
        let records = try Self.split(
            #"[ {"id": 1, "s": "a]\"}["}, {"id": [2, {"x": "}"}]} ,{"id":3} ]"#, .jsonValues)
        #expect(Self.numbers(records) == [1, 2, 3])
        #expect(Self.texts(records) == [#"{"id": 1, "s": "a]\"}["}"#, #"{"id": [2, {"x": "}"}]}"#, #"{"id":3}"#])
    }

    @Test func splitsScalarsInATopLevelArray() throws {
        let records = try Self.split(#"[1, "two", null,true,[3]]"#, .jsonValues)
        #expect(Self.texts(records) == ["1", "\"two\"", "null", "true", "[3]"])
    }

    @Test func splitsPrettyPrintedConcatenatedObjects() throws {
        let text = "{\n  \"id\": \"1\",\n  \"nested\": {\n    \"a\": [1, 2]\n  }\n}\n{\n  \"id\": \"2\"\n}{\"id\":\"3\"}\n\n"
        let records = try Self.split(text, .jsonValues)
        #expect(Self.numbers(records) == [1, 2, 3])
        #expect(Self.texts(records)[0] == "{\n  \"id\": \"1\",\n  \"nested\": {\n    \"a\": [1, 2]\n  }\n}")
        #expect(Self.texts(records)[2] == "{\"id\":\"3\"}")
    }

    @Test func splitsOneArrayALineIntoElementsNumberedAcrossLines() throws {
        let records = try Self.split("[{\"id\":1},{\"id\":2}]\n[{\"id\":3}]\n[]\n{\"id\":4}\n", .jsonValues)
        #expect(Self.texts(records) == ["{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":4}"])
        #expect(Self.numbers(records) == [1, 2, 3, 4])
    }

    @Test func handsOnAValueCutShortForTheParserToReport() throws {
        let records = try Self.split("{\"id\":1}\n{\"id\": [2, ", .jsonValues)
        #expect(Self.texts(records) == ["{\"id\":1}", "{\"id\": [2, "])
    }

    @Test func aValueCutShortEndsWhereTheNextRecordStartsOnANewLine() throws {
        // JSON Lines framed as values (most of the first lines broken): a line cut inside a string, or inside an
        // array, would otherwise swallow every record after it.
        let inString = try Self.split("{\"id\":1}\n{\"id\":2,\"text\":\"cut \n{\"id\":3}\n{\"id\":4}\n", .jsonValues)
        #expect(Self.numbers(inString) == [1, 2, 3, 4])
        #expect(Self.texts(inString) == ["{\"id\":1}", "error: value cut short: a new record starts on the next line", "{\"id\":3}", "{\"id\":4}"])
        let inArray = try Self.split("{\"id\":2,\"tags\":[\"a\"\n{\"id\":3}\n", .jsonValues)
        #expect(Self.texts(inArray) == ["error: value cut short: a new record starts on the next line", "{\"id\":3}"])
        // Cut beyond the size limit: skipped, and the next record is still read.
        let long = "{\"text\":\"" + String(repeating: "y", count: 300) + "\n{\"id\":3}"
        #expect(Self.texts(try Self.split(long, .jsonValues, maxRecordBytes: 64)) == ["error: record longer than 64 bytes", "{\"id\":3}"])
    }

    @Test func anObjectAtTheStartOfALineAfterAnOpenerOrSeparatorIsNested() throws {
        // Pretty-printed without indentation (Python's `indent=0`): nested objects start lines too.
        let text = "{\n\"a\": [\n{\n\"b\": 1\n},\n{\n\"b\": 2\n}\n],\n\"c\":\n{\"d\": 3}\n}\n{\n\"e\": 4\n}\n"
        let records = try Self.split(text, .jsonValues)
        #expect(Self.texts(records).count == 2)
        #expect(Self.texts(records).last == "{\n\"e\": 4\n}")
    }

    @Test func rejectsAnOversizedJSONValueAndReadsTheNext() throws {
        let big = "{\"text\":\"" + String(repeating: "y", count: 300) + "\"}"
        let records = try Self.split("{\"id\":1}\n\(big)\n{\"id\":3}", .jsonValues, maxRecordBytes: 64)
        #expect(Self.numbers(records) == [1, 2, 3])
        #expect(Self.texts(records) == ["{\"id\":1}", "error: record longer than 64 bytes", "{\"id\":3}"])

        let huge = "[{\"id\":1}, {\"text\":\"" + String(repeating: "z", count: 2_500_000) + "\"}, {\"id\":3}]"
        let inArray = try Self.split(huge, .jsonValues)
        #expect(Self.texts(inArray) == ["{\"id\":1}", "error: record longer than 1 MB", "{\"id\":3}"])
    }

    @Test func stepsOverStrayClosingBracketsAndCommasBetweenValues() throws {
        // Each of these once framed an empty record without moving on, so the reader never finished.
        let unexpectedBrace = "error: unexpected '}' outside any value"
        let unexpectedBracket = "error: unexpected ']' outside any value"
        #expect(Self.texts(try Self.split(",", .jsonValues)).isEmpty)
        #expect(Self.texts(try Self.split("}", .jsonValues)) == [unexpectedBrace])
        #expect(Self.texts(try Self.split("]", .jsonValues)) == [unexpectedBracket])

        let records = try Self.split(",\n}\n]\n{\"id\":1},\n{\"id\":2}\n[1}]", .jsonValues)
        #expect(Self.texts(records) == [unexpectedBrace, unexpectedBracket, "{\"id\":1}", "{\"id\":2}", "[1}", unexpectedBracket])
        #expect(Self.numbers(records) == [1, 2, 3, 4, 5, 6])

        // Inside a top-level array a stray brace ends the scalar before it and is rejected on its own.
        #expect(Self.texts(try Self.split("[1}, 2]", .jsonValues)) == ["1", unexpectedBrace, "2"])

        // The tail of a record cut at the front (between two fields): its pieces are handed on for the parser to reject,
        // its closing braces rejected one by one, and the record after it read whole.
        let cut = #""name": "x"}}, "id": "7"}"# + "\n" + #"{"id": "8"}"#
        #expect(
            Self.texts(try Self.split(cut, .jsonValues)) == [
                #""name":"#, #""x""#, unexpectedBrace, unexpectedBrace, #""id":"#, #""7""#, unexpectedBrace, #"{"id": "8"}"#,
            ])
    }

    @Test func survivesManyEmptyArrays() throws {
        let records = try Self.split(String(repeating: "[]", count: 100_000) + "{\"id\":1}", .jsonValues)
        #expect(Self.texts(records) == ["{\"id\":1}"])
    }

    // MARK: CSV rows

    @Test func keepsLineBreaksInsideQuotedCSVFields() throws {
        let csv = "id,text\r\n1,\"two\r\nlines, \"\"quoted\"\"\"\r\n\r\n2,plain\n3,\"a\n\nb\"\n"
        let records = try Self.split(csv, .csvRows)
        #expect(Self.numbers(records) == [1, 2, 3, 4])
        #expect(Self.texts(records) == ["id,text", "1,\"two\r\nlines, \"\"quoted\"\"\"", "2,plain", "3,\"a\n\nb\""])
    }

    @Test func reportsAQuoteLeftOpenAtTheEnd() throws {
        let records = try Self.split("id,text\n1,\"never closed\nstill open", .csvRows)
        #expect(Self.texts(records) == ["id,text", "error: unterminated quoted field at end of input"])
        #expect(Self.numbers(records) == [1, 2])
    }

    @Test func skipsManyBlankCSVRows() throws {
        let records = try Self.split("id,text\n" + String(repeating: "\n", count: 200_000) + "1,a\n", .csvRows)
        #expect(Self.texts(records) == ["id,text", "1,a"])
    }

    @Test func rejectsARunawayQuotedFieldAndResynchronises() throws {
        let runaway = "1,\"" + String(repeating: "q", count: 200) + "\n2,b\n"
        let records = try Self.split("id,text\n" + runaway, .csvRows, maxRecordBytes: 64)
        #expect(Self.texts(records).first == "id,text")
        #expect(Self.texts(records).dropFirst().first == "error: record longer than 64 bytes")
    }
}
