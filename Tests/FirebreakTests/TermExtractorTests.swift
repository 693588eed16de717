import Testing

@testable import Firebreak

@Suite("Term extractor")
struct TermExtractorTests {
    @Test func aBatchGivesWhatEachPostAloneGets() {
        // Repeated texts (scanned once per batch, with one scanner reused from text to text), a repost (no terms),
        // the owner, emoji and a long text after a short one (the scanner's buffers must not keep old words).
        let extractor = TermExtractor(campaign: myNYPD())
        let posts = [
            makePost("1", author: "ann", text: "Officers dragged a woman by her hair #myNYPD #NYPDfail"),
            makePost("2", author: "NYPDnews", text: "Thank you for the photos! #myNYPD"),
            makePost("3", author: "bob", text: "Officers dragged a woman by her hair #myNYPD #NYPDfail"),
            makePost("4", author: "cy", kind: .repost, repostedID: "1"),
            makePost("5", author: "dee", text: "ok"),
            makePost("6", author: "eve", text: "Pepper spray at a peaceful protest 😡 never forget, never forget #myNYPD"),
        ]
        let batch = extractor.features(of: posts)
        #expect(batch == posts.map { extractor.features(of: $0) })
        #expect(batch[0].terms == batch[2].terms && !batch[0].terms.isEmpty)
        #expect(batch[0].keyHash != batch[2].keyHash && batch[0].authorHash != batch[2].authorHash)
        #expect(batch[1].byOwner && !batch[0].byOwner)
        #expect(batch[3].terms.isEmpty && batch[3].textFingerprint == nil)
        #expect(batch[4].textFingerprint == nil)  // too short to tell copies apart
        #expect(Set(extractor.terms(in: posts[5].text).map(\.text)).isSuperset(of: ["pepper spray", "never forget", "protest"]))
    }

    @Test func aPostOfManyWordsGivesEachTermOnce() {
        // Past the first 128 terms found the extractor keeps them in a set instead of scanning them: the terms must be
        // the same, each once and in order of first appearance.
        let extractor = TermExtractor(campaign: myNYPD())
        let words = (0..<400).map { "word\($0)x" }
        let text = (words + words.prefix(150) + ["#tagone", "#tagone"]).joined(separator: " ")
        let terms = extractor.terms(in: text).map(\.text)
        let bigrams = zip(words, words.dropFirst()).map { "\($0) \($1)" } + ["word399x word0x"]
        #expect(terms.count == Set(terms).count)
        #expect(Set(terms) == Set(words + bigrams + ["#tagone"]))
        #expect(Array(terms.prefix(3)) == ["word0x", "word1x", "word0x word1x"])
        #expect(terms.last == "#tagone")
        #expect(extractor.features(of: makePost("1", author: "ann", text: text)).terms.count == terms.count)
    }
}
