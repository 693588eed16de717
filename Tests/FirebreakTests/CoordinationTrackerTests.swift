import Foundation
import Testing

@testable import Firebreak

@Suite struct CoordinationTrackerTests {
    private let text = "Need a lift? The NYPD's got you! Free Delivery, Only at #myNYPD"

    private func variant(_ i: Int) -> String {
        let cased = i.isMultiple(of: 2) ? text.uppercased() : text.lowercased()
        return "@someone\(i) \(cased) https://t.co/x\(i)"
    }

    @Test func sameTextFromSixAccountsWithinThirtySecondsIsACluster() throws {
        var tracker = CoordinationTracker()
        for i in 0..<6 {
            tracker.add(makePost("p\(i)", author: "bot\(i)", at: at(minute: 30, second: Double(i) * 5), text: variant(i), links: ["https://t.co/x\(i)"]))
        }
        // Unrelated chatter does not join it.
        for i in 0..<20 { tracker.add(makePost("o\(i)", author: "fan\(i)", at: at(minute: 30, second: Double(i)), text: "Photo \(i) with officer number \(i * 7) today")) }
        let clusters = tracker.clusters()
        #expect(clusters.count == 1)
        let cluster = try #require(clusters.first)
        #expect(cluster.kind == "same_text")
        #expect(cluster.accounts == (0..<6).map { "@bot\($0)" })
        #expect(cluster.posts == 6)
        #expect(cluster.windowSeconds == 25)
    }

    @Test func theSameTextSpreadOverHoursIsNotACluster() {
        var tracker = CoordinationTracker()
        for i in 0..<12 { tracker.add(makePost("p\(i)", author: "fan\(i)", at: at(minute: i * 30), text: variant(i))) }
        #expect(tracker.clusters().isEmpty)
    }

    @Test func aLinkSharedAtItsUsualShareOfABusyCampaignIsNotAClusterButAFloodOfItIs() throws {
        // A news link that is a tenth of a growing campaign: shared every minute for half an hour while the campaign
        // has ten posts a minute, then every 6 seconds for half an hour at 100 a minute, each time by a new account.
        // Ten of its posters fall in every busy minute, which is only its share.
        var tracker = CoordinationTracker()
        let link = "https://news.example/story"
        let seconds: [Double] = (0..<30).map { Double($0 * 60) } + (0..<170).map { Double(1_800 + $0 * 6) }
        for (i, second) in seconds.enumerated() {
            tracker.add(makePost("p\(i)", author: "reader\(i)", at: at(minute: 0, second: second), text: "Read this", links: [link]))
        }
        let minute0 = CopyBurst.minute(at(minute: 0).timeIntervalSinceReferenceDate)
        let busy: (ClosedRange<Int>) -> Int = { $0.reduce(0) { $0 + ($1 - minute0 < 30 ? 10 : 100) } }
        #expect(tracker.clusters().contains { $0.kind == "same_link" })
        #expect(tracker.clusters(postsIn: busy).isEmpty)
        // Twelve accounts sharing another link within twenty seconds, after it had been shared twice in an hour.
        let bait = "https://bait.example/x"
        for i in 0..<2 { tracker.add(makePost("b\(i)", author: "early\(i)", at: at(minute: i * 30), text: "Look", links: [bait])) }
        for i in 0..<12 { tracker.add(makePost("f\(i)", author: "bot\(i)", at: at(minute: 61, second: Double(i)), text: "Look", links: [bait])) }
        let flood = try #require(tracker.clusters(postsIn: busy).first)
        #expect(flood.shared == bait)
        #expect(flood.accounts == (0..<12).map { "@bot\($0)" }.sorted())
    }

    @Test func threeAccountsAreNotACluster() {
        var tracker = CoordinationTracker()
        for i in 0..<3 { tracker.add(makePost("p\(i)", author: "bot\(i)", at: at(minute: 1, second: Double(i)), text: variant(i))) }
        #expect(tracker.clusters().isEmpty)
    }

    @Test func oneAccountRepeatingItselfIsNotACluster() {
        var tracker = CoordinationTracker()
        for i in 0..<10 { tracker.add(makePost("p\(i)", author: "spammer", at: at(minute: 1, second: Double(i)), text: text)) }
        #expect(tracker.clusters().isEmpty)
    }

    @Test func shortTextsAreIgnored() {
        var tracker = CoordinationTracker()
        for i in 0..<10 { tracker.add(makePost("p\(i)", author: "fan\(i)", at: at(minute: 1, second: Double(i)), text: "#myNYPD lol")) }
        #expect(tracker.clusters().isEmpty)
    }

    @Test func sameLinkNeedsEightAccounts() {
        var tracker = CoordinationTracker()
        for i in 0..<7 {
            tracker.add(makePost("p\(i)", author: "a\(i)", at: at(minute: 1, second: Double(i)), text: "look \(i)", links: ["https://example.org/video"]))
        }
        #expect(tracker.clusters().isEmpty)
        tracker.add(makePost("p7", author: "a7", at: at(minute: 1, second: 8), text: "look 7", links: ["https://example.org/video"]))
        let clusters = tracker.clusters()
        #expect(clusters.map(\.kind) == ["same_link"])
        #expect(clusters.first?.shared == "https://example.org/video")
        #expect(clusters.first?.accounts.count == 8)
    }

    @Test func sameMediaFromFiveAccounts() {
        var tracker = CoordinationTracker()
        let image = Media(kind: .photo, url: "https://pbs.example/beaten.jpg")
        for i in 0..<5 { tracker.add(makePost("p\(i)", author: "a\(i)", at: at(minute: 1, second: Double(i)), text: "x\(i)", media: [image])) }
        #expect(tracker.clusters().map(\.kind) == ["same_media"])
    }

    @Test func repostCascadesNeedManyAccounts() {
        var tracker = CoordinationTracker()
        for i in 0..<39 {
            tracker.add(makePost("r\(i)", author: "a\(i)", at: at(minute: 1, second: Double(i)), text: variant(1), kind: .repost, repostedID: "orig"))
        }
        #expect(tracker.clusters().isEmpty)  // reposts never count as same text
        tracker.add(makePost("r39", author: "a39", at: at(minute: 1, second: 40), kind: .repost, repostedID: "orig"))
        let clusters = tracker.clusters()
        #expect(clusters.map(\.kind) == ["same_repost"])
        #expect(clusters.first?.shared == "orig")
    }

    @Test func theSharedTextDoesNotDependOnArrivalOrder() {
        var forward = CoordinationTracker()
        var backward = CoordinationTracker()
        let posts = (0..<6).map { makePost("p\($0)", author: "bot\($0)", at: at(minute: 2, second: Double($0)), text: variant($0)) }
        for post in posts { forward.add(post) }
        for post in posts.reversed() { backward.add(post) }
        #expect(forward.clusters() == backward.clusters())
    }

    @Test func aGroupAndItsKeyFillOneCacheLine() {
        // The groups' table outgrows the cache; a slot over two lines cost a second miss for most posts.
        #expect(MemoryLayout<UInt64>.size + MemoryLayout<CoordinationTracker.Group>.size <= 64)
    }

    @Test func theExamplePostIsTheEarliestWhicheverArrivedFirst() throws {
        var tracker = CoordinationTracker()
        // The earliest copy arrives last; two copies share its second and the smaller id wins the tie.
        for i in (0..<6).reversed() {
            tracker.add(makePost("p\(i + 10)", author: "bot\(i)", at: at(minute: 2, second: Double(max(i, 1))), text: variant(i)))
        }
        let cluster = try #require(tracker.clusters().first)
        #expect(cluster.examplePostID == "p10")
        #expect(cluster.posts == 6)
    }

    @Test func fingerprintIgnoresLinksMentionsCaseAndPunctuation() {
        let a = TermExtractor.textFingerprint(of: "@Bob FREE Delivery!! Only at the station today https://t.co/1")
        let b = TermExtractor.textFingerprint(of: "free delivery only at the station today http://x @alice")
        #expect(a != nil)
        #expect(a == b)
        #expect(a != TermExtractor.textFingerprint(of: "Free pizza! Only at the station today"))
        #expect(TermExtractor.textFingerprint(of: "Free delivery") == nil)  // too short to tell copies apart
    }

    @Test func manyPostsOfOneGroupInAnyOrderGiveTheSameCluster() {
        // 1,000 accounts share one photo over 10 hours; one burst of 12 accounts within 20 s late in the day.
        var posts: [Post] = []
        let image = Media(kind: .photo, url: "https://pbs.example/same.jpg")
        for i in 0..<1_000 { posts.append(makePost("p\(i)", author: "fan\(i)", at: at(minute: i * 36 / 60, second: Double(i % 60)), text: "t\(i)", media: [image])) }
        for i in 0..<12 { posts.append(makePost("b\(i)", author: "bot\(i)", at: at(minute: 700, second: Double(i)), text: "b\(i)", media: [image])) }
        var random = SeededRandom(seed: 3)
        var forward = CoordinationTracker()
        var shuffled = CoordinationTracker()
        for post in posts { forward.add(post) }
        for post in posts.shuffled(using: &random) { shuffled.add(post) }
        #expect(forward.clusters() == shuffled.clusters())
    }

    @Test func aFloodOfALineAlreadyCopiedHundredsOfTimesIsFoundInItsMinute() throws {
        // A line copied by a new account every 45 seconds for three hours (240 copies: past the earliest the group
        // keeps), then 40 accounts within a minute at 3 h 30 in a campaign of 25 posts a minute; shuffled, it is the same.
        let line = "The best cup in town is at Copperleaf, go try it today #MyCup"
        var posts = (0..<240).map { makePost("l\($0)", author: "fan\($0)", at: at(minute: 0, second: Double($0) * 45), text: line) }
        let flood = (0..<40).map { makePost("f\($0)", author: "bot\($0)", at: at(minute: 210, second: Double($0)), text: line) }
        let minute0 = CopyBurst.minute(at(minute: 0).timeIntervalSinceReferenceDate)
        let campaign: (ClosedRange<Int>) -> Int = { $0.reduce(0) { $0 + ($1 >= minute0 ? 25 : 0) } }
        var quiet = CoordinationTracker()
        for post in posts { quiet.add(post) }
        #expect(quiet.clusters(postsIn: campaign).isEmpty)
        posts += flood
        var results: [[CoordinationCluster]] = []
        for order in [posts, posts.reversed(), posts.shuffled()] {
            var tracker = CoordinationTracker()
            for post in order { tracker.add(post) }
            results.append(tracker.clusters(postsIn: campaign))
        }
        let cluster = try #require(results[0].first)
        #expect(results[0].count == 1)
        #expect(cluster.kind == "same_text")
        #expect(cluster.posts == 280)
        #expect(cluster.accounts == (0..<20).map { "@bot\($0)" }.sorted())
        #expect(cluster.startedAt == at(minute: 210))
        #expect(cluster.detectedAt == at(minute: 210, second: 39))
        #expect(cluster.examplePostID == "l0")
        #expect(results[1] == results[0])
        #expect(results[2] == results[0])
    }

    @Test func laterCopiesKeptOverAllGroupsStayWithinTheBudget() {
        // Five lines, each copied 200 times and then 400 more by new accounts over twenty minutes: 2,000 later copies,
        // but at most 60 accounts kept over all five.
        var tracker = CoordinationTracker(lateBudget: 60)
        for line in 0..<5 {
            for i in 0..<600 {
                tracker.add(makePost("l\(line)-\(i)", author: "acct\(line)-\(i)", at: at(minute: i / 30, second: Double(i % 30) * 2), text: "Line \(line) of the campaign, copied"))
            }
        }
        #expect(tracker.lateKept == 60)
    }
}
