import Foundation

/// Encodes a value as JSON straight into a byte buffer. `JSONEncoder` first builds a tree of every value, which made
/// it most of the cost of storing a post; this writes as it goes, several times faster.
///
/// Writing as it goes needs containers used in order, as synthesized `Codable` uses them: a container is written to
/// only while nothing opened after it is written to again. A value that does otherwise, asks for a super encoder,
/// encodes nothing, or is one of the types `JSONEncoder` special-cases (`Data`, `URL`, `Decimal`, unusual numbers)
/// is encoded by `fallback` instead. Keys are written as given, so a type must not encode the same key twice (no
/// synthesized conformance does); the store uses this only for `Post` and `Assessment`.
struct StreamingJSONEncoder {
    /// Encodes what this one cannot; the output of both decodes with the same `JSONDecoder` (dates as epoch seconds,
    /// non-finite numbers as the strings `JSONStreamWriter` spells them).
    let fallback: JSONEncoder

    /// `value` as JSON bytes.
    func encode(_ value: some Encodable) throws -> Data {
        try streamed(value).map { Data($0) } ?? fallback.encode(value)
    }

    /// `value` as JSON text (for a TEXT column: one copy fewer than going through `Data`).
    func encodeText(_ value: some Encodable) throws -> String {
        String(decoding: try streamed(value) ?? Array(fallback.encode(value)), as: UTF8.self)
    }

    /// The streamed bytes, or nil when `value` needs the fallback.
    private func streamed(_ value: some Encodable) throws -> [UInt8]? {
        let writer = JSONStreamWriter()
        do {
            try writer.encodeValue(value)
        } catch is JSONStreamWriter.Unsupported {
            return nil
        }
        return writer.unsupported ? nil : writer.bytes
    }
}

/// The `Encoder` behind `StreamingJSONEncoder`: one buffer, and a stack of the containers still open.
final class JSONStreamWriter: Encoder {
    /// Thrown when a value cannot be written in order; the caller falls back to `JSONEncoder`.
    struct Unsupported: Error {}

    /// How non-finite numbers are spelled (as strings), matching the store's `nonConformingFloat` strategies.
    static let positiveInfinity = "+inf", negativeInfinity = "-inf", nan = "nan"

    // `@exclusivity(unchecked)`: the writer is used by one encoding on one thread, and the runtime's access checks
    // on every append of a class property cost as much as the writing itself.
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
    /// Set whenever the writer gives up, so a value that swallows the error (`try?`) still falls back.
    @exclusivity(unchecked) private(set) var unsupported = false
    /// Open containers, innermost last: their ids (increasing), closing bytes, and whether they hold an element yet.
    @exclusivity(unchecked) private var open: [(id: Int, closer: UInt8, hasElements: Bool)] = []
    @exclusivity(unchecked) private var lastID = 0
    /// The value being encoded by its own `encode(to:)`, until it asks for a container.
    @exclusivity(unchecked) private var pending: (id: Int, type: Any.Type)?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() { bytes.reserveCapacity(2048) }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(writer: self, id: claimPending() ? push(opener: "{", closer: "}") : -1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(writer: self, id: claimPending() ? push(opener: "[", closer: "]") : -1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(writer: self, id: pending?.id ?? -1)
    }

    /// Marks the value unsupported and returns the error to throw.
    private func giveUp() -> Unsupported {
        unsupported = true
        return Unsupported()
    }

    /// Whether a value is waiting for its container (it is then no longer waiting).
    private func claimPending() -> Bool {
        guard pending != nil else { return false }
        pending = nil
        return true
    }

    // MARK: Containers

    private func push(opener: Unicode.Scalar, closer: Unicode.Scalar) -> Int {
        lastID += 1
        bytes.append(UInt8(ascii: opener))
        open.append((lastID, UInt8(ascii: closer), false))
        return lastID
    }

    /// Starts the next element of container `id` (a comma, and a key in an object), first closing the containers
    /// nested in it that were left open. Throws when `id` is no longer open.
    fileprivate func beginElement(in id: Int, key: (any CodingKey)?) throws {
        while let last = open.last, last.id > id {
            bytes.append(last.closer)
            open.removeLast()
        }
        guard let last = open.last, last.id == id else { throw giveUp() }
        if last.hasElements { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1].hasElements = true
        if let key {
            writeString(key.stringValue)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Opens a container as the next element of container `id`; -1 (every write to it throws) when `id` is closed.
    fileprivate func nested(in id: Int, key: (any CodingKey)?, opener: Unicode.Scalar, closer: Unicode.Scalar) -> Int {
        guard (try? beginElement(in: id, key: key)) != nil else { return -1 }
        return push(opener: opener, closer: closer)
    }

    /// Takes the one slot of the value `id` for a single value of type `type`.
    fileprivate func claimSingle(_ id: Int, type: Any.Type) throws {
        // Throws on a second write, and on a primitive this writer does not know (its `encode(to:)` came straight back).
        guard let pending, pending.id == id, pending.type != type else { throw giveUp() }
        self.pending = nil
    }

    /// A super encoder shares this writer's buffer in ways writing in order cannot follow: give up on the value.
    fileprivate func superEncoder() -> any Encoder {
        _ = giveUp()
        return self
    }

    // MARK: Values

    /// Writes a value: primitives and dates directly, anything else through its own `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        // Type comparisons, not casts: this runs for every value, and a cast costs more than the write.
        if T.self == String.self {
            writeString(unsafeBitCast(value, to: String.self))
        } else if T.self == Double.self {
            writeDouble(unsafeBitCast(value, to: Double.self))
        } else if T.self == Int.self {
            bytes.append(contentsOf: String(unsafeBitCast(value, to: Int.self)).utf8)
        } else if T.self == Bool.self {
            writeBool(unsafeBitCast(value, to: Bool.self))
        } else if T.self == Date.self {
            writeDouble(unsafeBitCast(value, to: Date.self).timeIntervalSince1970)  // as `.secondsSince1970`
        } else if T.self == Float.self {
            writeFloat(unsafeBitCast(value, to: Float.self))
        } else if T.self == Int64.self {
            bytes.append(contentsOf: String(unsafeBitCast(value, to: Int64.self)).utf8)
        } else if T.self == Int32.self {
            bytes.append(contentsOf: String(unsafeBitCast(value, to: Int32.self)).utf8)
        } else if T.self == UInt64.self {
            bytes.append(contentsOf: String(unsafeBitCast(value, to: UInt64.self)).utf8)
        } else if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw giveUp()  // JSONEncoder writes these specially
        } else {
            lastID += 1
            let id = lastID, depth = open.count
            let outer = pending
            pending = (id, T.self)
            try value.encode(to: self)
            // Still pending: it encoded nothing (JSONEncoder has its own rule for that).
            if let pending, pending.id == id { throw giveUp() }
            pending = outer
            // Close what the value opened: its own container and any nested ones left open.
            while open.count > depth { bytes.append(open.removeLast().closer) }
        }
    }

    fileprivate func writeNull() { bytes.append(contentsOf: [110, 117, 108, 108]) }  // null

    fileprivate func writeBool(_ value: Bool) {
        bytes.append(contentsOf: value ? [116, 114, 117, 101] : [102, 97, 108, 115, 101])  // true, false
    }

    fileprivate func writeDouble(_ value: Double) {
        guard value.isFinite else { return writeString(value.isNaN ? Self.nan : value > 0 ? Self.positiveInfinity : Self.negativeInfinity) }
        // Swift's shortest round-trip spelling (`0.1`, `1e-07`, `3.0`) is valid JSON and reads back to the same Double.
        bytes.append(contentsOf: value.description.utf8)
    }

    fileprivate func writeFloat(_ value: Float) {
        guard value.isFinite else { return writeString(value.isNaN ? Self.nan : value > 0 ? Self.positiveInfinity : Self.negativeInfinity) }
        bytes.append(contentsOf: value.description.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    fileprivate func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            // Most strings need no escaping: copy them whole.
            guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20:
                    bytes.append(contentsOf: [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hexDigits[Int(byte >> 4)],
                        Self.hexDigits[Int(byte & 0xF)],
                    ])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// An object. Primitive overloads other than these fall to the generic `encode`, which handles them.
private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let id: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        try writer.beginElement(in: id, key: key)
        writer.writeNull()
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        try writer.beginElement(in: id, key: key)
        writer.writeString(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try writer.beginElement(in: id, key: key)
        writer.writeDouble(value)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try writer.beginElement(in: id, key: key)
        writer.writeBool(value)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.beginElement(in: id, key: key)
        try writer.encodeValue(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(writer: writer, id: writer.nested(in: id, key: key, opener: "{", closer: "}")))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(writer: writer, id: writer.nested(in: id, key: key, opener: "[", closer: "]"))
    }
    mutating func superEncoder() -> any Encoder { writer.superEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { writer.superEncoder() }
}

/// An array.
private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let id: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(writer: JSONStreamWriter, id: Int) {
        self.writer = writer
        self.id = id
    }

    mutating func encodeNil() throws {
        try writer.beginElement(in: id, key: nil)
        writer.writeNull()
        count += 1
    }
    mutating func encode(_ value: String) throws {
        try writer.beginElement(in: id, key: nil)
        writer.writeString(value)
        count += 1
    }
    mutating func encode(_ value: Double) throws {
        try writer.beginElement(in: id, key: nil)
        writer.writeDouble(value)
        count += 1
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.beginElement(in: id, key: nil)
        try writer.encodeValue(value)
        count += 1
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(writer: writer, id: writer.nested(in: id, key: nil, opener: "{", closer: "}")))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return UnkeyedContainer(writer: writer, id: writer.nested(in: id, key: nil, opener: "[", closer: "]"))
    }
    mutating func superEncoder() -> any Encoder { writer.superEncoder() }
}

/// The one value of a value that is not a container (an enum's raw value, an optional).
private struct SingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    /// The value it writes for; -1 when that value already has a container.
    let id: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        try writer.claimSingle(id, type: Never.self)
        writer.writeNull()
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.claimSingle(id, type: T.self)
        try writer.encodeValue(value)
    }
}
