import Foundation

/// The assessments of texts seen lately in one stream, shared by the pipeline's parallel batches: a
/// retweeted post's text comes back all through a stream, not only within one batch.
///
/// Direct-mapped (a text's slot is fixed by its hash, and a newer text takes the slot over), so it holds
/// at most `slotCount` texts however long the stream runs. An assessment depends on the text alone, so a
/// hit gives exactly what scoring would.
final class AssessmentCache: @unchecked Sendable {
    private struct Slot {
        var hash: UInt64
        var text: String
        var assessment: Assessment
    }

    // NSLock rather than `Mutex` because the package still supports macOS 14; every access holds the lock.
    private let lock = NSLock()
    private var slots: [Slot?]
    private let mask: Int

    /// A cache of `slotCount` slots (rounded up to a power of two).
    init(slotCount: Int = 1 << 14) {
        var count = 1
        while count < slotCount { count <<= 1 }
        slots = Array(repeating: nil, count: count)
        mask = count - 1
    }

    /// The cached assessment of each text (nil where there is none); `hashes` are the texts' `StableHash.words`.
    func lookUp(_ texts: [String], hashes: [UInt64]) -> [Assessment?] {
        lock.withLock {
            zip(texts, hashes).map { text, hash in
                guard let slot = slots[Int(truncatingIfNeeded: hash) & mask], slot.hash == hash, slot.text.hasSameUTF8(as: text)
                else { return nil }
                return slot.assessment
            }
        }
    }

    /// Remembers assessments, each in its text's slot.
    func store(_ entries: [(text: String, hash: UInt64, assessment: Assessment)]) {
        lock.withLock {
            for entry in entries {
                slots[Int(truncatingIfNeeded: entry.hash) & mask] = Slot(hash: entry.hash, text: entry.text, assessment: entry.assessment)
            }
        }
    }
}
