import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("X v2 decoder")
struct XV2DecoderTests {
    let decoder = XV2Decoder()

    static let longText =
        "#myNYPD cares about noise control, so they'll shoot a homeless man's dog while he's having a seizure. "
        + "This is what the photos under the hashtag look like now & nobody at @NYPDnews is answering. "
        + "Read the report and watch the video. #NYPD https://t.co/lnk2"

    func page() throws -> [Post] {
        try XFixture.decode(decoder, try XFixture.bytes("v2-page.json"), name: "v2-page.json")
    }

    func flat() throws -> [Post] {
        try XFixture.lines("v2-flat.jsonl").enumerated().flatMap { index, line in
            try XFixture.decode(decoder, line, name: "v2-flat.jsonl", record: index + 1)
        }
    }

    /// The page's five tweets in order: photo, retweet, quote, reply, GIF.
    @Test func pageReturnsEveryTweetOfData() throws {
        let posts = try page()
        #expect(
            posts.map(\.nativeID) == [
                "458650000000000002", "458650000000000004", "458650000000000005", "458650000000000006",
                "458650000000000008",
            ])
        #expect(posts.map(\.kind) == [.original, .repost, .quote, .reply, .original])
        #expect(posts.allSatisfy { $0.origin == .file("v2-page.json", record: 1) && $0.platform == .x })
    }

    @Test func pageJoinsAuthorAndMedia() throws {
        let post = try page()[0]
        #expect(post.createdAt == XFixture.april22(18, 2, 13))
        #expect(post.text == "Me and Officer Ruiz at the parade! #myNYPD @NYPDnews https://t.co/abc123 https://t.co/pic1")
        #expect(post.language == "en")
        #expect(post.hashtags == ["#myNYPD"])
        #expect(post.mentions == ["NYPDnews"])
        // The pic.twitter.com URL entity (it has a media_key) is the photo, not a link.
        #expect(post.links == ["https://www.nyc.gov/site/nypd/index.page"])
        #expect(
            post.media == [
                Media(
                    kind: .photo, url: "https://pbs.twimg.com/media/BlxAbCdCAAA1.jpg",
                    altText: "A woman smiling next to a police officer at a parade", key: "3_458650000000000900")
            ])
        #expect(post.metrics == PublicMetrics(reposts: 3, replies: 1, likes: 11, quotes: 0))
        #expect(post.author.id == "2212345678")
        #expect(post.author.handle == "queens_mom")
        #expect(post.author.displayName == "Queens Mom 🚓")
        #expect(post.author.followers == 87)
        #expect(post.author.verified == false)
        #expect(post.author.createdAt == Date(timeIntervalSince1970: 1_385_979_072))  // 2013-12-02T10:11:12Z
        #expect(post.carried.isEmpty)
    }

    @Test func pageRetweetTakesTheNoteTweetOfTheIncludedOriginal() throws {
        let post = try page()[1]
        #expect(post.kind == .repost)
        #expect(post.repostedID == "458650000000000003")
        #expect(post.author.handle == "queens_mom")
        #expect(post.text == Self.longText)
        let original = try #require(post.carried.first)
        #expect(post.carried.count == 1)
        #expect(original.nativeID == "458650000000000003")
        #expect(original.text == Self.longText)
        #expect(original.author.handle == "OccupyWallSt")
        #expect(original.author.followers == 181_554)
        #expect(original.createdAt == XFixture.april22(19, 10, 45))
        // The note tweet's own entities, not the truncated text's.
        #expect(original.hashtags == ["#myNYPD", "#NYPD"])
        #expect(original.mentions == ["NYPDnews"])
        #expect(original.links == ["https://example.org/dog-shooting-report"])
        #expect(
            original.media == [
                Media(
                    kind: .video, url: "https://pbs.twimg.com/ext_tw_video_thumb/901/pu/img/thumb.jpg", altText: nil,
                    key: "7_458650000000000901")
            ])
        #expect(original.metrics == PublicMetrics(reposts: 812, replies: 41, likes: 640, quotes: 77))
        #expect(post.hashtags == original.hashtags)
        #expect(post.media == original.media)
    }

    @Test func pageQuoteCarriesTheQuotedTweet() throws {
        let post = try page()[2]
        #expect(post.quotedID == "458650000000000001")
        #expect(post.text == "The NYPD will also help you de-tangle your hair. #myNYPD https://t.co/q5")
        #expect(post.links == ["https://twitter.com/NYPDnews/status/458650000000000001"])
        let quoted = try #require(post.carried.first)
        #expect(quoted.nativeID == "458650000000000001")
        #expect(quoted.author.handle == "NYPDnews")
        #expect(quoted.author.verified == true)
        #expect(quoted.createdAt == XFixture.april22(17, 55))
        #expect(quoted.text.contains("Tweet us & tag it #myNYPD"))
    }

    @Test func pageReply() throws {
        let post = try page()[3]
        #expect(post.repliedToID == "458650000000000002")
        #expect(post.quotedID == nil && post.repostedID == nil)
        #expect(post.text == "@queens_mom Thanks for the photo! Keep them coming... <3 & stay safe")
        #expect(post.language == nil)
        #expect(post.mentions == ["queens_mom"])
        #expect(post.author.handle == "NYPDnews")
        // Replied-to posts are not carried: only reposted and quoted ones are.
        #expect(post.carried.isEmpty)
    }

    @Test func authorMissingFromIncludesKeepsThePostUnderItsID() throws {
        let post = try page()[4]
        #expect(post.author == Author(id: "999000111", handle: "999000111"))
        #expect(post.hashtags == ["#NYPD", "#myNYPD"])
        #expect(
            post.media == [
                Media(kind: .gif, url: "https://pbs.twimg.com/tweet_video_thumb/gif902.jpg", altText: nil, key: "16_458650000000000902")
            ])
        #expect(post.metrics == nil)
    }

    @Test func flattenedLinesDecodeLikeThePage() throws {
        let flat = try flat()
        let page = try page()
        #expect(flat.count == 7)
        func withoutOrigin(_ post: Post) -> Post {
            var post = post
            post.origin = nil
            post.carried = post.carried.map(withoutOrigin)
            return post
        }
        // The first five lines are `twarc2 flatten` of the page: the same posts, field by field.
        for (f, p) in zip(flat.prefix(5), page) {
            #expect(withoutOrigin(f) == withoutOrigin(p), "\(f.nativeID)")
        }
        #expect(flat.enumerated().allSatisfy { $1.origin == .file("v2-flat.jsonl", record: $0 + 1) })
    }

    @Test func flattenedNoteTweet() throws {
        let post = try flat()[5]
        #expect(post.nativeID == "458650000000000003")
        #expect(post.kind == .original)
        #expect(post.text == Self.longText)
        #expect(post.hashtags == ["#myNYPD", "#NYPD"])
        #expect(post.links == ["https://example.org/dog-shooting-report"])
        #expect(post.media.map(\.key) == ["7_458650000000000901"])
        #expect(post.author.handle == "OccupyWallSt")
    }

    @Test func flattenedRetweetWhoseOriginalWasNotCollected() throws {
        let post = try flat()[6]
        #expect(post.kind == .repost)
        #expect(post.repostedID == "458640000000000000")
        #expect(post.carried.isEmpty)
        #expect(post.text == "RT @gone_user: this tweet was deleted before collection…")
    }

    /// A retweet is read as its original: with the original in full, the retweet's own cut text and entities are
    /// not used; with only the original's text, that text stands and the retweet's own entities are kept.
    @Test func retweetReadsAsItsOriginalWhateverItsOwnEntities() throws {
        let own = #""entities":{"hashtags":[{"tag":"own"}],"mentions":[{"username":"orig"}]}"#
        let full = try XFixture.decode(
            decoder,
            json: #"{"id":"10","created_at":"2014-04-22T18:00:00.000Z","text":"RT @orig: cut…",\#(own),\#(Self.user),"#
                + #""referenced_tweets":[{"type":"retweeted","id":"9","text":"the whole original #myNYPD","#
                + #""created_at":"2014-04-22T17:59:00.000Z","author":{"id":"3","username":"orig"},"#
                + #""entities":{"hashtags":[{"tag":"myNYPD"}]}}]}"#)
        #expect(full.count == 1)
        #expect(full[0].text == "the whole original #myNYPD")
        #expect(full[0].hashtags == ["#myNYPD"] && full[0].mentions.isEmpty)
        #expect(full[0].carried.map(\.nativeID) == ["9"])

        let partial = try XFixture.decode(
            decoder,
            json: #"{"id":"11","created_at":"2014-04-22T18:00:00.000Z","text":"RT @orig: cut…",\#(own),\#(Self.user),"#
                + #""referenced_tweets":[{"type":"retweeted","id":"9","text":"the whole original #myNYPD"}]}"#)
        #expect(partial[0].text == "the whole original #myNYPD")
        #expect(partial[0].hashtags == ["#own"] && partial[0].mentions == ["orig"])
        #expect(partial[0].carried.isEmpty)

        // Its own text is still required, as for any tweet.
        #expect(
            try XFixture.rejection(
                decoder,
                json: #"{"id":"12","created_at":"2014-04-22T18:00:00.000Z",\#(Self.user),"#
                    + #""referenced_tweets":[{"type":"retweeted","id":"9","text":"x","created_at":"2014-04-22T17:59:00.000Z","#
                    + #""author":{"id":"3","username":"orig"}}]}"#) == #"missing required field "text""#)
    }

    @Test func lookupPageWithOneTweetObject() throws {
        let posts = try XFixture.decode(
            decoder,
            json: #"""
                {"data":{"id":"1","text":"hello","created_at":"2014-04-22T17:55:00Z","author_id":"7"},
                 "includes":{"users":[{"id":"7","username":"seven","name":"Seven"}]}}
                """#)
        #expect(posts.count == 1)
        #expect(posts.first?.author == Author(id: "7", handle: "seven", displayName: "Seven"))
        #expect(posts.first?.createdAt == XFixture.april22(17, 55))
    }

    @Test func pagesWithoutDataAreEmpty() throws {
        let errorsOnly = #"""
            {"errors":[{"value":"1","detail":"Could not find tweet with ids: [1].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}],"__twarc":{"version":"2.14.0"}}
            """#
        #expect(try XFixture.decode(decoder, json: errorsOnly).isEmpty)
        #expect(try XFixture.decode(decoder, json: #"{"meta":{"result_count":0}}"#).isEmpty)
        #expect(try XFixture.decode(decoder, json: #"{"data":[],"meta":{"result_count":0}}"#).isEmpty)
    }

    @Test func arrayOfFlattenedTweets() throws {
        let lines = try XFixture.lines("v2-flat.jsonl")
        let array = Array("[".utf8) + lines[0] + Array(",".utf8) + lines[3] + Array("]".utf8)
        #expect(try XFixture.decode(decoder, array).map(\.kind) == [.original, .reply])
    }

    static let user = #""author":{"id":"2","username":"b"}"#

    @Test func rejectsMissingID() throws {
        #expect(
            try XFixture.rejection(decoder, json: #"{"text":"t","created_at":"2014-04-22T17:55:00.000Z",\#(Self.user)}"#)
                == #"missing required field "id""#)
    }

    @Test func rejectsMissingCreatedAt() throws {
        #expect(
            try XFixture.rejection(decoder, json: #"{"id":"1","text":"t",\#(Self.user)}"#)
                == #"missing required field "created_at""#)
    }

    @Test func rejectsUnreadableDate() throws {
        #expect(
            try XFixture.rejection(decoder, json: #"{"id":"1","text":"t","created_at":"22/04/2014",\#(Self.user)}"#)
                == #"invalid field "created_at": unreadable date "22/04/2014""#)
        #expect(
            try XFixture.rejection(decoder, json: #"{"id":"1","text":"t","created_at":"2014-13-22T17:55:00Z",\#(Self.user)}"#)
                == #"invalid field "created_at": unreadable date "2014-13-22T17:55:00Z""#)
    }

    @Test func rejectsMissingAuthor() throws {
        #expect(
            try XFixture.rejection(decoder, json: #"{"id":"1","text":"t","created_at":"2014-04-22T17:55:00.000Z"}"#)
                == #"missing required field "author_id""#)
        // twarc writes an empty author when the user was not included; without an author_id nothing is left.
        #expect(
            try XFixture.rejection(decoder, json: #"{"id":"1","text":"t","created_at":"2014-04-22T17:55:00.000Z","author":{}}"#)
                == #"missing required field "author_id""#)
    }

    @Test func rejectsMissingText() throws {
        #expect(
            try XFixture.rejection(decoder, json: #"{"id":"1","created_at":"2014-04-22T17:55:00.000Z",\#(Self.user)}"#)
                == #"missing required field "text""#)
    }

    @Test func rejectsAPageNamingTheBadTweet() throws {
        let reason = try XFixture.rejection(
            decoder,
            json: #"{"data":[{"id":"1","text":"a","created_at":"2014-04-22T17:55:00Z","author_id":"2"},{"id":"3","text":"b","author_id":"2"}]}"#
        )
        #expect(reason == #"data[1]: missing required field "created_at""#)
        #expect(
            try XFixture.rejection(decoder, json: #"{"data":"nope"}"#)
                == #"invalid field "data": expected an array of tweets or one tweet"#)
    }

    @Test func rejectsUnknownShapes() throws {
        for json in [#"{"foo":1}"#, "{}", "42", "null", #"[{"foo":1}]"#, #"["a"]"#] {
            let reason = try XFixture.rejection(decoder, json: json)
            // An array's element is named: "element 1 of 1: unknown record shape ...".
            let expected = json.hasPrefix("[") ? "element 1 of 1: unknown record shape" : "unknown record shape"
            #expect(reason?.hasPrefix(expected) == true, "\(json): \(reason ?? "accepted")")
        }
    }

    @Test func replyThatQuotesIsAReplyKeepingTheQuote() throws {
        let json = #"""
            {"data":[{"id":"5","text":"@NYPDnews look at this","created_at":"2014-04-22T19:00:00.000Z","author_id":"2",
              "referenced_tweets":[{"type":"replied_to","id":"1"},{"type":"quoted","id":"4"}]}],
             "includes":{"users":[{"id":"2","username":"b"},{"id":"3","username":"c"}],
              "tweets":[{"id":"4","text":"the photo","created_at":"2014-04-22T18:30:00.000Z","author_id":"3"}]}}
            """#
        let post = try #require(try XFixture.decode(decoder, json: json).first)
        #expect(post.kind == .reply)
        #expect(post.repliedToID == "1")
        #expect(post.quotedID == "4")
        #expect(post.carried.map(\.nativeID) == ["4"])
        #expect(post.carried.first?.author.handle == "c")
    }
}
