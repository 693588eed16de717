import Testing

@testable import FirebreakLanguage

/// The VADER lexicon as the models read it.
@Suite("Lexicon")
struct LexiconTests {
    /// Three lines in VADER's own format, one of them an emoji description.
    static let words = "terrible\t-2.1\t0.83\t[-2, -2]\nwonderful\t2.7\t0.78\t[3, 3]\nlove\t3.2\t0.4\t[3, 3]\n"
    static let emoji = "😍\tsmiling face with heart-eyes love\n"

    @Test("every line is read whether lines end in LF or CR LF (the shipped VADER files use CR LF)")
    func lineEndings() {
        for ending in ["\n", "\r\n"] {
            let lexicon = Lexicon.vader(
                lexiconText: Self.words.replacingOccurrences(of: "\n", with: ending),
                emojiText: Self.emoji.replacingOccurrences(of: "\n", with: ending))
            #expect(lexicon.valence(of: "terrible") == -2.1)
            #expect(lexicon.valence(of: "wonderful") == 2.7)
            #expect(lexicon.valence(of: "love") == 3.2)
            #expect(lexicon.valence(of: "😍") == 3.2)
        }
    }

    @Test("the shipped sentiment head carries VADER's word valences and the other heads none, as `train` does by default")
    func shippedModelsWordValences() throws {
        for head in Head.allCases {
            let model = try Fixtures.shipped(head)
            // Counted, not dumped: a failure message listing 7,500 hashes says nothing.
            let count = model.lexicon.count
            if head.usesWordValences {
                #expect(count > 7_000, "\(head) has \(count) valences")
                #expect(model.lexicon.valence(of: "love") == 3.2)
                // Emoji from their descriptions: "smiling face with heart-eyes", "loudly crying face".
                #expect(model.lexicon.valence(of: "😍") > 0 && model.lexicon.valence(of: "😭") < 0)
            } else {
                #expect(count == 0, "\(head) has \(count) valences")
            }
            // The surface summaries (capitals, negation, ! or ?) are features of every head.
            #expect(model.configuration.lexiconFeatures)
        }
    }
}
