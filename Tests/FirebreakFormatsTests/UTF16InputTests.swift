import Firebreak
import Testing

@testable import FirebreakFormats

@Suite("UTF-16 input")
struct UTF16InputTests {
    static let text = "Me and Officer Ruiz 👮🏽‍♀️ at the fair! Ça va, 東京 #myNYPD\n"

    static func utf16(_ text: String, littleEndian: Bool, mark: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = mark ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            let (low, high) = (UInt8(unit & 0xFF), UInt8(unit >> 8))
            bytes += littleEndian ? [low, high] : [high, low]
        }
        return bytes
    }

    @Test("UTF-16 turns into the same UTF-8 whichever byte a chunk ends on", arguments: [true, false])
    func everySplit(littleEndian: Bool) {
        let bytes = Self.utf16(Self.text, littleEndian: littleEndian, mark: false)
        for split in 0...bytes.count {
            var transcoder = UTF16Transcoder(littleEndian: littleEndian)
            var output: [UInt8] = []
            transcoder.transcode(bytes[..<split], into: &output)
            transcoder.transcode(bytes[split...], into: &output)
            let waiting = transcoder.finish(into: &output)
            #expect(!waiting)
            #expect(output == Array(Self.text.utf8), "split at byte \(split)")
        }
    }

    @Test("unpaired surrogates and a last odd byte become U+FFFD; nothing else is lost")
    func brokenUnits() {
        var transcoder = UTF16Transcoder(littleEndian: true)
        var output: [UInt8] = []
        // "a", a lone low surrogate, a high surrogate followed by "b", then one stray byte.
        transcoder.transcode([0x61, 0x00, 0x00, 0xDC, 0x3D, 0xD8, 0x62, 0x00, 0x41], into: &output)
        let waiting = transcoder.finish(into: &output)
        #expect(waiting)
        #expect(String(decoding: output, as: UTF8.self) == "a\u{FFFD}\u{FFFD}b\u{FFFD}")
    }

    @Test("a UTF-16 archive with a byte-order mark, plain or gzip, reads like its UTF-8 original", arguments: [true, false])
    func archive(littleEndian: Bool) throws {
        let line =
            #"{"id": "458665888184930304", "text": "Me and Officer Ruiz 👮🏽‍♀️ at the fair #myNYPD", "created_at": "2014-04-22T17:57:24.000Z", "author_id": "7", "author": {"id": "7", "username": "QueensMomDee"}}"#
        let bytes = Self.utf16(String(repeating: line + "\r\n", count: 3), littleEndian: littleEndian)
        let files = try TempFiles()
        for input in [bytes, try files.gzip(bytes)] {
            let byteInput = try ByteInput(bytes: input, name: "export.json")
            let reader = try ArchiveReader(input: byteInput)
            var posts: [Post] = []
            while let batch = try reader.nextBatch() {
                for outcome in reader.decoder.decode(batch) {
                    guard case .posts(let found) = outcome else {
                        Issue.record("rejected: \(outcome)")
                        continue
                    }
                    posts += found
                }
            }
            #expect(byteInput.isUTF16)
            #expect(reader.detectedFormat == .xV2)
            #expect(posts.count == 3)
            #expect(posts.first?.text == "Me and Officer Ruiz 👮🏽‍♀️ at the fair #myNYPD")
            #expect(posts.first?.author.handle == "QueensMomDee")
        }
    }

    @Test("a spreadsheet's Unicode text export (UTF-16, tab-separated, any file name) is read as CSV")
    func unicodeTextExport() throws {
        let table = "id\ttext\tcreated_at\r\n1\tThank you NYPD 💙 #myNYPD\t2014-04-22T18:00:00Z\r\n2\t\"Tabs\tand \"\"quotes\"\" #myNYPD\"\t2014-04-22T18:01:00Z\r\n"
        let reader = try ArchiveReader(input: try ByteInput(bytes: Self.utf16(table, littleEndian: true), name: "export.txt"))
        #expect(reader.format == .csv)
        var texts: [String] = []
        while let batch = try reader.nextBatch() {
            for case .posts(let posts) in reader.decoder.decode(batch) { texts += posts.map(\.text) }
        }
        #expect(texts == ["Thank you NYPD 💙 #myNYPD", "Tabs\tand \"quotes\" #myNYPD"])
    }

    @Test("UTF-8 input, with or without its own byte-order mark, passes through untouched")
    func utf8Untouched() throws {
        for bytes in [Array(Self.text.utf8), [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)] {
            let input = try ByteInput(bytes: bytes, name: "posts.txt")
            #expect(try ByteInputTests.readAll(input) == bytes)
            #expect(!input.isUTF16)
        }
    }
}
