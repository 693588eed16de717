import Firebreak
import FirebreakStore
import Foundation
import Testing

@Suite("Inserting posts")
struct InsertTests {
    @Test func insertingTheSameBatchTwiceStoresItOnce() async throws {
        try await withStore { store in
            let batch = [assessed("1"), assessed("2", at: 1), assessed("3", at: 2)]
            let first = try await store.insert(batch, campaignID: campaign, receivedAt: at(10))
            let second = try await store.insert(batch, campaignID: campaign, receivedAt: at(20))
            #expect(first == [key("1"), key("2"), key("3")])
            #expect(second == [])
            #expect(try await store.count(campaignID: campaign, matching: PostQuery()) == 3)
            // The first copy is kept: the second receivedAt did not overwrite it.
            #expect(try await store.post(campaignID: campaign, key: key("2"))?.receivedAt == at(10))
        }
    }

    @Test func duplicatesWithinOneBatchAreInsertedOnceAndNewKeysKeepInputOrder() async throws {
        try await withStore { store in
            let first = try await store.insert([assessed("a"), assessed("b"), assessed("a")], campaignID: campaign, receivedAt: base)
            #expect(first == [key("a"), key("b")])
            let second = try await store.insert(
                [assessed("d"), assessed("a"), assessed("c"), assessed("d"), assessed("b")], campaignID: campaign, receivedAt: base)
            #expect(second == [key("d"), key("c")])
            #expect(try await store.count(campaignID: campaign, matching: PostQuery()) == 4)
        }
    }

    @Test func theSameIDOnAnotherPlatformOrCampaignIsAnotherPost() async throws {
        try await withStore { store in
            var mastodon = assessed("1")
            mastodon.post.platform = .mastodon
            let both = try await store.insert([assessed("1"), mastodon], campaignID: campaign, receivedAt: base)
            #expect(both == [key("1"), mastodon.post.key])
            #expect(try await store.insert([assessed("1")], campaignID: "other", receivedAt: base) == [key("1")])
            #expect(try await store.count(campaignID: campaign, matching: PostQuery()) == 2)
            #expect(try await store.count(campaignID: "other", matching: PostQuery()) == 1)
        }
    }

    @Test func aLargeBatchReportsItsNewPostsInInputOrder() async throws {
        try await withStore { store in
            // Large enough to be encoded in several parallel chunks; every seventh post was stored before.
            let order = (0..<1_000).map { ($0 * 389) % 1_000 }
            let old = order.filter { $0 % 7 == 0 }
            _ = try await store.insert(old.map { assessed("\($0)") }, campaignID: campaign, receivedAt: base)
            let inserted = try await store.insert(order.map { assessed("\($0)", at: Double($0)) }, campaignID: campaign, receivedAt: base)
            #expect(inserted == order.filter { $0 % 7 != 0 }.map { key("\($0)") })
            #expect(try await store.count(campaignID: campaign, matching: PostQuery()) == 1_000)
            #expect(try await store.post(campaignID: campaign, key: key("999"))?.post.createdAt == at(999))
        }
    }

    @Test func concurrentOverlappingBatchesReportEachPostNewExactlyOnce() async throws {
        try await withStore { store in
            // Eight writers, each with 50 posts overlapping its neighbours' by half.
            let reported = try await withThrowingTaskGroup(of: [PostKey].self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        let batch = (writer * 25..<writer * 25 + 50).map { assessed("\($0)", at: Double($0)) }
                        return try await store.insert(batch, campaignID: campaign, receivedAt: base)
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(reported.count == 225)
            #expect(Set(reported).count == 225)
            #expect(try await store.count(campaignID: campaign, matching: PostQuery()) == 225)
        }
    }

    @Test func aPostAndItsAssessmentRoundTrip() async throws {
        try await withStore { store in
            let quoted = Post(
                platform: .x, nativeID: "99", author: Author(id: "7", handle: "NYPDnews", displayName: "NYPD NEWS", verified: true),
                createdAt: at(-3600), text: "Do you have a photo w/ a member of the NYPD? #myNYPD", language: "en",
                hashtags: ["#myNYPD"], media: [Media(kind: .photo, url: "https://example.com/q.jpg")])
            let post = Post(
                platform: .x, nativeID: "100", kind: .quote,
                author: Author(
                    id: "42", handle: "Occupy_Wall_St", displayName: "Occupy Wall Street ✊", followers: 201_334,
                    createdAt: Date(timeIntervalSince1970: 1_316_000_000.5), verified: false),
                createdAt: at(12.25), text: "Here's the #myNYPD photo 📸 they didn't expect — \"officers\" & <tags>", language: "en",
                hashtags: ["#myNYPD"], mentions: ["NYPDnews"], links: ["https://example.com/a?b=c&d=%20"],
                media: [
                    Media(kind: .photo, url: "https://pbs.example.com/1.jpg", altText: "a baton", key: "3_1"),
                    Media(kind: .video, url: nil, altText: nil, key: "7_2"),
                ],
                repliedToID: nil, quotedID: "99", carried: [quoted],
                metrics: PublicMetrics(reposts: 1_204, replies: 88, likes: 3_001, quotes: nil),
                origin: .stream("x-filtered", cursor: "1713800000"))
            let assessment = Assessment(
                stance: .critical, pCritical: 0.87, pSupportive: 0.03, sentiment: .negative, pSentiment: [0.81, 0.15, 0.04],
                irony: 0.62, offensive: 0.12, mentionsTarget: true,
                reasons: [
                    Assessment.Reason(head: "stance", feature: "word \"baton\"", weight: 1.5),
                    Assessment.Reason(head: "irony", feature: "emoji 📸", weight: -0.25),
                ])
            let inserted = try await store.insert(
                [AssessedPost(post: post, assessment: assessment)], campaignID: campaign, receivedAt: at(13.5))
            #expect(inserted == [post.key])

            let stored = try #require(try await store.post(campaignID: campaign, key: post.key))
            #expect(stored.post == post)
            #expect(stored.assessment == assessment)
            #expect(stored.campaignID == campaign)
            #expect(stored.moderation == .pending)
            #expect(stored.moderatedBy == nil && stored.moderatedAt == nil && stored.featuredAt == nil)
            #expect(stored.receivedAt == at(13.5))
            #expect(stored.sequence > 0)
            // The listing decodes the same row the same way.
            #expect(try await store.posts(campaignID: campaign, matching: PostQuery()) == [stored])
            #expect(try await store.post(campaignID: "other", key: post.key) == nil)
            #expect(try await store.post(campaignID: campaign, key: PostKey(platform: .bluesky, nativeID: "100")) == nil)
        }
    }

    @Test func anEmptyBatchWritesNothing() async throws {
        try await withStore { store in
            let inserted = try await store.insert([], campaignID: campaign, receivedAt: base)
            #expect(inserted == [])
            #expect(try await store.count(campaignID: campaign, matching: PostQuery()) == 0)
        }
    }

    @Test func theInMemoryStoreBehavesTheSame() async throws {
        let store = try SQLiteStore.inMemory()
        #expect(store.path == nil)
        #expect(try await store.insert([assessed("1"), assessed("1")], campaignID: campaign, receivedAt: base) == [key("1")])
        #expect(try await store.insert([assessed("1")], campaignID: campaign, receivedAt: base) == [])
        #expect(try await ids(store.posts(campaignID: campaign, matching: PostQuery())) == ["1"])
    }

    /// Insert throughput: 100 batches of 1,000 posts into a file-backed store.
    /// Run with `FIREBREAK_STORE_BENCH=1 swift test -c release --filter insertThroughput`; never asserts on speed.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FIREBREAK_STORE_BENCH"] != nil))
    func insertThroughput() async throws {
        try await withStore { store in
            let batches = (0..<100).map { batch in
                (0..<1000).map { i -> AssessedPost in
                    let n = batch * 1000 + i
                    return assessed(
                        "\(n)", Stance.allCases[n % 3], author: "author\(n % 5000)", at: Double(n) / 10,
                        text: "Post number \(n) about the #myNYPD campaign, with some ordinary words in it to be realistic.",
                        media: n % 4 == 0 ? [Media(kind: .photo, url: "https://example.com/\(n).jpg")] : [], irony: Double(n % 10) / 10)
                }
            }
            let clock = ContinuousClock()
            var inserted = 0
            let elapsed = try await clock.measure {
                for batch in batches { inserted += try await store.insert(batch, campaignID: campaign, receivedAt: base).count }
            }
            #expect(inserted == 100_000)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("insert: \(inserted) posts in \(seconds) s = \(Int(Double(inserted) / seconds)) posts/s")
        }
    }
}
