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

    @Test func wordwiseHashTellsApartUrlsThatDifferAnywhere() {
        var seen = Set<UInt64>()
        for i in 0..<100_000 { seen.insert(StableHash.words("https://pbs.twimg.com/media/\(i).jpg")) }
        #expect(seen.count == 100_000)
        // One byte changed at every position, and strings that are prefixes of one another (the tail and the length).
        let base = Array("https://example.org/campaign/photo-0001.png?size=large".utf8)
        var variants = Set([StableHash.words(String(decoding: base, as: UTF8.self))])
        for index in base.indices {
            var changed = base
            changed[index] ^= 0x01
            variants.insert(StableHash.words(String(decoding: changed, as: UTF8.self)))
            variants.insert(StableHash.words(String(decoding: base[..<index], as: UTF8.self)))
        }
        #expect(variants.count == 2 * base.count + 1)
        #expect(StableHash.words("a\0") != StableHash.words("a"))
    }

    @Test func wordwiseHashIsTheSameForAStringAndItsBytes() {
        let text = "Quand la #police nous protège 🚓 — https://example.org/a/b"
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { StableHash.words($0, seed: StableHash.offsetBasis) }
        #expect(StableHash.words(text) == fromBytes)
        #expect(StableHash.words(text, seed: 1) != StableHash.words(text, seed: 2))
        #expect(StableHash.words("") != StableHash.words("\0"))
    }
}
