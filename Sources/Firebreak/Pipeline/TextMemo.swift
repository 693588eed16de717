import FirebreakLanguage

/// Remembers one value per distinct text, so work that depends on a post's text alone is done once per
/// text: a batch repeats texts (retweets of one post, the originals reposts carry).
///
/// Keyed by a hash of the text's UTF-8 bytes and confirmed byte for byte: Swift's own `String` hashing
/// normalises non-ASCII text (emoji, accents) first, which costs more than the lookup saves.
struct TextMemo<Value: Sendable> {
    private var slots: FingerprintTable<Int>
    private var texts: [String] = []
    private var values: [Value] = []

    /// A memo sized for about `capacity` distinct texts.
    init(capacity: Int) {
        slots = FingerprintTable(capacity: capacity)
        texts.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// The value remembered for `text`, or `make(text)`, remembered for next time.
    mutating func value(for text: String, _ make: (String) -> Value) -> Value {
        value(for: text, hash: StableHash.words(text), make)
    }

    /// The same, with the text's `StableHash.words` hash already worked out.
    mutating func value(for text: String, hash: UInt64, _ make: (String) -> Value) -> Value {
        if let index = slots[hash] {
            if Self.sameBytes(texts[index], text) { return values[index] }
            return make(text)  // a hash collision: rare, so the second text is simply not remembered
        }
        let value = make(text)
        slots.set(hash, texts.count)
        texts.append(text)
        values.append(value)
        return value
    }

    /// Byte equality (not canonical equivalence: the tokenizer reads bytes, so bytes decide).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in pa.elementsEqual(pb) }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}
