import Foundation
import Testing

@testable import Firebreak

@Suite struct EligibilityTests {
    private let photo = Media(kind: .photo, url: "https://pbs.twimg.com/media/a.jpg")
    private let rules = Eligibility(campaign: myNYPD(launchedAt: launch), policy: DeskPolicy())

    @Test func aSupportivePhotoFromAFanIsThanked() {
        let item = assessed("1", .supportive, author: "fan", media: [photo])
        #expect(rules.replyBlockers(item.post, item.assessment, flagged: []).isEmpty)
        #expect(rules.autoApprovalBlockers(item.post, item.assessment, flagged: []).isEmpty)
    }

    @Test func eachReasonBlocksAThankYou() {
        let cases: [(AssessedPost, String)] = [
            (assessed("1", .supportive, media: [photo], irony: 0.8), "sarcastic"),
            (assessed("2", .supportive, media: [photo], offensive: 0.7), "offensive"),
            (assessed("3", .supportive), "no photo"),
            (assessed("4", .critical, media: [photo]), "not clearly supportive"),
            (assessed("5", .supportive, kind: .repost, media: [photo]), "a repost"),
            (assessed("6", .supportive, author: "NYPDnews", media: [photo]), "owner"),
        ]
        for (item, expected) in cases {
            let reasons = rules.replyBlockers(item.post, item.assessment, flagged: [])
            #expect(reasons.contains { $0.contains(expected) }, "\(item.post.nativeID): \(reasons)")
        }
        let fan = assessed("7", .supportive, author: "Fan7", media: [photo])
        #expect(rules.replyBlockers(fan.post, fan.assessment, flagged: ["fan7"]) == ["author flagged"])
    }

    @Test func autoApprovalWantsAHigherBar() {
        let lukewarm = assessed("1", .supportive, media: [photo], pSupportive: 0.7)
        #expect(rules.replyBlockers(lukewarm.post, lukewarm.assessment, flagged: []).isEmpty)
        #expect(rules.autoApprovalBlockers(lukewarm.post, lukewarm.assessment, flagged: []).contains { $0.contains("auto-approval") })
    }

    @Test func warningsNameWhatAModeratorShouldKnow() {
        let item = assessed("1", .critical, media: [photo], irony: 0.9, offensive: 0.8)
        let warnings = rules.moderationWarnings(item.post, item.assessment, flagged: [])
        #expect(warnings.count == 3)
    }

    @Test func replyTemplateKeepsOnlyHandleCharacters() {
        let text = ReplyTemplate.render("Thanks @{handle} for {campaign}!", handle: "evil\u{202E}<b>x", campaign: "myNYPD")
        #expect(text == "Thanks @evilbx for myNYPD!")
        #expect(ReplyTemplate.render(String(repeating: "a", count: 400), handle: "x", campaign: "y").count == 280)
    }

    @Test func policyDecodesWithDefaultsAndReportsProblems() throws {
        let policy = try JSONDecoder().decode(DeskPolicy.self, from: Data(#"{"auto_reply": true, "replies_per_hour": 5}"#.utf8))
        #expect(policy.autoReply && policy.repliesPerHour == 5 && !policy.autoApprove && policy.maxIrony == DeskPolicy().maxIrony)
        #expect(policy.problems.isEmpty)
        var bad = DeskPolicy()
        bad.maxIrony = 1.5
        bad.replyTemplate = ""
        #expect(bad.problems.count == 2)
    }

    @Test func rateLimiterRefillsOnTheGivenClock() {
        var limiter = RateLimiter.perHour(2)
        let t = launch
        let burst = [limiter.take(at: t), limiter.take(at: t), limiter.take(at: t.addingTimeInterval(60))]
        #expect(burst == [true, true, false])
        let wait = limiter.wait(at: t.addingTimeInterval(60))
        #expect(wait > 1700 && wait < 1800)
        let later = [limiter.take(at: t.addingTimeInterval(1900)), limiter.take(at: t.addingTimeInterval(1901))]
        #expect(later == [true, false])
    }
}
