#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a `ByteInput` into records without ever holding more than one record and one read chunk.
///
/// Records longer than `maxRecordBytes` are rejected (reported with their number) and skipped without
/// being buffered, so one hostile line cannot exhaust memory.
public final class RecordSplitter {
    /// The longest record accepted (1 MiB).
    public static let defaultMaxRecordBytes = 1 << 20

    /// The input being split.
    public let input: ByteInput
    /// The framing in use.
    public let framing: RecordFraming
    /// The longest record accepted.
    public let maxRecordBytes: Int

    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    private var recordNumber = 0
    // JSON value framing state.
    private var insideTopArray = false
    private var sawTopLevel = false
    private var checkedByteOrderMark = false

    /// Creates a splitter. Bytes already peeked from the input (`prefix`) are framed first.
    public init(input: ByteInput, framing: RecordFraming, prefix: [UInt8] = [], maxRecordBytes: Int = RecordSplitter.defaultMaxRecordBytes) {
        self.input = input
        self.framing = framing
        self.maxRecordBytes = maxRecordBytes
        buffer = prefix
    }

    /// The next record, or nil at the end of the input.
    public func next() throws(InputError) -> RawRecord? {
        if !checkedByteOrderMark { try dropByteOrderMark() }
        return switch framing {
        case .lines: try nextLine()
        case .csvRows: try nextCSVRow()
        case .jsonValues: try nextJSONValue()
        }
    }

    /// Reads up to `count` records.
    public func next(batchOf count: Int) throws(InputError) -> [RawRecord] {
        var batch: [RawRecord] = []
        batch.reserveCapacity(count)
        while batch.count < count, let record = try next() { batch.append(record) }
        return batch
    }

    /// Drops a UTF-8 byte order mark at the very start: spreadsheet exports write one, and it would
    /// otherwise become part of the first CSV column's name or make the first JSON record invalid.
    private func dropByteOrderMark() throws(InputError) {
        while buffer.count - position < 3 {
            if try !refill() { break }
        }
        checkedByteOrderMark = true
        if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
            position += 3
        }
    }

    /// Moves the unread bytes to a fresh buffer. Records handed out are slices of the old one (a line is
    /// not copied out), so the old buffer is left to them rather than shifted in place, which would copy it
    /// whole while they share it.
    private func compact() {
        guard position > 0 else { return }
        var fresh: [UInt8] = []
        fresh.reserveCapacity(buffer.count - position + Self.readAhead)
        fresh.append(contentsOf: buffer[position...])
        buffer = fresh
        position = 0
    }

    /// Room kept for one read from the input (its chunk size).
    private static let readAhead = 1 << 20

    /// Reads more input; returns false at the end.
    private func refill() throws(InputError) -> Bool {
        guard !eof else { return false }
        compact()
        if try !input.read(appendingTo: &buffer) { eof = true }
        return !eof
    }

    private func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    private func trimmedLine(_ start: Int, _ end: Int) -> ArraySlice<UInt8> {
        var end = end
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        return buffer[start..<end]
    }

    private func nextLine() throws(InputError) -> RawRecord? {
        while true {
            var scan = position
            while true {
                // memchr: the C library's newline search reads a word or a vector at a time, not a byte.
                let found: Int? = buffer.withUnsafeBufferPointer { b in
                    guard let base = b.baseAddress, scan < b.count,
                        let hit = memchr(base + scan, 0x0A, b.count - scan)
                    else { return nil }
                    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                if let newline = found {
                    recordNumber += 1
                    let start = position
                    position = newline + 1
                    if newline - start > maxRecordBytes {
                        return tooLong()
                    }
                    if isBlank(buffer[start..<newline]) { break }
                    return RawRecord(number: recordNumber, bytes: trimmedLine(start, newline))
                }
                if buffer.count - position > maxRecordBytes {
                    recordNumber += 1
                    try skipRestOfLine()
                    return tooLong()
                }
                scan = buffer.count
                let before = position
                if try !refill() {
                    guard position < buffer.count else { return nil }
                    recordNumber += 1
                    let start = position
                    position = buffer.count
                    if isBlank(buffer[start...]) { return nil }
                    return RawRecord(number: recordNumber, bytes: trimmedLine(start, buffer.count))
                }
                scan -= before - position  // the buffer may have been compacted
            }
        }
    }

    private func tooLong() -> RawRecord {
        let limit = maxRecordBytes % (1 << 20) == 0 ? "\(maxRecordBytes >> 20) MB" : "\(maxRecordBytes) bytes"
        return RawRecord(number: recordNumber, bytes: [], framingError: "record longer than \(limit)")
    }

    /// Drops bytes up to and including the next line break, reading as needed.
    private func skipRestOfLine() throws(InputError) {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                position = newline + 1
                return
            }
            position = buffer.count
            if try !refill() { return }
        }
    }

    private func nextCSVRow() throws(InputError) -> RawRecord? {
        var scan = position
        var inQuotes = false
        rows: while true {
            while scan < buffer.count {
                let c = buffer[scan]
                if c == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if c == 0x0A && !inQuotes {
                    recordNumber += 1
                    let start = position
                    position = scan + 1
                    if scan - start > maxRecordBytes { return tooLong() }
                    if isBlank(buffer[start..<scan]) {
                        // Blank rows are not records (CSV numbers data rows); loop rather than recurse,
                        // so a long run of them cannot exhaust the stack.
                        recordNumber -= 1
                        scan = position
                        continue rows
                    }
                    return RawRecord(number: recordNumber, bytes: trimmedLine(start, scan))
                }
                scan += 1
            }
            if buffer.count - position > maxRecordBytes {
                recordNumber += 1
                // A runaway quoted field: skip to the next line break and resynchronise there.
                try skipRestOfLine()
                return tooLong()
            }
            let before = position
            if try !refill() {
                guard position < buffer.count, !isBlank(buffer[position...]) else { return nil }
                recordNumber += 1
                let start = position
                position = buffer.count
                if inQuotes {
                    return RawRecord(number: recordNumber, bytes: [], framingError: "unterminated quoted field at end of input")
                }
                return RawRecord(number: recordNumber, bytes: trimmedLine(start, buffer.count))
            }
            scan -= before - position
        }
    }

    /// Whether a line ending in `byte` goes on into the next: after an opening bracket, a comma or a colon, a `{` at
    /// the start of the next line is a nested object (pretty-printed without indentation), not a new record.
    private static func continuesStructure(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":")
    }

    private func nextJSONValue() throws(InputError) -> RawRecord? {
        // Skip white space, the commas between values (inside a top-level array, and between objects written
        // `{...},` a line) and a top-level array's brackets; a loop, not recursion, so a long run of `[][]...`
        // cannot exhaust the stack.
        while true {
            while position < buffer.count {
                let c = buffer[position]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == UInt8(ascii: ",") {
                    position += 1
                } else {
                    break
                }
            }
            if position == buffer.count {
                if try !refill() { return nil }
                continue
            }
            if !sawTopLevel {
                sawTopLevel = true
                if buffer[position] == UInt8(ascii: "[") {
                    insideTopArray = true
                    position += 1
                    continue
                }
            }
            if insideTopArray && buffer[position] == UInt8(ascii: "]") {
                position += 1
                insideTopArray = false
                sawTopLevel = false  // another array or value may follow
                continue
            }
            break
        }
        recordNumber += 1
        // A closing bracket with nothing open (the tail of a cut record, say) starts no value: rejected and stepped
        // over, since a value scanned from it would end where it began and the splitter would never move on.
        let stray = buffer[position]
        if stray == UInt8(ascii: "}") || stray == UInt8(ascii: "]") {
            position += 1
            return RawRecord(number: recordNumber, bytes: [], framingError: "unexpected '\(Character(Unicode.Scalar(stray)))' outside any value")
        }
        // Scan one value: track depth and strings; scalars end at a delimiter.
        var depth = 0
        var inString = false
        var escaped = false
        var scan = position
        var skipping = false  // over the size limit: keep scanning, stop buffering
        var afterBreak = false  // the previous byte was a line break
        var lastBeforeBreak: UInt8 = 0  // the last byte other than white space before that break
        var lastSolid: UInt8 = 0
        let first = buffer[position]
        let isContainer = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        while true {
            while scan < buffer.count {
                let c = buffer[scan]
                if afterBreak {
                    afterBreak = false
                    if isContainer && c == UInt8(ascii: "{") && (inString || !Self.continuesStructure(lastBeforeBreak)) {
                        // The value was cut short (a truncated line of JSON Lines framed as values): it ends at the
                        // break and the next starts at this `{`, rather than swallowing the records that follow.
                        let start = position
                        position = scan
                        if skipping || scan - start > maxRecordBytes { return tooLong() }
                        return RawRecord(number: recordNumber, bytes: [], framingError: "value cut short: a new record starts on the next line")
                    }
                }
                if c == 0x0A {
                    afterBreak = true
                    lastBeforeBreak = lastSolid
                } else if c != 0x20 && c != 0x09 && c != 0x0D {
                    lastSolid = c
                }
                if inString {
                    if escaped {
                        escaped = false
                    } else if c == UInt8(ascii: "\\") {
                        escaped = true
                    } else if c == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else if c == UInt8(ascii: "\"") {
                    inString = true
                } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                    depth += 1
                } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                    depth -= 1
                    if depth <= 0 && isContainer {
                        let start = position
                        position = scan + 1
                        // A value that arrived whole in the buffer is still held to the limit.
                        if skipping || position - start > maxRecordBytes { return tooLong() }
                        return RawRecord(number: recordNumber, bytes: Array(buffer[start..<position]))
                    }
                    if depth < 0 {
                        // A scalar followed by the array's closing bracket.
                        let start = position
                        position = scan
                        if skipping || scan - start > maxRecordBytes { return tooLong() }
                        return RawRecord(number: recordNumber, bytes: Array(buffer[start..<scan]))
                    }
                } else if !isContainer && depth == 0
                    && (c == UInt8(ascii: ",") || c == 0x0A || c == 0x20 || c == 0x0D || c == 0x09)
                {
                    let start = position
                    position = scan
                    if skipping || scan - start > maxRecordBytes { return tooLong() }
                    return RawRecord(number: recordNumber, bytes: Array(buffer[start..<scan]))
                }
                scan += 1
            }
            if scan - position > maxRecordBytes {
                // Drop what is buffered but keep scanning to the end of the value.
                skipping = true
                buffer.removeSubrange(0..<scan)
                position = 0
                scan = 0
            }
            let before = position
            if try !refill() {
                let start = position
                position = buffer.count
                if skipping || buffer.count - start > maxRecordBytes { return tooLong() }
                // A value cut short is handed on as it is, so the parser names what is missing.
                return RawRecord(number: recordNumber, bytes: Array(buffer[start...]))
            }
            scan -= before - position
        }
    }
}
