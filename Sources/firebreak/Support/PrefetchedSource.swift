import Firebreak
import FirebreakFormats

/// An archive source whose first batches were already read (to learn the campaign's hashtag from them);
/// it yields those first, then goes on reading where they stopped.
struct PrefetchedSource: AsyncSequence, Sendable {
    typealias Element = ArchiveBatch

    /// Holds the live iterator; used by one consumer at a time, in order.
    final class Cursor: @unchecked Sendable {
        var iterator: ArchiveSource.Iterator
        var buffered: [ArchiveBatch]

        init(iterator: ArchiveSource.Iterator, buffered: [ArchiveBatch]) {
            self.iterator = iterator
            self.buffered = buffered
        }
    }

    let cursor: Cursor

    /// Reads batches from `source` until `records` records are buffered or the input ends.
    static func prefetch(_ source: ArchiveSource, records: Int) async throws -> PrefetchedSource {
        var iterator = source.makeAsyncIterator()
        var buffered: [ArchiveBatch] = []
        var count = 0
        while count < records, let batch = try await iterator.next() {
            buffered.append(batch)
            count += batch.recordCount
        }
        return PrefetchedSource(cursor: Cursor(iterator: iterator, buffered: buffered))
    }

    /// The buffered batches.
    var buffered: [ArchiveBatch] { cursor.buffered }

    func makeAsyncIterator() -> Iterator { Iterator(cursor: cursor) }

    struct Iterator: AsyncIteratorProtocol {
        let cursor: Cursor

        mutating func next() async throws -> ArchiveBatch? {
            if !cursor.buffered.isEmpty { return cursor.buffered.removeFirst() }
            return try await cursor.iterator.next()
        }
    }
}
