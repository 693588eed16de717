import Foundation
import Testing

@testable import FirebreakLanguage

/// Small real-behaviour checks of the shipped heads (the model files in Sources/FirebreakModels/Resources).
@Suite("Shipped heads")
struct HeadTests {
    let scorer: PostScorer
    /// The names DESIGN.md's example campaign gives the target, plus its hashtag and owner handle.
    let nypd = TargetMatcher(names: ["NYPD", "New York Police Department", "police", "cops", "officer", "myNYPD", "NYPDnews"])

    init() throws {
        scorer = PostScorer(
            models: try LanguageModels(
                sentiment: Fixtures.shipped(.sentiment), irony: Fixtures.shipped(.irony),
                offensive: Fixtures.shipped(.offensive), stance: Fixtures.shipped(.stance)))
    }

    func scores(_ text: String) -> HeadScores {
        var workspace = PostScorer.Workspace()
        return scorer.score(text, matcher: nypd, in: &workspace)
    }

    @Test("every shipped model file is under 5 MB and shares one feature configuration")
    func sizes() throws {
        for head in Head.allCases {
            let url = Fixtures.shippedModels.appendingPathComponent(head.fileName)
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? .max
            #expect(size < 5_000_000)
            #expect(try Fixtures.shipped(head).configuration == Fixtures.shipped(.sentiment).configuration)
        }
    }

    @Test("sentiment tells clear praise from clear complaint")
    func sentiment() {
        #expect(scores("I love this, what a wonderful day 😍").sentiment[2] > 0.6)
        #expect(scores("This is terrible, worst service ever 😡").sentiment[0] > 0.6)
    }

    @Test("offence fires on abuse, not on thanks")
    func offensive() {
        #expect(scores("you are a fucking idiot").offensive > 0.5)
        #expect(scores("thank you for your help today").offensive < 0.5)
    }

    @Test("stance toward the masked target follows the words about it")
    func stance() {
        let rule = StanceRule()
        let praise = rule.combine(scores("Thank you NYPD officers for keeping us safe, you are heroes"))
        #expect(praise.supportive > praise.critical)
        let attack = rule.combine(scores("#myNYPD beat a protester and lied about it, disgusting cops"))
        #expect(attack.critical > attack.supportive)
        #expect(scores("#myNYPD beat a protester").mentionsTarget)
    }

    @Test("irony turns praise critical only against a bad situation")
    func ironyNeedsContrast() {
        // Hand-set scores, so the rule itself is what is tested: the same ironic praise, once with the stance
        // model reading nothing against the target, once reading the target badly.
        func praise(againstTarget: Double) -> HeadScores {
            HeadScores(
                sentiment: [0.05, 0.05, 0.9], irony: 0.98, offensive: 0, towardTarget: [againstTarget, 1 - againstTarget],
                mentionsTarget: true)
        }
        let rule = StanceRule()
        let plain = rule.combine(praise(againstTarget: 0.02))
        let sarcastic = rule.combine(praise(againstTarget: 0.6))
        #expect(plain.supportive > plain.critical)
        #expect(sarcastic.critical > plain.critical + 0.2)
        // Without the condition, the irony head alone flips plain praise: the failure the condition removes.
        let unconditional = StanceRule(ironyNeedsContrast: false).combine(praise(againstTarget: 0.02))
        #expect(unconditional.critical > unconditional.supportive)
        // The shipped heads on short thanks, which the irony data (tweets tagged #not) reads as ironic.
        let thanks = rule.combine(scores("Thanks NYPD officers, heroes!"))
        #expect(thanks.supportive > thanks.critical)
    }

    @Test(
        "fused scoring equals scoring each head on its own, the sentiment head with word valences and the others without",
        arguments: [
            "#myNYPD cares about noise control, so they'll shoot a dog 🙄",
            "I love this, what a wonderful day 😍 thank you officers",
            "This is terrible, worst service ever 😡 the NYPD should be ashamed",
            "not good, NOT happy at all!!! cops lied",
        ])
    func fusedMatchesSeparate(text: String) throws {
        #expect(scorer.isFused)
        #expect(scorer.models.sentiment.lexicon.count > 0 && scorer.models.irony.lexicon.count == 0)
        let fused = scores(text)
        var workspace = TextClassifier.Workspace()
        func separate(_ head: Head) -> [Double] {
            TextClassifier(model: scorer.models.model(head)).probabilities(text, matcher: nypd, in: &workspace)
        }
        for k in 0..<3 { #expect(abs(fused.sentiment[k] - separate(.sentiment)[k]) < 1e-4) }
        #expect(abs(fused.irony - separate(.irony)[1]) < 1e-4)
        #expect(abs(fused.offensive - separate(.offensive)[1]) < 1e-4)
        for k in 0..<2 { #expect(abs(fused.towardTarget[k] - separate(.stance)[k]) < 1e-4) }
    }

    @Test("a head without word valences ignores whatever weight it holds on the valence summaries when fused")
    func fusedIgnoresValenceWeightsOfHeadsWithoutLexicon() throws {
        let configuration = FeatureConfiguration(hashBits: 4, wordBigrams: false, charMin: 0, charMax: 0)
        let lexicon = Lexicon(entries: [(token: "love", valence: 3.2), (token: "awful", valence: -2.5)])
        func model(_ head: Head, lexicon: Lexicon) -> LinearModel {
            let classes = head.labels.count
            // Every row, the valence summaries included, pushes the last class: a head trained without a
            // lexicon never sees those features, so its separate scores ignore the weights there.
            let weights = (0..<configuration.dimension * classes).map { Float($0 % classes == classes - 1 ? 0.5 : -0.25) }
            return LinearModel(
                head: head.rawValue, labels: head.labels, configuration: configuration, lexicon: lexicon, weights: weights,
                bias: [Float](repeating: 0, count: classes))
        }
        let models = try LanguageModels(
            sentiment: model(.sentiment, lexicon: lexicon), irony: model(.irony, lexicon: Lexicon()),
            offensive: model(.offensive, lexicon: Lexicon()), stance: model(.stance, lexicon: Lexicon()))
        let mixed = PostScorer(models: models)
        #expect(mixed.isFused)
        var workspace = PostScorer.Workspace()
        var inner = TextClassifier.Workspace()
        for text in ["love love it", "awful, just awful", "nothing in the lexicon"] {
            let fused = mixed.score(text, matcher: nil, in: &workspace)
            let irony = TextClassifier(model: models.irony).probabilities(text, in: &inner)
            let sentiment = TextClassifier(model: models.sentiment).probabilities(text, in: &inner)
            #expect(abs(fused.irony - irony[1]) < 1e-5)
            for k in 0..<3 { #expect(abs(fused.sentiment[k] - sentiment[k]) < 1e-5) }
        }
        // Two different lexicons cannot share one featurisation: each head is scored on its own.
        let other = Lexicon(entries: [(token: "love", valence: 1)])
        let clashing = try LanguageModels(
            sentiment: model(.sentiment, lexicon: lexicon), irony: model(.irony, lexicon: other),
            offensive: model(.offensive, lexicon: Lexicon()), stance: model(.stance, lexicon: Lexicon()))
        #expect(!PostScorer(models: clashing).isFused)
        // Fused or not, the polarity's reasons add up to the log-odds the rule decides on (the biases here are zero).
        let rule = StanceRule()
        for scorer in [mixed, PostScorer(models: clashing)] {
            let text = "love it, awful though"
            let positive = rule.polarity(scorer.score(text, matcher: nil, in: &workspace))
            let reasons = scorer.explainPolarity(text, matcher: nil, critical: false, rule: rule, limit: .max)
            #expect(abs(reasons.reduce(0) { $0 + $1.weight } - log(positive / (1 - positive))) < 1e-4, "fused: \(scorer.isFused)")
        }
    }

    @Test(
        "the polarity's reasons sum, with the heads' biases, to the log-odds the rule decides on",
        arguments: [
            "#myNYPD cares about noise control, so they'll shoot a homeless man's dog while he's having a seizure",
            "Thank you NYPD officers for keeping us safe, you are heroes",
            "The NYPD response time was awful, waited two hours 😡",
        ])
    func polarityReasonsAddUp(text: String) {
        let rule = StanceRule()
        let positive = rule.polarity(scores(text))
        let logOdds = log(positive / (1 - positive))
        let w = rule.sentimentWeight
        let stance = scorer.models.stance.bias, sentiment = scorer.models.sentiment.bias
        let biases = (1 - w) * Double(stance[1] - stance[0]) + w * Double(sentiment[2] - sentiment[0])
        let supportive = scorer.explainPolarity(text, matcher: nypd, critical: false, rule: rule, limit: .max)
        let critical = scorer.explainPolarity(text, matcher: nypd, critical: true, rule: rule, limit: .max)
        #expect(abs(supportive.reduce(0) { $0 + $1.weight } + biases - logOdds) < 1e-3)
        #expect(abs(critical.reduce(0) { $0 + $1.weight } - biases + logOdds) < 1e-3)
        // Strongest first.
        #expect(zip(supportive, supportive.dropFirst()).allSatisfy { abs($0.weight) >= abs($1.weight) })
    }

    @Test("a supportive post's reasons name its words of thanks, which the sentiment head reads and the stance head alone does not")
    func polarityReasonsNameThePraise() {
        let text = "Thank you NYPD officers for keeping us safe, you are heroes"
        let reasons = scorer.explainPolarity(text, matcher: nypd, critical: false, rule: StanceRule(), limit: 5)
        // The lexicon's sums are the valences of "thank", "safe" and "heroes", which the sentiment head reads.
        let praise = ["word \"thank\"", "word \"heroes\"", "word \"safe\"", "lexicon compound", "lexicon positive words"]
        #expect(reasons.first.map { praise.contains($0.feature) && $0.weight > 0 } == true, "\(reasons)")
        // The stance head alone pushes "thank" away from supportive: its reasons were the desk's "why" before.
        let alone = scorer.explain(text, matcher: nypd, head: .stance, toward: 1, limit: 5)
        #expect(alone.contains { $0.feature == "word \"thank\"" && $0.weight < 0 })
    }

    @Test("a word repeated fifty times weighs what it weighs three times")
    func repetition() {
        let stuffed = scores(String(repeating: "great ", count: 50) + "the NYPD are murderers and thugs")
        let three = scores("great great great the NYPD are murderers and thugs")
        #expect(stuffed.sentiment == three.sentiment)
        #expect(stuffed.towardTarget == three.towardTarget)
        #expect(stuffed.irony == three.irony)
        // Before the cap the stuffed post read as certain praise (P(positive toward the target) 1.0).
        #expect(stuffed.towardTarget.allSatisfy { $0 < 0.999 })
    }

    /// The shipped heads scored one by one: an irony lexicon unlike sentiment's prevents fusing.
    func unfusedScorer() throws -> PostScorer {
        var irony = scorer.models.irony
        irony.lexicon = Lexicon(entries: [(token: "love", valence: 1)])
        let separate = PostScorer(
            models: try LanguageModels(
                sentiment: scorer.models.sentiment, irony: irony, offensive: scorer.models.offensive, stance: scorer.models.stance))
        #expect(!separate.isFused)
        return separate
    }

    @Test("an empty post takes no side, fused or not")
    func empty() throws {
        var workspace = PostScorer.Workspace()
        for scores in [scores("   "), try unfusedScorer().score("  \n ", matcher: nypd, in: &workspace)] {
            let combined = StanceRule().combine(scores)
            #expect(combined.critical == 0 && combined.supportive == 0)
            #expect(scores.isBare && !scores.mentionsTarget)
        }
    }

    @Test(
        "a post of nothing but the target's names, links and accounts takes no side, whatever the heads would guess",
        arguments: ["#myNYPD", "#myNYPD http://t.co/abc", "RT @someone: #myNYPD https://t.co/x", "@NYPDnews #myNYPD 2014!"])
    func bare(text: String) throws {
        let bare = scores(text)
        #expect(bare.isBare && bare.mentionsTarget)
        let combined = StanceRule().combine(bare)
        #expect(combined.critical == 0 && combined.supportive == 0)
        #expect(bare.irony == 0 && bare.offensive == 0)
        // Heads scored one by one give the same.
        var workspace = PostScorer.Workspace()
        #expect(try unfusedScorer().score(text, matcher: nypd, in: &workspace) == bare)
    }

    @Test("a word, an emoji or another hashtag beside the target is read by the heads")
    func notBare() {
        for text in ["post #myNYPD", "#myNYPD 😡", "#myNYPD :(", "#myNYPD #PoliceBrutality"] {
            let read = scores(text)
            #expect(!read.isBare, "\(text)")
            #expect(StanceRule().combine(read).critical > 0, "\(text)")
        }
        // "#myNYPD" is bare only for a campaign it names.
        var workspace = PostScorer.Workspace()
        #expect(!scorer.score("#myNYPD", matcher: TargetMatcher(names: ["Copperleaf"]), in: &workspace).isBare)
    }
}
