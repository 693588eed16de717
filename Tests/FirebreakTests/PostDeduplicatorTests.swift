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
}
