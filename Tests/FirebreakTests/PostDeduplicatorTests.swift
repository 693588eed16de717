import FirebreakLanguage
import Testing

@testable import Firebreak

@Suite struct PostDeduplicatorTests {
    private func insert(_ dedup: inout PostDeduplicator, _ key: PostKey) -> Bool { dedup.insert(key) }

    @Test func theSamePostTwiceIsKeptOnce() {
        var dedup = PostDeduplicator()
        #expect(insert(&dedup, PostKey(platform: .x, nativeID: "1")))
        #expect(!insert(&dedup, PostKey(platform: .x, nativeID: "1")))
        #expect(!insert(&dedup, PostKey(platform: .x, nativeID: "1")))
        #expect(dedup.count == 1)
    }

    @Test func theSameIDOnDifferentPlatformsIsTwoPosts() {
        var dedup = PostDeduplicator()
        for platform in Platform.allCases {
            #expect(insert(&dedup, PostKey(platform: platform, nativeID: "1234")))
        }
        #expect(dedup.count == Platform.allCases.count)
    }

    @Test func manyDistinctIDsAreAllKept() {
        var dedup = PostDeduplicator()
        for i in 0..<100_000 { #expect(insert(&dedup, PostKey(platform: .x, nativeID: "\(1_398_189_300_000 + i)"))) }
        #expect(dedup.count == 100_000)
        #expect(!insert(&dedup, PostKey(platform: .x, nativeID: "1398189300000")))
    }

    @Test func idsAreCaseSensitive() {
        var dedup = PostDeduplicator()
        #expect(insert(&dedup, PostKey(platform: .bluesky, nativeID: "at://did:plc:abc/app.bsky.feed.post/3kA")))
        #expect(insert(&dedup, PostKey(platform: .bluesky, nativeID: "at://did:plc:abc/app.bsky.feed.post/3ka")))
    }

    @Test func everyFingerprintIsStillFoundAfterTheSetGrows() {
        var dedup = PostDeduplicator()
        var state: UInt64 = 11
        var keys: [UInt64] = []
        var firstTimes = 0
        for _ in 0..<300_000 {
            state = StableHash.splitMix(state)
            keys.append(state)
            if dedup.insert(fingerprint: state) { firstTimes += 1 }
        }
        #expect(firstTimes == 300_000)
        #expect(dedup.count == 300_000)
        var seenAgain = 0
        for key in keys where !dedup.insert(fingerprint: key) { seenAgain += 1 }
        #expect(seenAgain == 300_000)
        let zero = dedup.insert(fingerprint: 0)
        let one = dedup.insert(fingerprint: 1)  // 0 is stored as 1, as in FingerprintTable
        #expect(zero && !one)
    }
}
