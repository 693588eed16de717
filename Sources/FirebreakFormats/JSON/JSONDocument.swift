/// A parsed JSON record: the record's bytes plus a flat tape of its values.
///
/// Parsing allocates the tape and the document, however many values the record holds (a reader of many
/// records reuses one tape, and parses records where they lie in its read buffer); strings and numbers are
/// decoded only when asked for. This is the fast reading path; tests check it
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

    /// The record's bytes; the tape's offsets count from `bytes.startIndex`. A slice, so a record framed out
    /// of a larger read buffer is parsed where it lies.
    let bytes: ArraySlice<UInt8>
    /// Immutable once parsed: a `var` in a class would make every read pay a dynamic exclusivity
    /// check, which measured as a fifth of the decode time. Longer than the values it holds (see
    /// `JSONTapeParser.parse`); reads never go past the root's end.
    let tape: [Entry]

    /// Parses one complete JSON value (surrounding white space allowed); throws `JSONError` otherwise.
    public convenience init<C: Collection<UInt8>>(parsing input: C, maxDepth: Int = 256) throws(JSONError) {
        let bytes = (input as? ArraySlice<UInt8>) ?? (input as? [UInt8])?[...] ?? Array(input)[...]
        try self.init(parsing: bytes, tape: [], maxDepth: maxDepth)
    }

    /// Parses `bytes` into `tape`'s storage, overwriting it. A caller reading many records hands back the
    /// previous document's tape (`reusableTape`), so no record pays for a tape allocation: at a kilobyte
    /// or more, tapes are past the allocator's fast per-thread caches.
    init(parsing bytes: ArraySlice<UInt8>, tape: consuming [Entry], maxDepth: Int = 256) throws(JSONError) {
        var tape = tape
        let parser = JSONTapeParser(maxDepth: maxDepth)
        try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in
            try parser.parse(buffer, into: &tape)
        }
        self.bytes = bytes
        self.tape = tape
    }

    /// The tape, for the next `init(parsing:tape:)` once this document is no longer used.
    var reusableTape: [Entry] { tape }

    /// The top-level value.
    public var root: JSONValue { JSONValue(document: self, index: 0) }
}
