import FirebreakLanguage
import Foundation
import Testing

@testable import Firebreak

@Suite struct MinuteBucketTests {
    private func hash(_ s: String) -> UInt64 { StableHash.fnv1a(s) }

    @Test func countsEverythingAboutTheMinute() {
        var bucket = MinuteBucket(minute: launchMinute)
        #expect(bucket.start == launch)
        #expect(bucket.lastPostAt == launch)
        bucket.add(assessed("1", .supportive, author: "a", at: at(minute: 0, second: 10), media: [photo]), authorHash: hash("a"))
        bucket.add(assessed("2", .critical, author: "b", at: at(minute: 0, second: 50), kind: .reply, irony: 0.9), authorHash: hash("b"))
        bucket.add(assessed("3", .critical, author: "b", at: at(minute: 0, second: 20), kind: .quote, offensive: 0.75), authorHash: hash("b"))
        bucket.add(assessed("4", .neutral, author: "c", at: at(minute: 0, second: 30), kind: .repost), authorHash: hash("c"))
        #expect(bucket.posts == 4)
        #expect((bucket.supportive, bucket.neutral, bucket.critical) == (1, 1, 2))
        #expect(bucket.sarcastic == 1)
        #expect(bucket.offensive == 1)
        #expect((bucket.originals, bucket.replies, bucket.quotes, bucket.reposts) == (1, 1, 1, 1))
        #expect(bucket.withMedia == 1)
        #expect(bucket.authors.estimate == 3)
        #expect(bucket.criticalAuthors.estimate == 1)
        #expect(bucket.lastPostAt == at(minute: 0, second: 50))
        #expect(abs(bucket.sumPCritical - (0.05 + 0.9 + 0.9 + 0.2)) < 1e-9)
        #expect(abs(bucket.sumPCriticalSquares - (0.05 * 0.05 + 0.9 * 0.9 + 0.9 * 0.9 + 0.2 * 0.2)) < 1e-9)
        #expect(abs(bucket.sumPSupportive - (0.9 + 0.05 + 0.05 + 0.2)) < 1e-9)
        // Each critical post's author, for the per-account cap; the summary sorts them, whatever the arrival order.
        #expect(bucket.criticalAuthorHashes == [hash("b"), hash("b")])
        var reversed = MinuteBucket(minute: launchMinute)
        reversed.add(assessed("5", .critical, author: "d", at: at(minute: 0)), authorHash: hash("d"))
        reversed.add(assessed("6", .critical, author: "b", at: at(minute: 0)), authorHash: hash("b"))
        reversed.add(assessed("7", .critical, author: "d", at: at(minute: 0)), authorHash: hash("d"))
        let summary = MinuteSummary(minute: launchMinute, bucket: reversed, newAuthors: 0)
        #expect(summary.criticalAuthorHashes == [hash("b"), hash("d"), hash("d")].sorted())
    }

    @Test func criticalExamplesAreTheMostCriticalWhateverTheOrder() {
        let items = [(0.6, "a"), (0.95, "b"), (0.7, "c"), (0.99, "d"), (0.8, "e")].map {
            assessed($0.1, .critical, author: $0.1, at: at(minute: 0), pCritical: $0.0)
        }
        var forward = MinuteBucket(minute: launchMinute)
        var backward = MinuteBucket(minute: launchMinute)
        for item in items { forward.add(item, authorHash: hash(item.post.nativeID)) }
        for item in items.reversed() { backward.add(item, authorHash: hash(item.post.nativeID)) }
        #expect(forward.criticalExamples.map(\.1) == ["d", "b", "e"])
        #expect(backward.criticalExamples.map(\.1) == ["d", "b", "e"])
        // Fewer than the limit: still most critical first.
        var two = MinuteBucket(minute: launchMinute)
        two.add(items[0], authorHash: 1)
        two.add(items[1], authorHash: 2)
        #expect(two.criticalExamples.map(\.1) == ["b", "a"])
    }
}
