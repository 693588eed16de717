import Testing

@testable import FirebreakLanguage

@Suite("Repeated tokens")
struct RepetitionTests {
    let extractor = FeatureExtractor(
        configuration: FeatureConfiguration(hashBits: 16), lexicon: Lexicon(entries: [(token: "great", valence: 3.1), (token: "😍", valence: 2.7)]))

    func tokens(_ text: String) -> TokenBuffer {
        var tokens = TokenBuffer()
        Tokenizer().tokenize(text, into: &tokens)
        TargetMatcher(names: ["NYPD"]).mark(&tokens)
        return tokens
    }

    func features(_ text: String) -> FeatureVector {
        var vector = FeatureVector()
        extractor.extract(tokens(text), into: &vector)
        return vector
    }

    @Test("a token counts at most three times: the fourth and later occurrences add nothing")
    func capped() {
        for (repeated, unit) in [("great ", "great "), ("😍 ", "😍 "), ("@a @b @c @d @e @f ", "@a @b @c "), ("#love ", "#love ")] {
            let many = String(repeating: repeated, count: repeated.hasPrefix("@") ? 1 : 50) + "the NYPD are murderers"
            let three = String(repeating: unit, count: unit.hasPrefix("@") ? 1 : 3) + "the NYPD are murderers"
            let two = String(repeating: unit, count: unit.hasPrefix("@") ? 1 : 2) + "the NYPD are murderers"
            #expect(features(many) == features(three), "\(repeated)")
            if !unit.hasPrefix("@") { #expect(features(three) != features(two), "\(repeated)") }
        }
        // Three times, apart, still counts three times; the rest of the post is read in full.
        #expect(features("great day, great cops, great city, great great") == features("great day, great cops, great city,"))
    }

    @Test("explanations name exactly the features the capped post has")
    func namesMatch() {
        var vector = FeatureVector()
        let names = extractor.extractNamed(tokens(String(repeating: "sooo good ", count: 40) + "#myNYPD"), into: &vector)
        #expect(names.count == vector.indices.count)
        #expect(vector == features(String(repeating: "sooo good ", count: 3) + "#myNYPD"))
    }
}
