/// A parsed JSON record: the record's bytes plus a flat tape of its values.
///
/// Parsing makes two allocations (the byte copy and the tape) however many values the record holds;
/// strings and numbers are decoded only when asked for. This is the fast reading path; tests check it
/// against Foundation's `JSONSerialization` on the same inputs.
public final class JSONDocument {
    /// The kind of a JSON value.
    public enum Kind: UInt8, Sendable {
        case object, array, string, number, `true`, `false`, null
    }

    struct Entry {
        var kind: Kind
        /// Strings: the content holds a backslash escape.
        var escaped: Bool
        /// Strings and numbers: first byte (strings: after the quote). Containers: element count.
        var a: UInt32
        /// Strings and numbers: end byte (exclusive). Containers: the tape index after the container.
        var b: UInt32
    }

    let bytes: [UInt8]
    /// Immutable once parsed: a `var` in a class would make every read pay a dynamic exclusivity
    /// check, which measured as a fifth of the decode time.
    let tape: [Entry]

    /// Parses one complete JSON value (surrounding white space allowed); throws `JSONError` otherwise.
    public init<C: Collection<UInt8>>(parsing input: C, maxDepth: Int = 256) throws(JSONError) {
        let bytes = Array(input)
        var tape: [Entry] = []
        tape.reserveCapacity(max(16, bytes.count / 8))
        let parser = JSONTapeParser(maxDepth: maxDepth)
        try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in
            try parser.parse(buffer, into: &tape)
        }
        self.bytes = bytes
        self.tape = tape
    }

    /// The top-level value.
    public var root: JSONValue { JSONValue(document: self, index: 0) }
}
