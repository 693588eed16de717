import Testing
@testable import FirebreakLanguage

@Suite("Target matching")
struct TargetMatcherTests {
    func marked(_ text: String, names: [String]) -> [String] {
        var buffer = TokenBuffer()
        Tokenizer().tokenize(text, into: &buffer)
        TargetMatcher(names: names).mark(&buffer)
        return buffer.tokens.compactMap { token in
            token.flags.contains(.target) ? "T:" + buffer.text(of: token)
                : token.flags.contains(.targetContinuation) ? "C:" + buffer.text(of: token) : nil
        }
    }

    @Test("names, multi-word names, hashtags, handles and possessives")
    func forms() {
        let names = ["NYPD", "New York Police Department", "myNYPD", "@NYPDnews"]
        #expect(marked("The NYPD's finest", names: names) == ["T:nypd's"])
        #expect(marked("the new york police department again", names: names) == ["T:new", "C:york", "C:police", "C:department"])
        #expect(marked("#myNYPD cares", names: names) == ["T:#mynypd", "C:my", "C:nypd"])
        #expect(marked("@nypdnews hi", names: names) == ["T:@nypdnews"])
        #expect(marked("#FireTheNYPD", names: names) == ["T:nypd"])
        #expect(marked("New York is big", names: names).isEmpty)
        #expect(marked("two officers", names: ["officer"]) == ["T:officers"])
    }

    @Test("masking hides the target from the features")
    func masking() {
        let extractor = FeatureExtractor(configuration: FeatureConfiguration(hashBits: 12), lexicon: Lexicon())
        var a = TokenBuffer()
        var b = TokenBuffer()
        Tokenizer().tokenize("I love @microsoft", into: &a)
        Tokenizer().tokenize("I love #Dunkin", into: &b)
        TargetMatcher(names: ["microsoft"]).mark(&a)
        TargetMatcher(names: ["dunkin"]).mark(&b)
        var va = FeatureVector()
        var vb = FeatureVector()
        extractor.extract(a, into: &va)
        extractor.extract(b, into: &vb)
        #expect(va.indices.sorted() == vb.indices.sorted())
    }
}
