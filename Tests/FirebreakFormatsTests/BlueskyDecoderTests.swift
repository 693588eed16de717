import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Bluesky decoder")
struct BlueskyDecoderTests {
    let decoder = BlueskyDecoder()

    static let alice = "did:plc:alice2w6xyzq4n7ds5vpcuwu"
    static let nypd = "did:plc:nypdnews7ytk3mvb5tghfzbn"
    static let cop = "did:plc:copwatch2gy4xp6yh5q7zvxl"

    @Test func readsAJetstreamPostFieldByField() throws {
        let outcomes = try SocialFixture.decode(decoder, "bluesky/jetstream.jsonl")
        let post = try #require(outcomes[0].posts.first)
        #expect(post.platform == .bluesky)
        #expect(post.nativeID == "at://\(Self.alice)/app.bsky.feed.post/3kpost000001")
        #expect(post.author == Author(id: Self.alice, handle: Self.alice))
        #expect(post.createdAt == SocialFixture.time("2014-04-22T18:02:03.123Z"))
        #expect(post.text == "📸 Great day with @nypd.bsky.social officers! #myNYPD https://example.org/p/1")
        #expect(post.language == "en")
        #expect(post.hashtags == ["#myNYPD"])
        // The mention's byte range starts after a four-byte emoji: the handle is cut from UTF-8 offsets.
        #expect(post.mentions == ["nypd.bsky.social"])
        #expect(post.links == ["https://example.org/p/1"])
        #expect(post.kind == .reply)
        #expect(post.repliedToID == "at://\(Self.nypd)/app.bsky.feed.post/3kparent0000")
        #expect(
            post.media == [
                Media(kind: .photo, url: nil, altText: "Me and two officers", key: "bafkreiimageone"),
                Media(kind: .photo, url: nil, altText: nil, key: "bafkreilegacyblob"),
            ])
        #expect(post.metrics == nil)
        #expect(post.origin == .file("bluesky/jetstream.jsonl", record: 1))
    }

    @Test func readsJetstreamQuoteWithMediaAndExternalLinks() throws {
        let outcomes = try SocialFixture.decode(decoder, "bluesky/jetstream.jsonl")
        let quote = try #require(outcomes[1].posts.first)
        #expect(quote.kind == .quote)
        #expect(quote.quotedID == "at://\(Self.nypd)/app.bsky.feed.post/3klaunch0000")
        #expect(quote.carried.isEmpty)  // a record holds only a reference to what it quotes
        #expect(quote.hashtags == ["#myNYPD", "#police"])  // facet tag, then the outline tags without repeats
        #expect(quote.media == [Media(kind: .video, url: nil, altText: "crowd video", key: "bafkreivideo")])

        let external = try #require(outcomes[2].posts.first)
        #expect(external.links == ["https://news.example/mynypd"])
        #expect(external.language == nil)
        #expect(external.kind == .original)
        // This record has no createdAt: the relay's time_us stands in.
        #expect(external.createdAt == Date(timeIntervalSince1970: 1_398_196_800))
    }

    @Test func ignoresDeletesOtherCollectionsAndNonCommitEvents() throws {
        let outcomes = try SocialFixture.decode(decoder, "bluesky/jetstream.jsonl")
        #expect(outcomes.count == 7)
        #expect(outcomes.allSatisfy { $0.rejection == nil })
        #expect(outcomes[3...].allSatisfy { $0.posts.isEmpty })
    }

    @Test func everyFixtureRecordIsSniffedAsBluesky() throws {
        for (name, framing) in [
            ("bluesky/jetstream.jsonl", RecordFraming.lines), ("bluesky/post-views.jsonl", .lines),
            ("bluesky/search-posts.json", .jsonValues), ("bluesky/post-thread.json", .jsonValues),
        ] {
            for record in try SocialFixture.records(name, framing: framing) {
                let root = try JSONDocument(parsing: record.bytes).root
                #expect(FormatSniffer.format(of: root) == .bluesky, "\(name):\(record.number)")
            }
        }
    }

    @Test func readsSearchPostsViews() throws {
        let posts = try SocialFixture.posts(decoder, "bluesky/search-posts.json", framing: .jsonValues)
        #expect(posts.count == 3)
        let first = posts[0]
        #expect(first.nativeID == "at://\(Self.alice)/app.bsky.feed.post/3kpost000001")
        #expect(first.author.handle == "alice.bsky.social")
        #expect(first.author.displayName == "Alice")
        #expect(first.author.createdAt == SocialFixture.time("2023-05-01T00:00:00Z"))
        #expect(first.author.verified == true)
        #expect(first.metrics == PublicMetrics(reposts: 2, replies: 1, likes: 30, quotes: 4))
        #expect(first.mentions == ["nypd.bsky.social"])
        // The view's URLs are matched to the record's blob ids image by image.
        #expect(
            first.media == [
                Media(
                    kind: .photo, url: "https://cdn.bsky.app/img/feed_fullsize/plain/\(Self.alice)/bafkreiimageone@jpeg",
                    altText: "Me and two officers", key: "bafkreiimageone"),
                Media(
                    kind: .photo, url: "https://cdn.bsky.app/img/feed_fullsize/plain/\(Self.alice)/bafkreilegacyblob@jpeg",
                    altText: nil, key: "bafkreilegacyblob"),
            ])

        let quote = posts[1]
        #expect(quote.kind == .quote)
        #expect(quote.author.verified == nil)
        #expect(quote.quotedID == "at://\(Self.nypd)/app.bsky.feed.post/3klaunch0000")
        #expect(
            quote.media == [
                Media(
                    kind: .video, url: "https://video.bsky.app/watch/\(Self.cop)/bafkreivideo/playlist.m3u8",
                    altText: "crowd video", key: "bafkreivideo")
            ])
        let carried = try #require(quote.carried.first)
        #expect(carried.nativeID == "at://\(Self.nypd)/app.bsky.feed.post/3klaunch0000")
        #expect(carried.author.handle == "nypd.bsky.social")
        #expect(carried.text == "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD.")
        #expect(carried.hashtags == ["#myNYPD"])
        #expect(carried.createdAt == SocialFixture.time("2014-04-22T17:55:00Z"))
        #expect(carried.metrics == PublicMetrics(reposts: 50, replies: 300, likes: 10, quotes: 900))

        let link = posts[2]
        #expect(link.links == ["https://news.example/mynypd"])
        #expect(link.createdAt == SocialFixture.time("2014-04-22T20:00:00Z"))
    }

    @Test func readsBarePostViewsOneALine() throws {
        let posts = try SocialFixture.posts(decoder, "bluesky/post-views.jsonl")
        #expect(
            posts.map(\.nativeID) == [
                "at://\(Self.alice)/app.bsky.feed.post/3kpost000001", "at://\(Self.cop)/app.bsky.feed.post/3kpost000002",
            ])
        #expect(posts.map { $0.origin } == [.file("bluesky/post-views.jsonl", record: 1), .file("bluesky/post-views.jsonl", record: 2)])
    }

    @Test func readsEveryPostOfAThread() throws {
        let outcomes = try SocialFixture.decode(decoder, "bluesky/post-thread.json", framing: .jsonValues)
        #expect(outcomes.count == 1)
        let posts = outcomes[0].posts
        // Ancestors from the root down, the post, then replies depth first; not-found and blocked replies are skipped.
        #expect(
            posts.map { $0.nativeID.split(separator: "/").last.map(String.init) ?? "" } == [
                "3klaunch0000", "3kmid0000000", "3kthanks0000", "3kreply10000", "3kreply1a000", "3kreply20000",
            ])
        #expect(posts.map(\.kind) == [.original, .reply, .reply, .reply, .reply, .reply])
        #expect(posts[2].text == "Thanks for the photo! Keep them coming...")
        #expect(posts[2].repliedToID == "at://\(Self.alice)/app.bsky.feed.post/3kmid0000000")
        #expect(posts[4].repliedToID == "at://\(Self.cop)/app.bsky.feed.post/3kreply10000")
    }

    @Test func rejectsEachBrokenRecordWithItsReason() throws {
        let outcomes = try SocialFixture.decode(decoder, "bluesky/rejects.jsonl")
        #expect(
            outcomes.map(\.rejection) == [
                "missing required field \"uri\"",
                "missing required field \"author\"",
                "missing required field \"record.createdAt\"",
                "invalid field \"record.createdAt\": not an ISO 8601 time: 22/04/2014",
                "missing required field \"commit.record.createdAt\"",
                "missing required field \"did\"",
                "missing required field \"commit.record\"",
                "unknown record shape: expected a Jetstream event, an app.bsky.feed.defs#postView, a searchPosts page or a getPostThread response (keys: \"hello\")",
                "unknown record shape: expected a Bluesky object, found a JSON string",
                "post 2 of 2: missing required field \"author\"",
            ])
    }

    @Test func readsTheFeedItemsOfAFeedPage() throws {
        let json = """
            {"cursor":"x","feed":[{"post":{"uri":"at://did:plc:a/app.bsky.feed.post/1","cid":"c","author":{"did":"did:plc:a",
            "handle":"a.bsky.social"},"record":{"text":"one","createdAt":"2014-04-22T18:00:00Z"},"indexedAt":"2014-04-22T18:00:01Z"},
            "reason":{"$type":"app.bsky.feed.defs#reasonRepost","by":{"did":"did:plc:b","handle":"b.bsky.social"}}},
            {"post":{"uri":"at://did:plc:a/app.bsky.feed.post/2","cid":"d","author":{"did":"did:plc:a","handle":"a.bsky.social"},
            "record":{"text":"two"},"indexedAt":"2014-04-22T18:05:00Z"}}]}
            """
        #expect(FormatSniffer.format(of: try JSONDocument(parsing: Array(json.utf8)).root) == .bluesky)
        let posts = try SocialFixture.posts(decoder, json: json)
        #expect(posts.map(\.text) == ["one", "two"])
        #expect(posts[1].createdAt == SocialFixture.time("2014-04-22T18:05:00Z"))  // no createdAt: indexedAt stands in
        #expect(posts.allSatisfy { $0.author.handle == "a.bsky.social" })
    }

    @Test func facetsOutsideTheTextFallBackToTheDID() throws {
        let json = """
            {"did":"did:plc:x","time_us":1398189723500000,"kind":"commit","commit":{"operation":"create",
            "collection":"app.bsky.feed.post","rkey":"r","record":{"text":"hi @a","createdAt":"2014-04-22T18:00:00Z",
            "facets":[{"index":{"byteStart":3,"byteEnd":40},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:a"}]},
            {"index":{"byteStart":1,"byteEnd":2},"features":[{"$type":"app.bsky.richtext.facet#unknown"}]}]}}}
            """
        let posts = try SocialFixture.posts(decoder, json: json)
        #expect(posts.first?.mentions == ["did:plc:a"])
    }

    @Test func quotingAFeedIsNotAQuote() throws {
        let json = """
            {"did":"did:plc:x","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post",
            "rkey":"r","record":{"text":"try this feed","createdAt":"2014-04-22T18:00:00Z","embed":{"$type":"app.bsky.embed.record",
            "record":{"uri":"at://did:plc:y/app.bsky.feed.generator/cops","cid":"c"}}}}}
            """
        let post = try #require(try SocialFixture.posts(decoder, json: json).first)
        #expect(post.kind == .original)
        #expect(post.quotedID == nil)
    }

    @Test func aTimeBeforeAnyPlatformIsNotTakenWhenTheOtherIsKnown() throws {
        let seen = Date(timeIntervalSince1970: 1_398_189_723.5)
        let declared = Date(timeIntervalSince1970: 1_398_189_600)
        #expect(BlueskyDecoder.eventTime(declared: Date(timeIntervalSince1970: -62_135_596_800), seen: seen) == seen)  // year 1
        #expect(BlueskyDecoder.eventTime(declared: declared, seen: Date(timeIntervalSince1970: 0.000001)) == declared)
        #expect(BlueskyDecoder.eventTime(declared: declared, seen: seen) == declared)
        // With neither time plausible, the post is rejected.
        let json = """
            {"did":"did:plc:x","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post",
            "rkey":"r","record":{"text":"hi","createdAt":"0001-01-01T00:00:00Z"}}}
            """
        #expect(throws: DecodeError.self) { try SocialFixture.posts(decoder, json: json) }
    }

    @Test func aPostDatedAheadOfTheNetworkTakesTheTimeTheNetworkSawIt() throws {
        // time_us 1398189723500000 is 2014-04-22T18:02:03.5Z; any client may write any createdAt.
        func jetstream(_ createdAt: String) -> String {
            """
            {"did":"did:plc:x","time_us":1398189723500000,"kind":"commit","commit":{"operation":"create",
            "collection":"app.bsky.feed.post","rkey":"r","record":{"text":"#myNYPD","createdAt":"\(createdAt)"}}}
            """
        }
        let relayed = SocialFixture.time("2014-04-22T18:02:03.500Z")
        #expect(try SocialFixture.posts(decoder, json: jetstream("9999-12-31T23:59:59Z")).first?.createdAt == relayed)
        #expect(try SocialFixture.posts(decoder, json: jetstream("2014-04-22T18:30:00Z")).first?.createdAt == relayed)
        // Earlier than the relay (the usual few hundred milliseconds, or an imported old post): the declared time.
        let declared = SocialFixture.time("2014-04-22T18:02:03.100Z")
        #expect(try SocialFixture.posts(decoder, json: jetstream("2014-04-22T18:02:03.100Z")).first?.createdAt == declared)
        #expect(
            try SocialFixture.posts(decoder, json: jetstream("2009-01-01T00:00:00Z")).first?.createdAt == SocialFixture.time("2009-01-01T00:00:00Z"))

        // A post view: the app view's indexedAt bounds it the same way.
        let view = """
            {"uri":"at://did:plc:x/app.bsky.feed.post/v","cid":"c","author":{"did":"did:plc:x","handle":"x.bsky.social"},
            "record":{"$type":"app.bsky.feed.post","text":"#myNYPD","createdAt":"2030-01-01T00:00:00Z"},"indexedAt":"2014-04-22T19:00:00.000Z"}
            """
        #expect(try SocialFixture.posts(decoder, json: view).first?.createdAt == SocialFixture.time("2014-04-22T19:00:00Z"))
    }
}
