import Testing

@testable import FirebreakLanguage

@Suite("Letter groups")
struct LetterGroupTests {
    /// Letter groups only: no bigrams, no lexicon, so a vector is its words' unigrams, flags and letter groups.
    let configuration = FeatureConfiguration(hashBits: 16, wordBigrams: false, charMin: 2, charMax: 5, lexiconFeatures: false)

    func tokens(_ text: String) -> TokenBuffer {
        var tokens = TokenBuffer()
        Tokenizer().tokenize(text, into: &tokens)
        TargetMatcher(names: ["NYPD"]).mark(&tokens)
        return tokens
    }

    /// The buckets of the 2- to 5-byte groups of " word ", start by start, shortest first, written out by hand from
    /// the hash's definition.
    func expectedGroups(_ word: String) -> [Int32] {
        let padded = Array(" \(word) ".utf8)
        var result: [Int32] = []
        for from in padded.indices {
            for width in 2...5 where from + width <= padded.count {
                let hash = padded[from..<from + width].withUnsafeBufferPointer {
                    StableHash.fnv1a($0, namespace: FeatureExtractor.Namespace.characters)
                }
                result.append(Int32(truncatingIfNeeded: StableHash.mix(hash) & UInt64(configuration.bucketCount - 1)))
            }
        }
        return result
    }

    @Test("each spelled word gives its padded byte groups of two to five, in order, after the word features")
    func groupsOfEachWord() {
        let extractor = FeatureExtractor(configuration: configuration, lexicon: Lexicon(entries: []))
        var vector = FeatureVector()
        // "NYPD" is the target and "@user" a mention: neither is spelled out. "ok" is shorter than the widest group.
        extractor.extract(tokens("they shoot ok @user NYPD"), into: &vector)
        let groups = expectedGroups("they") + expectedGroups("shoot") + expectedGroups("ok")
        #expect(groups.count == 14 + 18 + 6)
        #expect(Array(vector.indices.suffix(groups.count)) == groups)
        // The letter groups are one normalised block: each of the same weight, their squares summing to one.
        let values = vector.values.suffix(groups.count)
        #expect(Set(values).count == 1)
        #expect(abs(values.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
    }

    @Test("the named extraction gives the same vector and names every letter group after its word")
    func namedMatchesPlain() {
        let extractor = FeatureExtractor(configuration: configuration, lexicon: Lexicon(entries: []))
        for text in ["they shoot a dog 🐶 while he's having a seizure", "Need a lift? The #NYPD's got you!", "", "ünïcödé wörds ok"] {
            var plain = FeatureVector()
            extractor.extract(tokens(text), into: &plain)
            var named = FeatureVector()
            let names = extractor.extractNamed(tokens(text), into: &named)
            #expect(plain == named, "\(text)")
            #expect(names.count == named.count, "\(text)")
        }
        var vector = FeatureVector()
        let names = extractor.extractNamed(tokens("they shoot"), into: &vector)
        #expect(Array(names.suffix(14 + 18)) == Array(repeating: "word \"they\"", count: 14) + Array(repeating: "word \"shoot\"", count: 18))
    }

    @Test("a long word gives all its groups without reading past it")
    func longWord() {
        let extractor = FeatureExtractor(configuration: configuration, lexicon: Lexicon(entries: []))
        let buffer = tokens(String(repeating: "ab", count: 2_000) + " cd")
        let words = buffer.tokens.filter { $0.kind == .word }.map { buffer.text(of: $0) }
        #expect(words.count == 2 && words[0].utf8.count > 1_000)
        var vector = FeatureVector()
        extractor.extract(buffer, into: &vector)
        let groups = words.flatMap(expectedGroups)
        #expect(Array(vector.indices.suffix(groups.count)) == groups)
    }
}
