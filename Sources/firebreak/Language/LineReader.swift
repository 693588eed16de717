import FirebreakFormats

/// Splits a byte input into lines (LF or CRLF), numbering them from 1; invalid UTF-8 is repaired.
struct LineReader {
    let input: ByteInput
    private var buffer: [UInt8] = []
    private var start = 0
    private var number = 0
    private var finished = false

    init(input: ByteInput) { self.input = input }

    mutating func next() throws -> (Int, String)? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                number += 1
                return (number, line)
            }
            if finished {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = buffer.count
                number += 1
                return (number, line)
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if try !input.read(appendingTo: &buffer) { finished = true }
        }
    }
}
