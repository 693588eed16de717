import FirebreakLanguage
import Foundation

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
            if texts[index].hasSameUTF8(as: text) { return values[index] }
            return make(text)  // a hash collision: rare, so the second text is simply not remembered
        }
        let value = make(text)
        slots.set(hash, texts.count)
        texts.append(text)
        values.append(value)
        return value
    }
}

extension String {
    /// Byte equality of the UTF-8 (not canonical equivalence, as `==` is: the tokenizer reads bytes, so bytes decide).
    func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let contiguous = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                // memcmp: the generic `elementsEqual` walks the buffers through iterators, byte by byte.
                guard let a = mine.baseAddress, let b = theirs.baseAddress else { return true }  // both empty: counts are equal
                return memcmp(a, b, mine.count) == 0
            }
        }
        return contiguous.flatMap { $0 } ?? utf8.elementsEqual(other.utf8)
    }
}
