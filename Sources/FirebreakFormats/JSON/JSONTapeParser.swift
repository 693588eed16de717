/// A strict, non-recursive JSON parser (RFC 8259) that writes a tape of entries over the input bytes.
/// It validates UTF-8 inside strings, rejects control characters, bad escapes, bad numbers and
/// trailing garbage, and bounds nesting depth so hostile input cannot exhaust the stack.
struct JSONTapeParser {
    let maxDepth: Int

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    /// Parses `input` into `tape`. The tape is first made at least one entry
    /// longer than the input (every value takes at least a byte), so entries are written without a capacity check
    /// each; entries past the record's own are left over from earlier records and never read. That is 12 bytes of tape
    /// an input byte: the 1 MB record the reader allows takes a 12 MB tape, reused for the rest of its batch.
    func parse(_ input: UnsafeBufferPointer<UInt8>, into tape: inout [JSONDocument.Entry]) throws(JSONError) {
        let needed = input.count + 1
        if tape.count < needed {
            tape.append(contentsOf: repeatElement(JSONDocument.Entry(kind: .null, escaped: false, a: 0, b: 0), count: needed - tape.count))
        }
        // The open containers' tape indices, in temporary storage (on the stack for the default depth) rather than
        // an array allocated for every record.
        try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, maxDepth)) { open throws(JSONError) in
            try tape.withUnsafeMutableBufferPointer { entries throws(JSONError) in
                try parse(input, into: entries.baseAddress!, open: open)
            }
        }
    }

    private func parse(
        _ input: UnsafeBufferPointer<UInt8>, into tape: UnsafeMutablePointer<JSONDocument.Entry>, open: UnsafeMutableBufferPointer<UInt32>
    ) throws(JSONError) {
        var i = 0
        let n = input.count
        var depth = 0
        var count = 0

        // No local function captures `i`: that would box it and make every use pay a dynamic
        // exclusivity check (it is also passed inout below); the static helper keeps it in a register.

        Self.skipSpace(input, &i, n)
        guard i < n else { throw JSONError("empty record", at: 0) }
        // Parse values; after each value, handle separators and container ends.
        var expectValue = true
        while true {
            if expectValue {
                Self.skipSpace(input, &i, n)
                guard i < n else { throw JSONError("unexpected end of input", at: i) }
                let c = input[i]
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard depth < maxDepth else { throw JSONError("nesting deeper than \(maxDepth)", at: i) }
                    let isObject = c == UInt8(ascii: "{")
                    tape[count] = .init(kind: isObject ? .object : .array, escaped: false, a: 0, b: 0)
                    count += 1
                    open[depth] = UInt32(count - 1)
                    depth += 1
                    i += 1
                    Self.skipSpace(input, &i, n)
                    guard i < n else { throw JSONError("unexpected end of input", at: i) }
                    if input[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        i += 1
                        depth -= 1
                        tape[Int(open[depth])].b = UInt32(count)
                        expectValue = false
                        continue
                    }
                    if isObject {
                        try parseKey(input, &i, n, tape, &count)
                        Self.skipSpace(input, &i, n)
                        guard i < n, input[i] == UInt8(ascii: ":") else {
                            throw JSONError("expected ':' after an object key", at: i)
                        }
                        i += 1
                    }
                    continue
                case UInt8(ascii: "\""):
                    try parseString(input, &i, n, tape, &count)
                case UInt8(ascii: "t"):
                    try literal(input, &i, n, "true", .true, tape, &count)
                case UInt8(ascii: "f"):
                    try literal(input, &i, n, "false", .false, tape, &count)
                case UInt8(ascii: "n"):
                    try literal(input, &i, n, "null", .null, tape, &count)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    try parseNumber(input, &i, n, tape, &count)
                default:
                    throw JSONError("unexpected character \(describe(c))", at: i)
                }
                expectValue = false
            }
            // After a value.
            guard depth > 0 else {
                Self.skipSpace(input, &i, n)
                if i != n { throw JSONError("unexpected data after the JSON value", at: i) }
                return
            }
            let top = Int(open[depth - 1])
            let topIsObject = tape[top].kind == .object
            tape[top].a += 1
            Self.skipSpace(input, &i, n)
            guard i < n else { throw JSONError("unexpected end of input inside \(topIsObject ? "an object" : "an array")", at: i) }
            let c = input[i]
            if c == UInt8(ascii: ",") {
                i += 1
                if topIsObject {
                    Self.skipSpace(input, &i, n)
                    try parseKey(input, &i, n, tape, &count)
                    Self.skipSpace(input, &i, n)
                    guard i < n, input[i] == UInt8(ascii: ":") else {
                        throw JSONError("expected ':' after an object key", at: i)
                    }
                    i += 1
                }
                expectValue = true
            } else if c == (topIsObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                i += 1
                depth -= 1
                tape[top].b = UInt32(count)
            } else {
                throw JSONError("expected ',' or '\(topIsObject ? "}" : "]")', found \(describe(c))", at: i)
            }
        }
    }

    @inline(__always)
    static func skipSpace(_ input: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int) {
        while i < n {
            let c = input[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
        }
    }

    private func describe(_ c: UInt8) -> String {
        (0x21..<0x7F).contains(c) ? "'\(Character(UnicodeScalar(c)))'" : "byte 0x\(String(c, radix: 16))"
    }

    private func parseKey(
        _ input: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int, _ tape: UnsafeMutablePointer<JSONDocument.Entry>, _ count: inout Int
    ) throws(JSONError) {
        guard i < n, input[i] == UInt8(ascii: "\"") else { throw JSONError("expected a string key", at: i) }
        try parseString(input, &i, n, tape, &count)
    }

    private func literal(
        _ input: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int, _ word: StaticString, _ kind: JSONDocument.Kind,
        _ tape: UnsafeMutablePointer<JSONDocument.Entry>, _ count: inout Int
    ) throws(JSONError) {
        let length = word.utf8CodeUnitCount
        guard i + length <= n else { throw JSONError("unexpected end of input", at: i) }
        let w = word.utf8Start
        for k in 0..<length where input[i + k] != w[k] {
            throw JSONError("invalid literal", at: i)
        }
        tape[count] = .init(kind: kind, escaped: false, a: UInt32(i), b: UInt32(i + length))
        count += 1
        i += length
    }

    private func parseNumber(
        _ input: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int, _ tape: UnsafeMutablePointer<JSONDocument.Entry>, _ count: inout Int
    ) throws(JSONError) {
        let start = i
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        if input[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, isDigit(input[i]) else { throw JSONError("invalid number", at: start) }
        if input[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < n, isDigit(input[i]) { i += 1 }
        }
        if i < n, input[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n, isDigit(input[i]) else { throw JSONError("invalid number", at: start) }
            while i < n, isDigit(input[i]) { i += 1 }
        }
        if i < n, input[i] == UInt8(ascii: "e") || input[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, input[i] == UInt8(ascii: "+") || input[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n, isDigit(input[i]) else { throw JSONError("invalid number", at: start) }
            while i < n, isDigit(input[i]) { i += 1 }
        }
        tape[count] = .init(kind: .number, escaped: false, a: UInt32(start), b: UInt32(i))
        count += 1
    }

    private func parseString(
        _ input: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int, _ tape: UnsafeMutablePointer<JSONDocument.Entry>, _ count: inout Int
    ) throws(JSONError) {
        i += 1  // opening quote
        let start = i
        var escaped = false
        while true {
            // Fast path over plain ASCII, eight bytes at a time: tweet text and URLs make up most of a
            // record, and a byte-at-a-time loop with four tests per byte was the parser's main cost. The
            // lowest flagged byte is exact, so the scan lands on the byte that needs attention.
            if let base = input.baseAddress {
                while i + 8 <= n {
                    let flagged = Self.attention(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                    if flagged != 0 {
                        i += flagged.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
            }
            while i < n {
                let c = input[i]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { break }
                i += 1
            }
            guard i < n else { throw JSONError("unterminated string", at: start - 1) }
            let c = input[i]
            if c == UInt8(ascii: "\"") {
                tape[count] = .init(kind: .string, escaped: escaped, a: UInt32(start), b: UInt32(i))
                count += 1
                i += 1
                return
            } else if c == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < n else { throw JSONError("unterminated escape", at: i) }
                switch input[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 5 < n else { throw JSONError("unterminated \\u escape", at: i) }
                    for k in 2...5 where JSONValue.hexValue(input[i + k]) == nil {
                        throw JSONError("invalid \\u escape", at: i)
                    }
                    i += 6
                default:
                    throw JSONError("invalid escape '\\\(Character(UnicodeScalar(input[i + 1])))'", at: i)
                }
            } else if c < 0x20 {
                throw JSONError("unescaped control character in string", at: i)
            } else {
                i = try validateUTF8Scalar(input, i, n)
            }
        }
    }

    /// The high bit of each of eight bytes (byte 0 lowest) that may be a quote, a backslash, a control
    /// character or not ASCII. The zero-byte tests may flag a byte after a real match (borrows run upward)
    /// but never miss one, so the lowest flagged byte is always a real one.
    @inline(__always)
    static func attention(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (w &- ones &* 0x20) & ~w
        return (hasQuote | hasBackslash | hasControl | w) & highs
    }

    /// Validates one multi-byte UTF-8 sequence starting at `i`; returns the index after it.
    private func validateUTF8Scalar(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) throws(JSONError) -> Int {
        let b0 = s[i]
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && s[k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            if cont(i + 1) { return i + 2 }
        case 0xE0...0xEF:
            if cont(i + 1), cont(i + 2) {
                let b1 = s[i + 1]
                if b0 == 0xE0 && b1 < 0xA0 { break }  // overlong
                if b0 == 0xED && b1 >= 0xA0 { break }  // surrogate
                return i + 3
            }
        case 0xF0...0xF4:
            if cont(i + 1), cont(i + 2), cont(i + 3) {
                let b1 = s[i + 1]
                if b0 == 0xF0 && b1 < 0x90 { break }
                if b0 == 0xF4 && b1 >= 0x90 { break }
                return i + 4
            }
        default:
            break
        }
        throw JSONError("invalid UTF-8", at: i)
    }
}
