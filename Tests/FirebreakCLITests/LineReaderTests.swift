import FirebreakFormats
import Foundation
import Testing

@testable import firebreak

@Suite("classify's line reader")
struct LineReaderTests {
    private func lines(_ text: String, max: Int) throws -> [LineReader.Line] {
        var reader = LineReader(input: try ByteInput(bytes: Array(text.utf8), name: "t"), maxLineBytes: max)
        var result: [LineReader.Line] = []
        while let line = try reader.next() { result.append(line) }
        return result
    }

    @Test("lines keep their numbers, blank ones included; CR LF and a missing last line break are read")
    func numbering() throws {
        #expect(try lines("a\r\n\nb", max: 10) == [.text(1, "a"), .text(2, ""), .text(3, "b")])
    }

    @Test("a line over the limit is skipped, wherever it ends, and the lines after it are read with their numbers")
    func tooLong() throws {
        let long = String(repeating: "x", count: 100)
        #expect(try lines("a\n\(long)\nb\n", max: 10) == [.text(1, "a"), .tooLong(2), .text(3, "b")])
        #expect(try lines("\(long)", max: 10) == [.tooLong(1)])
        #expect(try lines("exactly10!\n", max: 10) == [.text(1, "exactly10!")])
    }

    @Test("a line far longer than the read buffer is dropped as it arrives, not kept")
    func longerThanTheBuffer() throws {
        let huge = String(repeating: "y", count: 3 << 20)
        #expect(try lines("\(huge)\nafter\n", max: 1 << 20) == [.tooLong(1), .text(2, "after")])
    }
}
