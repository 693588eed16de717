extension FlattenedV2Encoder {
    /// A minimal JSON writer into bytes: objects, arrays, strings, integers and booleans, nothing more.
    ///
    /// Hand-written because it also writes million-post benchmark inputs, where Foundation's encoder
    /// would dominate the run. The twarc style reproduces Python's `json.dumps` defaults (`", "` and
    /// `": "` separators, everything outside printable ASCII escaped as `\uXXXX`); the compact style
    /// writes raw UTF-8 without spaces.
    struct Writer {
        private(set) var bytes: [UInt8]
        private let ascii: Bool
        private let itemSeparator: [UInt8]
        private let keySeparator: [UInt8]
        /// Whether the innermost open container already holds a value (so the next one needs a separator).
        private var filled: [Bool] = []

        init(style: Style, reserving capacity: Int = 2_048) {
            bytes = []
            bytes.reserveCapacity(capacity)
            ascii = style == .twarc
            itemSeparator = style == .twarc ? Array(", ".utf8) : [UInt8(ascii: ",")]
            keySeparator = style == .twarc ? Array(": ".utf8) : [UInt8(ascii: ":")]
        }

        mutating func beginObject() {
            separate()
            bytes.append(UInt8(ascii: "{"))
            filled.append(false)
        }

        mutating func endObject() {
            filled.removeLast()
            bytes.append(UInt8(ascii: "}"))
        }

        mutating func beginArray() {
            separate()
            bytes.append(UInt8(ascii: "["))
            filled.append(false)
        }

        mutating func endArray() {
            filled.removeLast()
            bytes.append(UInt8(ascii: "]"))
        }

        /// Writes a key; the next value written belongs to it.
        mutating func key(_ name: String) {
            separate()
            appendString(name)
            bytes.append(contentsOf: keySeparator)
            // The value that follows must not get a separator of its own.
            if !filled.isEmpty { filled[filled.count - 1] = false }
            pendingValue = true
        }

        mutating func string(_ value: String) {
            separate()
            appendString(value)
        }

        mutating func int(_ value: Int) {
            separate()
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func bool(_ value: Bool) {
            separate()
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        }

        mutating func newline() {
            bytes.append(0x0A)
        }

        private var pendingValue = false

        private mutating func separate() {
            if pendingValue {
                pendingValue = false
                if !filled.isEmpty { filled[filled.count - 1] = true }
                return
            }
            guard !filled.isEmpty else { return }
            if filled[filled.count - 1] {
                bytes.append(contentsOf: itemSeparator)
            } else {
                filled[filled.count - 1] = true
            }
        }

        private static let hexDigits = Array("0123456789abcdef".utf8)

        private mutating func appendUnicodeEscape(_ unit: UInt16) {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "u"))
            bytes.append(Self.hexDigits[Int(unit >> 12) & 0xF])
            bytes.append(Self.hexDigits[Int(unit >> 8) & 0xF])
            bytes.append(Self.hexDigits[Int(unit >> 4) & 0xF])
            bytes.append(Self.hexDigits[Int(unit) & 0xF])
        }

        private mutating func appendString(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            if ascii {
                for scalar in value.unicodeScalars {
                    let v = scalar.value
                    if v >= 0x20 && v < 0x7F {
                        appendEscapedASCII(UInt8(v))
                    } else if v < 0x20 {
                        appendControl(UInt8(v))
                    } else {
                        for unit in scalar.utf16 { appendUnicodeEscape(unit) }
                    }
                }
            } else {
                for byte in value.utf8 {
                    if byte < 0x20 {
                        appendControl(byte)
                    } else if byte < 0x80 {
                        appendEscapedASCII(byte)
                    } else {
                        bytes.append(byte)
                    }
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private mutating func appendEscapedASCII(_ byte: UInt8) {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(UInt8(ascii: "\\"))
            }
            bytes.append(byte)
        }

        private mutating func appendControl(_ byte: UInt8) {
            switch byte {
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            default: appendUnicodeEscape(UInt16(byte))
            }
        }
    }
}
