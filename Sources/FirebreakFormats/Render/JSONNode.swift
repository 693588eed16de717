/// A JSON value whose object keys keep the order they were built in, so a report is written the same way
/// every time (Foundation's `JSONSerialization` neither keeps order nor escapes U+2028/U+2029).
enum JSONNode: Equatable {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null

    static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// A string array.
    static func strings(_ values: [String]) -> JSONNode { .array(values.map(JSONNode.string)) }

    /// A string, or `null` when absent.
    static func optional(_ value: String?) -> JSONNode { value.map(JSONNode.string) ?? .null }

    /// Appends the UTF-8 text of this value; `indent` is the current depth, or nil for compact output.
    func write(into out: inout [UInt8], indent: Int?) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent.map { $0 + 1 })
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            guard !elements.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            // Arrays of scalars (hashtags, ids, terms) stay on one line; they read better and diff the same.
            let flat = indent == nil || elements.allSatisfy(\.isScalar)
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(contentsOf: flat && indent != nil ? ", ".utf8 : ",".utf8) }
                if !flat { Self.newline(&out, indent.map { $0 + 1 }) }
                element.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if !flat { Self.newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .string(let value):
            Self.writeString(value, into: &out)
        case .integer(let value):
            out.append(contentsOf: String(value).utf8)
        case .number(let value):
            // JSON has no NaN or infinity; the builder avoids them, and null is the only faithful fallback.
            guard value.isFinite else { return out.append(contentsOf: "null".utf8) }
            if value.rounded() == value, value.magnitude < 1e15 {
                out.append(contentsOf: String(Int64(value)).utf8)
            } else {
                // Swift's shortest round-trip spelling (`0.25`, `1e-05`, `1.5e+20`) is valid JSON number syntax.
                out.append(contentsOf: String(value).utf8)
            }
        case .bool(let value):
            out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null:
            out.append(contentsOf: "null".utf8)
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    private static func newline(_ out: inout [UInt8], _ depth: Int?) {
        guard let depth else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes a JSON string: quotes, backslashes and every control character escaped, and U+2028/U+2029 too
    /// because JavaScript before ES2019 treats them as line ends inside string literals.
    static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x00...0x1F, 0x7F, 0x2028, 0x2029:
                out.append(contentsOf: "\\u".utf8)
                for shift in stride(from: 12, through: 0, by: -4) {
                    out.append(hexDigits[Int((scalar.value >> UInt32(shift)) & 0xF)])
                }
            default:
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
