import FirebreakLanguage
import Testing

@testable import Firebreak

@Suite struct StableHashTests {
    @Test func fnv1aMatchesTheReferenceVectors() {
        #expect(StableHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func seedChangesTheHash() {
        #expect(StableHash.fnv1a("123", seed: StableHash.fnv1a("x")) != StableHash.fnv1a("123", seed: StableHash.fnv1a("mastodon")))
        #expect(StableHash.fnv1a("123") != StableHash.fnv1a("124"))
    }

    @Test func mixIsSplitMix64AndSpreadsNeighbours() {
        // splitmix64 finaliser of the first state of seed 0.
        #expect(StableHash.splitMix(0) == 0xe220_a839_7b1d_cdaf)
        let a = StableHash.splitMix(1)
        let b = StableHash.splitMix(2)
        #expect((a ^ b).nonzeroBitCount > 16)
        #expect(StableHash.splitMix(12345) == StableHash.splitMix(12345))
    }
}
