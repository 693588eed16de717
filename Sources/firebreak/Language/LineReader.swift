import FirebreakFormats

/// Splits a byte input into lines (LF or CRLF), numbering them from 1; invalid UTF-8 is repaired. A line longer than
/// `maxLineBytes` is not kept: its bytes are skipped as they arrive, so memory stays bounded however long it is.
struct LineReader {
    /// One line: its text, or only its number when it was too long to keep.
    enum Line: Equatable {
        case text(Int, String)
        case tooLong(Int)
    }

    let input: ByteInput
    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var number = 0
    private var finished = false
    /// Set while the rest of a too-long line is skipped.
    private var skipping = false

    init(input: ByteInput, maxLineBytes: Int = RecordSplitter.defaultMaxRecordBytes) {
        self.input = input
        self.maxLineBytes = maxLineBytes
    }

    mutating func next() throws -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let from = start
                start = newline + 1
                if skipping {
                    skipping = false
                    continue
                }
                number += 1
                return newline - from > maxLineBytes ? .tooLong(number) : .text(number, text(from, newline))
            }
            if skipping {
                buffer.removeAll(keepingCapacity: true)
                start = 0
            } else if buffer.count - start > maxLineBytes {
                number += 1
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
                return .tooLong(number)
            }
            if finished {
                guard !skipping, start < buffer.count else { return nil }
                let from = start
                start = buffer.count
                number += 1
                return .text(number, text(from, buffer.count))
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if try !input.read(appendingTo: &buffer) { finished = true }
        }
    }

    private func text(_ from: Int, _ end: Int) -> String {
        var end = end
        if end > from, buffer[end - 1] == 0x0D { end -= 1 }
        return String(decoding: buffer[from..<end], as: UTF8.self)
    }
}
