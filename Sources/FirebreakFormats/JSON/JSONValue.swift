/// A view of one value inside a `JSONDocument`; cheap to copy, valid while the document lives.
public struct JSONValue {
    let document: JSONDocument
    let index: Int

    var entry: JSONDocument.Entry { document.tape[index] }

    /// The value's kind.
    public var kind: JSONDocument.Kind { entry.kind }

    /// Whether the value is JSON `null`.
    public var isNull: Bool { entry.kind == .null }

    /// The member named `key` of an object, or nil (also nil when this is not an object).
    public subscript(key: String) -> JSONValue? {
        let e = entry
        guard e.kind == .object else { return nil }
        var key = key
        return key.withUTF8 { k in
            var i = index + 1
            let end = Int(e.b)
            let tape = document.tape
            while i < end {
                let keyEntry = tape[i]
                let valueIndex = i + 1
                if matches(keyEntry, k) { return JSONValue(document: document, index: valueIndex) }
                i = next(after: valueIndex)
            }
            return nil
        }
    }

    /// Follows a path of object keys: `value["user", "screen_name"]`.
    public subscript(path first: String, _ rest: String...) -> JSONValue? {
        var current = self[first]
        for key in rest { current = current?[key] }
        return current
    }

    /// The string, when this is a string.
    public var string: String? {
        let e = entry
        guard e.kind == .string else { return nil }
        return document.bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[Int(e.a)..<Int(e.b)])
            return e.escaped ? JSONValue.unescape(slice) : String(decoding: slice, as: UTF8.self)
        }
    }

    /// The non-empty string, when this is a string that is not empty.
    public var nonEmptyString: String? {
        guard let s = string, !s.isEmpty else { return nil }
        return s
    }

    /// The number's source text, when this is a number.
    public var numberText: String? {
        let e = entry
        guard e.kind == .number else { return nil }
        return document.bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(e.a)..<Int(e.b)]), as: UTF8.self)
        }
    }

    /// The integer, when this is an integral number (or a string of digits, as ids often are).
    public var int: Int? {
        let e = entry
        guard e.kind == .number || e.kind == .string, !e.escaped else { return nil }
        var value = 0
        var negative = false
        let bytes = document.bytes
        var i = bytes.startIndex + Int(e.a)  // tape offsets count from the slice's start
        let end = bytes.startIndex + Int(e.b)
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
            guard i < end else { return nil }
        }
        while i < end {
            let d = bytes[i] &- 0x30
            guard d < 10 else {
                // Integral values written as 12.0 or 1e3 still count.
                if e.kind == .number, let double = self.double, double.rounded() == double, abs(double) < 9e18 {
                    return Int(double)
                }
                return nil
            }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d))
            guard !o1, !o2 else { return nil }
            value = s
            i += 1
        }
        return negative ? -value : value
    }

    /// The number as a Double, when this is a number.
    public var double: Double? {
        guard entry.kind == .number, let text = numberText else { return nil }
        return Double(text)
    }

    /// The boolean, when this is `true` or `false`.
    public var bool: Bool? {
        switch entry.kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    /// The id as a string whether it was written as a string or a number.
    public var idString: String? {
        switch entry.kind {
        case .string: nonEmptyString
        case .number: numberText
        default: nil
        }
    }

    /// The elements, when this is an array; empty otherwise.
    public var array: [JSONValue] {
        let e = entry
        guard e.kind == .array else { return [] }
        var result: [JSONValue] = []
        result.reserveCapacity(Int(e.a))
        var i = index + 1
        let end = Int(e.b)
        while i < end {
            result.append(JSONValue(document: document, index: i))
            i = next(after: i)
        }
        return result
    }

    /// The number of elements (arrays) or members (objects); zero for other values.
    public var count: Int {
        let e = entry
        return e.kind == .array || e.kind == .object ? Int(e.a) : 0
    }

    /// The keys of an object, in order.
    public var keys: [String] {
        let e = entry
        guard e.kind == .object else { return [] }
        var result: [String] = []
        var i = index + 1
        while i < Int(e.b) {
            result.append(JSONValue(document: document, index: i).string ?? "")
            i = next(after: i + 1)
        }
        return result
    }

    /// Whether this object has a member named `key`.
    public func has(_ key: String) -> Bool { self[key] != nil }

    private func next(after i: Int) -> Int {
        let e = document.tape[i]
        return e.kind == .object || e.kind == .array ? Int(e.b) : i + 1
    }

    private func matches(_ keyEntry: JSONDocument.Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        if keyEntry.escaped {
            return Self.unescapeKey(document, keyEntry) == String(decoding: key, as: UTF8.self)
        }
        let length = Int(keyEntry.b - keyEntry.a)
        guard length == key.count else { return false }
        return document.bytes.withUnsafeBufferPointer { buffer in
            let base = Int(keyEntry.a)
            for k in 0..<length where buffer[base + k] != key[k] { return false }
            return true
        }
    }

    private static func unescapeKey(_ document: JSONDocument, _ e: JSONDocument.Entry) -> String {
        document.bytes.withUnsafeBufferPointer { unescape(UnsafeBufferPointer(rebasing: $0[Int(e.a)..<Int(e.b)])) }
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }

    /// Decodes escapes; the parser has already checked their syntax. Lone surrogates become U+FFFD.
    static func unescape(_ s: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight into the string's storage: every escape is at least as long as what it stands for
        // (`\uXXXX` is six bytes for at most three, a surrogate pair twelve for four), so `s.count` bytes suffice.
        String(unsafeUninitializedCapacity: s.count) { out in
            var count = 0
            unescape(s) { byte in
                out[count] = byte
                count += 1
            }
            return count
        }
    }

    /// Calls `emit` with each byte of the unescaped text.
    private static func unescape(_ s: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) {
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<4 { v = v << 4 | (hexValue(s[at + k]) ?? 0) }
            return v
        }
        func append(_ scalar: UInt32) {
            // Encoded in place: going through String(Character(_)) cost an allocation per escape, and
            // archives written with ASCII-only JSON (Python's default) escape every emoji and accent.
            let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            UTF8.encode(value) { emit($0) }
        }
        while i < s.count {
            let c = s[i]
            guard c == UInt8(ascii: "\\") else {
                emit(c)
                i += 1
                continue
            }
            let e = s[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): emit(0x0A)
            case UInt8(ascii: "t"): emit(0x09)
            case UInt8(ascii: "r"): emit(0x0D)
            case UInt8(ascii: "b"): emit(0x08)
            case UInt8(ascii: "f"): emit(0x0C)
            case UInt8(ascii: "u"):
                let unit = hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(unit), i + 6 <= s.count, s[i] == UInt8(ascii: "\\"),
                    s[i + 1] == UInt8(ascii: "u")
                {
                    let low = hex4(i + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        i += 6
                        append(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        continue
                    }
                }
                append((0xD800...0xDFFF).contains(unit) ? 0xFFFD : unit)
            default: emit(e)  // \" \\ \/
            }
        }
    }
}
