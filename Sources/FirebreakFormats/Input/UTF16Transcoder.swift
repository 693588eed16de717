/// Turns UTF-16 into UTF-8 chunk by chunk: Windows tools write UTF-16 (PowerShell's `>`, Excel's "Unicode text"),
/// and read as bytes it is UTF-8 with a NUL after every letter. An odd byte or a high surrogate at the end of a
/// chunk waits for the next; unpaired surrogates and a final odd byte become U+FFFD.
struct UTF16Transcoder {
    /// Byte order of the code units.
    let littleEndian: Bool
    private var pendingByte: UInt8?
    private var pendingHigh: UInt16?

    /// A transcoder for the byte order a byte-order mark names (`FF FE` little-endian, `FE FF` big-endian).
    init(littleEndian: Bool) {
        self.littleEndian = littleEndian
    }

    /// The byte order of UTF-16 text that starts with a byte-order mark, or nil.
    static func byteOrder(of bytes: some Collection<UInt8>) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        let first = bytes[bytes.startIndex]
        let second = bytes[bytes.index(after: bytes.startIndex)]
        if first == 0xFF && second == 0xFE { return true }
        if first == 0xFE && second == 0xFF { return false }
        return nil
    }

    /// Appends the UTF-8 for `bytes` to `output`.
    mutating func transcode(_ bytes: some Collection<UInt8>, into output: inout [UInt8]) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 2)
        if let high = pendingHigh { units.append(high) }
        pendingHigh = nil
        var index = bytes.startIndex
        if let first = pendingByte, index < bytes.endIndex {
            pendingByte = nil
            units.append(unit(first, bytes[index]))
            index = bytes.index(after: index)
        }
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            guard next < bytes.endIndex else {
                pendingByte = bytes[index]
                break
            }
            units.append(unit(bytes[index], bytes[next]))
            index = bytes.index(after: next)
        }
        // A high surrogate last may pair with the next chunk's first unit.
        if let last = units.last, UTF16.isLeadSurrogate(last) { pendingHigh = units.removeLast() }
        Self.encode(units, into: &output)
    }

    /// Ends the text: whatever is still waiting becomes U+FFFD. Returns whether anything was appended.
    mutating func finish(into output: inout [UInt8]) -> Bool {
        let waiting = pendingHigh != nil || pendingByte != nil
        // A lone high surrogate encodes as U+FFFD; so does the odd byte.
        Self.encode((pendingHigh.map { [$0] } ?? []) + (pendingByte == nil ? [] : [0xFFFD]), into: &output)
        pendingHigh = nil
        pendingByte = nil
        return waiting
    }

    private func unit(_ a: UInt8, _ b: UInt8) -> UInt16 {
        littleEndian ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b)
    }

    /// The standard library's transcoding, which writes U+FFFD for each unpaired surrogate.
    private static func encode(_ units: [UInt16], into output: inout [UInt8]) {
        output.reserveCapacity(output.count + units.count * 3 / 2)
        _ = Swift.transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { output.append($0) }
    }
}
