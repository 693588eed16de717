import Foundation
import Testing

@testable import Firebreak

@Suite struct ExampleCollectorTests {
    @Test func theOwnersFirstPostComesFirst() throws {
        var collector = ExampleCollector(campaign: myNYPD())
        collector.add(assessed("s1", .supportive, author: "fan", at: at(minute: 3), metrics: .init(reposts: 40)))
        collector.add(assessed("o2", .supportive, author: "NYPDnews", at: at(minute: 5), text: "Thanks for the photo! Keep them coming..."))
        collector.add(assessed("o1", .neutral, author: "nypdnews", at: at(minute: 0), text: "Do you have a photo w/ a member of the NYPD?"))
        collector.add(assessed("c1", .critical, author: "critic", at: at(minute: 70), metrics: .init(reposts: 500)))
        let examples = collector.examples
        let first = try #require(examples.first)
        #expect(first.id == "o1")
        #expect(first.handle == "@nypdnews")
        #expect(!examples.contains { $0.id == "o2" })
        #expect(examples.map(\.id) == ["o1", "s1", "c1"])
    }

    @Test func categoriesKeepTheMostSharedThreeInOrder() {
        var collector = ExampleCollector(campaign: myNYPD())
        for i in 0..<10 {
            collector.add(assessed("c\(i)", .critical, author: "a\(i)", at: at(minute: i), metrics: .init(reposts: i * 10)))
        }
        collector.add(assessed("sarc", .critical, author: "wit", at: at(minute: 1), irony: 0.9))
        collector.add(assessed("neutral", .neutral, author: "n", at: at(minute: 1), metrics: .init(reposts: 1000)))
        collector.add(assessed("rt", .critical, author: "rt", at: at(minute: 1), kind: .repost, metrics: .init(reposts: 9999)))
        #expect(collector.examples.map(\.id) == ["c9", "c8", "c7", "sarc"])
        #expect(collector.examples.last?.sarcastic == true)
    }

    @Test func earlierPostsWinTies() {
        var collector = ExampleCollector(campaign: myNYPD())
        for i in (0..<5).reversed() { collector.add(assessed("s\(i)", .supportive, author: "a\(i)", at: at(minute: i))) }
        #expect(collector.examples.map(\.id) == ["s0", "s1", "s2"])
    }

    @Test func featuredCandidatesAreSupportivePhotosOnly() {
        var collector = ExampleCollector(campaign: myNYPD())
        collector.add(assessed("good", .supportive, author: "a", at: at(minute: 1), media: [photo]))
        collector.add(assessed("better", .supportive, author: "b", at: at(minute: 2), media: [photo], metrics: .init(reposts: 3)))
        collector.add(assessed("noMedia", .supportive, author: "c", at: at(minute: 1)))
        collector.add(assessed("sarcastic", .supportive, author: "d", at: at(minute: 1), media: [photo], irony: 0.8))
        collector.add(assessed("offensive", .supportive, author: "e", at: at(minute: 1), media: [photo], offensive: 0.7))
        collector.add(assessed("critical", .critical, author: "f", at: at(minute: 1), media: [photo]))
        collector.add(assessed("neutral", .neutral, author: "g", at: at(minute: 1), media: [photo]))
        collector.add(assessed("repost", .supportive, author: "h", at: at(minute: 1), kind: .repost, media: [photo], repostedID: "good"))
        collector.add(assessed("owner", .supportive, author: "NYPDnews", at: at(minute: 1), media: [photo]))
        #expect(collector.featuredCandidates == ["better", "good"])
    }

    /// Featuring is where sarcastic praise does harm: the bar is irony below one half, lower than the sarcastic mark.
    @Test func featuredCandidatesLeaveOutPraiseThatMayBeIronic() {
        var collector = ExampleCollector(campaign: myNYPD())
        collector.add(assessed("plain", .supportive, author: "a", at: at(minute: 1), media: [photo], irony: 0.3))
        collector.add(assessed("maybeIronic", .supportive, author: "b", at: at(minute: 1), media: [photo], irony: 0.6))
        #expect(!collector.examples.contains { $0.id == "maybeIronic" && $0.sarcastic })
        #expect(collector.featuredCandidates == ["plain"])
    }

    /// A featured post speaks for the owner: the bar is offence below one half, lower than the offensive mark.
    @Test func featuredCandidatesLeaveOutPraiseThatMayBeOffensive() {
        var collector = ExampleCollector(campaign: myNYPD())
        collector.add(assessed("clean", .supportive, author: "a", at: at(minute: 1), media: [photo], offensive: 0.2))
        let maybe = assessed("maybeOffensive", .supportive, author: "b", at: at(minute: 1), media: [photo], offensive: 0.6)
        collector.add(maybe)
        #expect(!maybe.assessment.isOffensive)
        #expect(collector.featuredCandidates == ["clean"])
    }

    /// The report leaves out the hijack's span; the list fills up from the candidates kept beyond the fifty it shows.
    @Test func featuredCandidatesOutsideFrozenSpansFillTheList() {
        var collector = ExampleCollector(campaign: myNYPD())
        for i in 0..<300 {
            collector.add(assessed("p\(i)", .supportive, author: "a\(i)", at: at(minute: i), media: [photo], metrics: .init(likes: i)))
        }
        let frozenFrom = at(minute: 100)
        let featured = collector.featuredCandidates { $0 >= frozenFrom }
        #expect(featured == (50..<100).reversed().map { "p\($0)" })
    }

    @Test func featuredCandidatesAreBounded() {
        var collector = ExampleCollector(campaign: myNYPD())
        for i in 0..<500 {
            collector.add(assessed("p\(i)", .supportive, author: "a\(i)", at: at(minute: i), media: [photo], metrics: .init(likes: i)))
        }
        let featured = collector.featuredCandidates
        #expect(featured.count == 50)
        #expect(featured.first == "p499")
        #expect(Set(featured) == Set((450..<500).map { "p\($0)" }))
    }

    @Test func theOwnersFirstPostDoesNotDependOnArrivalOrderWhenTimesTie() {
        var forward = ExampleCollector(campaign: myNYPD())
        var backward = ExampleCollector(campaign: myNYPD())
        let posts = ["458665284205035521", "458665284205035520"].map { assessed($0, .neutral, author: "NYPDnews", at: launch) }
        for post in posts { forward.add(post) }
        for post in posts.reversed() { backward.add(post) }
        #expect(forward.examples.first?.id == "458665284205035520")
        #expect(backward.examples.first?.id == "458665284205035520")
    }
}
