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
        output.reserveCapacity(output.count + bytes.count + bytes.count / 2)
        var index = bytes.startIndex
        if let first = pendingByte, index < bytes.endIndex {
            pendingByte = nil
            take(unit(first, bytes[index]), into: &output)
            index = bytes.index(after: index)
        }
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            guard next < bytes.endIndex else {
                pendingByte = bytes[index]
                break
            }
            take(unit(bytes[index], bytes[next]), into: &output)
            index = bytes.index(after: next)
        }
    }

    /// Ends the text: whatever is still waiting becomes U+FFFD. Returns whether anything was appended.
    mutating func finish(into output: inout [UInt8]) -> Bool {
        let waiting = pendingHigh != nil || pendingByte != nil
        if pendingHigh != nil { Self.append(0xFFFD, to: &output) }
        if pendingByte != nil { Self.append(0xFFFD, to: &output) }
        pendingHigh = nil
        pendingByte = nil
        return waiting
    }

    private func unit(_ a: UInt8, _ b: UInt8) -> UInt16 {
        littleEndian ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b)
    }

    private mutating func take(_ unit: UInt16, into output: inout [UInt8]) {
        if let high = pendingHigh {
            pendingHigh = nil
            if (0xDC00...0xDFFF).contains(unit) {
                Self.append(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00), to: &output)
                return
            }
            Self.append(0xFFFD, to: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHigh = unit
        case 0xDC00...0xDFFF: Self.append(0xFFFD, to: &output)
        default: Self.append(UInt32(unit), to: &output)
        }
    }

    private static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
