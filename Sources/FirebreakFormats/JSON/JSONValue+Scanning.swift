/// The bytes of one object key, compared against literal names without building a `String`.
///
/// Decoders on the hot path read an object's members in one pass and match each key against the
/// names they want; `value[key]` instead rescans the object for every field, which for a flattened
/// tweet with twenty members and fifteen wanted fields costs more than the parse itself.
struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Whether the key equals `name`; the length is checked first so most mismatches cost one compare.
    @inline(__always)
    static func == (key: JSONKey, name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard key.bytes.count == count else { return false }
        let literal = name.utf8Start
        for k in 0..<count where key.bytes[k] != literal[k] { return false }
        return true
    }
}

/// One member's value during a scan, made into a `JSONValue` only when the scanner wants it.
///
/// Making a `JSONValue` retains the document; doing that for every member of every object, wanted or
/// not, was a third of the X decoders' time. The scan holds the document alive, so the unretained
/// reference here is valid for as long as the member is (it never escapes the scan's closure).
struct JSONMember {
    unowned(unsafe) let document: JSONDocument
    let index: Int

    /// The member's value.
    @inline(__always)
    var value: JSONValue { JSONValue(document: document, index: index) }
}

extension JSONValue {
    /// Calls `body` with each member of an object, in order (nothing for other values).
    /// Keys written with escapes are unescaped first, so `"te\u0078t"` matches `text`.
    func forEachMember(_ body: (JSONKey, JSONMember) -> Void) {
        let tape = document.tape
        let e = tape[index]
        guard e.kind == .object else { return }
        let document = self.document
        document.bytes.withUnsafeBufferPointer { buffer in
            var i = index + 1
            let end = Int(e.b)
            while i < end {
                let key = tape[i]
                let valueIndex = i + 1
                let value = JSONMember(document: document, index: valueIndex)
                if key.escaped {
                    let unescaped = Array(JSONValue.unescape(UnsafeBufferPointer(rebasing: buffer[Int(key.a)..<Int(key.b)])).utf8)
                    unescaped.withUnsafeBufferPointer { body(JSONKey(bytes: $0), value) }
                } else {
                    body(JSONKey(bytes: UnsafeBufferPointer(rebasing: buffer[Int(key.a)..<Int(key.b)])), value)
                }
                let v = tape[valueIndex]
                i = v.kind == .object || v.kind == .array ? Int(v.b) : valueIndex + 1
            }
        }
    }

    /// Calls `body` with each element of an array, in order, without building an array of values.
    func forEachElement(_ body: (JSONValue) -> Void) {
        let tape = document.tape
        let e = tape[index]
        guard e.kind == .array else { return }
        var i = index + 1
        let end = Int(e.b)
        while i < end {
            body(JSONValue(document: document, index: i))
            let v = tape[i]
            i = v.kind == .object || v.kind == .array ? Int(v.b) : i + 1
        }
    }

    /// Calls `body` with a string's UTF-8 bytes, straight from the record when it has no escapes;
    /// nil when this is not a string. Lets timestamps be parsed without making a `String`.
    func withStringBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let e = entry
        guard e.kind == .string else { return nil }
        if e.escaped {
            guard var text = string else { return nil }
            return text.withUTF8(body)
        }
        return document.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(e.a)..<Int(e.b)])) }
    }

    /// Whether this is an object with at least one member.
    var isNonEmptyObject: Bool {
        let e = entry
        return e.kind == .object && e.a > 0
    }
}
