import FirebreakLanguage
import Foundation
import Testing

@testable import Firebreak

@Suite("Campaign model assessor")
struct CampaignModelAssessorTests {
    let base: ModelAssessor

    init() throws {
        // The shipped model files in the source tree (tests do not depend on the resource bundle).
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/FirebreakModels/Resources")
        func load(_ head: Head) throws -> LinearModel {
            try ModelFile.decode([UInt8](try Data(contentsOf: folder.appendingPathComponent(head.fileName))))
        }
        base = ModelAssessor(
            models: try LanguageModels(
                sentiment: load(.sentiment), irony: load(.irony), offensive: load(.offensive), stance: load(.stance)),
            reasonCount: 0)
    }

    /// Texts that repeat (as retweets do), emoji, and two spellings of "café" that Swift's `==` calls equal but
    /// whose bytes differ (composed é, and e plus a combining accent).
    static let texts = [
        "Proud of our officers #myNYPD 👮🏽‍♀️", "#myNYPD cares about noise control, so they shoot a dog",
        "Proud of our officers #myNYPD 👮🏽‍♀️", "Coffee with the NYPD at the caf\u{E9} #myNYPD",
        "Coffee with the NYPD at the cafe\u{301} #myNYPD", "", "#myNYPD cares about noise control, so they shoot a dog",
    ]

    @Test func batchesGiveWhatEachPostAloneGets() {
        let campaign = myNYPD()
        let assessor = base.specialized(for: campaign)
        let posts = Self.texts.enumerated().map { makePost("p\($0.offset)", text: $0.element) }
        let alone = posts.map { base.assess($0, in: campaign) }
        // The first batch fills the cross-batch cache; the second is answered from it.
        #expect(assessor.assess(posts, in: campaign) == alone)
        #expect(assessor.assess(posts.reversed(), in: campaign) == alone.reversed())
        // The two spellings of "café" are read from their own bytes (the tokenizer reads bytes).
        #expect(alone[3] != alone[4])
    }

    @Test func aBatchForAnotherCampaignIsAssessedForThatCampaign() {
        let assessor = base.specialized(for: myNYPD())
        let other = Campaign(name: "cups", hashtags: ["#MyCupStory"], target: .init(name: "Copperleaf"))
        let posts = [makePost("1", text: "Copperleaf baristas are the best #MyCupStory")]
        #expect(assessor.assess(posts, in: other) == posts.map { base.assess($0, in: other) })
    }

    /// A post of nothing but the campaign's hashtag, a link and an account is neutral, and says why.
    @Test func aBarePostIsNeutralWithItsReason() throws {
        let explaining = ModelAssessor(models: base.scorer.models, reasonCount: 5)
        let bare = explaining.assess(makePost("1", text: "RT @someone: #myNYPD https://t.co/abc"), in: myNYPD())
        #expect(bare.stance == .neutral && bare.pCritical == 0 && bare.pSupportive == 0)
        #expect(bare.reasons.map(\.feature) == [ModelAssessor.bareReason])
        let worded = explaining.assess(makePost("2", text: "Proud of our officers #myNYPD"), in: myNYPD())
        #expect(worded.stance == .supportive)
        #expect(!worded.reasons.contains { $0.feature == ModelAssessor.bareReason })
    }
}

@Suite("Text memo and assessment cache")
struct TextMemoTests {
    @Test func makesEachDistinctTextOnce() {
        var memo = TextMemo<Int>(capacity: 4)
        var made: [String] = []
        for text in ["a", "b", "a", "caf\u{E9}", "cafe\u{301}", "b"] {
            _ = memo.value(for: text) { made.append($0); return $0.utf8.count }
        }
        #expect(made == ["a", "b", "caf\u{E9}", "cafe\u{301}"])
    }

    @Test func textsMatchByTheirBytesNotByCanonicalEquivalence() {
        #expect("caf\u{E9}" == "cafe\u{301}")  // what `==` says
        #expect(!"caf\u{E9}".hasSameUTF8(as: "cafe\u{301}"))
        #expect("caf\u{E9} 👮🏽‍♀️".hasSameUTF8(as: "caf\u{E9} 👮🏽‍♀️"))
        #expect(!"abc".hasSameUTF8(as: "abd") && !"abc".hasSameUTF8(as: "abcd"))
        #expect("".hasSameUTF8(as: "") && !"".hasSameUTF8(as: "a"))
    }

    @Test func aHashCollisionIsNeverAnsweredWithAnotherTextsValue() {
        var memo = TextMemo<String>(capacity: 4)
        #expect(memo.value(for: "first", hash: 42) { $0 } == "first")
        #expect(memo.value(for: "second", hash: 42) { $0 } == "second")
        #expect(memo.value(for: "first", hash: 42) { _ in "made again" } == "first")
    }

    @Test func theCacheAnswersOnlyTheTextItHoldsInASlot() {
        let cache = AssessmentCache(slotCount: 4)
        let critical = makeAssessment(.critical)
        let supportive = makeAssessment(.supportive)
        cache.store([("one", 1, critical)])
        #expect(cache.lookUp(["one", "one", "uno"], hashes: [1, 5, 1]) == [critical, nil, nil])
        // Hash 5 falls in the same slot of four as hash 1: the newer text takes it over.
        cache.store([("five", 5, supportive)])
        #expect(cache.lookUp(["one", "five"], hashes: [1, 5]) == [nil, supportive])
    }
}
