import Foundation
import Testing

@testable import Firebreak

@Suite struct LexiconAssessorTests {
    let assessor = LexiconAssessor()
    let campaign = myNYPD()

    private func assess(_ text: String, hashtags: [String] = ["#myNYPD"]) -> Assessment {
        var post = makePost("1", text: text)
        post.hashtags = hashtags
        return assessor.assess(post, in: campaign)
    }

    @Test func positiveWordsAreSupportive() {
        let a = assess("Thanks officers, proud of you #myNYPD")
        #expect(a.stance == .supportive)
        #expect(a.sentiment == .positive)
        #expect(a.pSupportive > 0.5)
        #expect(a.pCritical < 0.5)
        #expect(a.mentionsTarget)
        #expect(a.reasons.map(\.feature) == ["word \"thanks\"", "word \"proud\""])
        #expect(a.reasons.allSatisfy { $0.weight > 0 && $0.head == "sentiment" })
    }

    @Test func negativeWordsAreCritical() {
        let a = assess("84-year-old man beaten for jaywalking #myNYPD")
        #expect(a.stance == .critical)
        #expect(a.sentiment == .negative)
        #expect(a.pCritical > 0.5)
        #expect(a.reasons.first?.weight == -1)
    }

    @Test func noLexiconWordsIsNeutral() {
        let a = assess("Photo with an officer #myNYPD")
        #expect(a.stance == .neutral)
        #expect(a.sentiment == .neutral)
        #expect(a.reasons.isEmpty)
    }

    @Test func itCannotSeeSarcasm() {
        let a = assess("The NYPD will also help you de-tangle your hair. #myNYPD")
        #expect(a.irony == 0)
        #expect(a.offensive == 0)
        #expect(!a.isSarcastic)
    }

    @Test func sentimentProbabilitiesAreADistribution() {
        for text in [
            "love love love great heroes", "great", "", "photo", "shot", "beaten bloody brutality abuse shame",
            "thanks but brutality",
        ] {
            let a = assess(text)
            #expect(a.pSentiment.count == 3)
            #expect(abs(a.pSentiment.reduce(0, +) - 1) < 1e-9, "\(text): \(a.pSentiment)")
            #expect(a.pSentiment.allSatisfy { (0...1).contains($0) })
            #expect((0...1).contains(a.pCritical) && (0...1).contains(a.pSupportive))
        }
    }

    @Test func mentionsTargetByNameAliasHashtagOrOwner() {
        #expect(assess("the cops were great", hashtags: []).mentionsTarget)
        #expect(assess("@NYPDnews thanks", hashtags: []).mentionsTarget)
        #expect(assess("nice day", hashtags: ["#MYNYPD"]).mentionsTarget)
        #expect(!assess("nice day at the beach", hashtags: []).mentionsTarget)
    }

    @Test func stanceFollowsSentimentOnlyWhenThePostIsOnTheCampaign() {
        // "stance follows sentiment when the post is on the campaign": an off-topic rant is not against the target.
        let off = assess("worst monday ever, terrible traffic", hashtags: [])
        #expect(!off.mentionsTarget)
        #expect(off.sentiment == .negative)
        #expect(off.stance == .neutral)
        #expect(off.pCritical < 0.5)
        let on = assess("worst monday ever, terrible cops", hashtags: [])
        #expect(on.stance == .critical)
    }
}
