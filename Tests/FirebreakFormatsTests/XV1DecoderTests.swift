import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("X v1.1 decoder")
struct XV1DecoderTests {
    let decoder = XV1Decoder()

    /// The posts of each line of `v1-statuses.jsonl`, in order (notices give empty arrays).
    func statuses() throws -> [[Post]] {
        try XFixture.lines("v1-statuses.jsonl").enumerated().map { index, line in
            try XFixture.decode(decoder, line, name: "v1-statuses.jsonl", record: index + 1)
        }
    }

    @Test func launchTweet() throws {
        let posts = try statuses()[0]
        #expect(posts.count == 1)
        let post = try #require(posts.first)
        #expect(post.platform == .x)
        #expect(post.nativeID == "458650000000000001")
        #expect(post.kind == .original)
        #expect(post.createdAt == XFixture.april22(17, 55))
        // `&amp;` in X's text is undone once.
        #expect(
            post.text
                == "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD. It may be featured on our Facebook.")
        #expect(post.language == "en")
        #expect(post.hashtags == ["#myNYPD"])
        #expect(post.mentions.isEmpty)
        #expect(post.links.isEmpty)
        #expect(post.media.isEmpty)
        #expect(post.repliedToID == nil && post.quotedID == nil && post.repostedID == nil)
        #expect(post.carried.isEmpty)
        #expect(post.metrics == PublicMetrics(reposts: 9000, replies: 300, likes: 1200, quotes: 150))
        #expect(post.origin == .file("v1-statuses.jsonl", record: 1))
        #expect(post.author.id == "19497871")
        #expect(post.author.handle == "NYPDnews")
        #expect(post.author.displayName == "NYPD NEWS")
        #expect(post.author.followers == 171_305)
        #expect(post.author.verified == true)
        // Sun Jan 25 19:35:11 +0000 2009
        #expect(post.author.createdAt == Date(timeIntervalSince1970: 1_232_912_111))
    }

    @Test func photoTweetWithEntitiesAndExtendedMedia() throws {
        let post = try #require(try statuses()[1].first)
        #expect(post.nativeID == "458650000000000002")
        #expect(post.createdAt == XFixture.april22(18, 2, 13))
        #expect(post.hashtags == ["#myNYPD"])
        #expect(post.mentions == ["NYPDnews"])
        #expect(post.links == ["https://www.nyc.gov/site/nypd/index.page"])
        // The alt text is only in `extended_entities`, which is preferred over `entities.media`.
        #expect(
            post.media == [
                Media(
                    kind: .photo, url: "https://pbs.twimg.com/media/BlxAbCdCAAA1.jpg",
                    altText: "A woman smiling next to a police officer at a parade", key: "458650000000000900")
            ])
        #expect(post.author.handle == "queens_mom")
        #expect(post.author.displayName == "Queens Mom 🚓")
        #expect(post.author.followers == 87)
        #expect(post.author.verified == false)
        // Retweet and favourite counts only: the others are absent, not zero.
        #expect(post.metrics == PublicMetrics(reposts: 3, replies: nil, likes: 11, quotes: nil))
    }

    @Test func extendedTweetReadsFullTextAndItsEntities() throws {
        let post = try #require(try statuses()[2].first)
        #expect(post.nativeID == "458650000000000003")
        #expect(post.text.hasPrefix("#myNYPD cares about noise control"))
        #expect(post.text.hasSuffix("nobody at @NYPDnews is answering. #NYPD https://t.co/lnk2 https://t.co/vid1"))
        #expect(post.text.contains(" now & nobody"))
        #expect(!post.text.contains("…"))
        #expect(post.hashtags == ["#myNYPD", "#NYPD"])
        #expect(post.mentions == ["NYPDnews"])
        // The truncated text's `twitter.com/i/web` link is not one the author wrote.
        #expect(post.links == ["https://example.org/dog-shooting-report"])
        #expect(
            post.media == [
                Media(
                    kind: .video, url: "https://pbs.twimg.com/ext_tw_video_thumb/901/pu/img/thumb.jpg", altText: nil,
                    key: "458650000000000901")
            ])
        #expect(post.author.handle == "OccupyWallSt")
        #expect(post.metrics == PublicMetrics(reposts: 812, replies: 41, likes: 640, quotes: 77))
    }

    @Test func retweetTakesTheOriginalsTextAndCarriesIt() throws {
        let post = try #require(try statuses()[3].first)
        #expect(post.nativeID == "458650000000000004")
        #expect(post.kind == .repost)
        #expect(post.repostedID == "458650000000000003")
        #expect(post.quotedID == nil && post.repliedToID == nil)
        #expect(post.author.handle == "queens_mom")
        #expect(post.createdAt == XFixture.april22(19, 20))
        let original = try #require(post.carried.first)
        #expect(post.carried.count == 1)
        #expect(original.nativeID == "458650000000000003")
        #expect(original.author.handle == "OccupyWallSt")
        #expect(original.kind == .original)
        #expect(original.origin == post.origin)
        #expect(post.text == original.text)
        #expect(!post.text.hasPrefix("RT @"))
        #expect(post.hashtags == ["#myNYPD", "#NYPD"])
        #expect(post.links == ["https://example.org/dog-shooting-report"])
        #expect(post.media.map(\.kind) == [.video])
        #expect(post.metrics == PublicMetrics(reposts: 0, likes: 0))
    }

    @Test func quoteCarriesTheQuotedStatus() throws {
        let post = try #require(try statuses()[4].first)
        #expect(post.kind == .quote)
        #expect(post.quotedID == "458650000000000001")
        #expect(post.repostedID == nil)
        // `full_text` (tweet_mode=extended) is read when there is no `text`.
        #expect(post.text == "The NYPD will also help you de-tangle your hair. #myNYPD https://t.co/q5")
        #expect(post.links == ["https://twitter.com/NYPDnews/status/458650000000000001"])
        let quoted = try #require(post.carried.first)
        #expect(quoted.nativeID == "458650000000000001")
        #expect(quoted.author.handle == "NYPDnews")
        #expect(quoted.createdAt == XFixture.april22(17, 55))
    }

    @Test func replyKeepsTheRepliedToIDAndUndoesEntities() throws {
        let post = try #require(try statuses()[5].first)
        #expect(post.kind == .reply)
        #expect(post.repliedToID == "458650000000000002")
        #expect(post.text == "@queens_mom Thanks for the photo! Keep them coming... <3 & stay safe")
        #expect(post.mentions == ["queens_mom"])
        // `und` is X's "undetermined".
        #expect(post.language == nil)
        #expect(post.author.handle == "NYPDnews")
    }

    @Test func streamNoticesAreNotPostsNorErrors() throws {
        let all = try statuses()
        #expect(all.count == 8)
        #expect(all[6].isEmpty)  // delete
        #expect(all[7].isEmpty)  // limit
        for notice in [
            #"{"scrub_geo":{"user_id":1,"user_id_str":"1","up_to_status_id":2,"up_to_status_id_str":"2"}}"#,
            #"{"status_withheld":{"id":1,"user_id":2,"withheld_in_countries":["DE"]}}"#,
            #"{"user_withheld":{"id":2,"withheld_in_countries":["DE"]}}"#,
            #"{"disconnect":{"code":4,"stream_name":"x","reason":"stall"}}"#,
            #"{"warning":{"code":"FALLING_BEHIND","message":"behind","percent_full":60}}"#,
        ] {
            #expect(try XFixture.decode(decoder, json: notice).isEmpty, "\(notice)")
        }
    }

    @Test func arrayOfStatuses() throws {
        let posts = try XFixture.decode(decoder, try XFixture.bytes("v1-array.json"), name: "v1-array.json")
        #expect(posts.map(\.nativeID) == ["458650000000000001", "458650000000000006"])
        #expect(posts.map(\.kind) == [.original, .reply])
        #expect(posts[1].text == "@queens_mom Thanks for the photo! Keep them coming... <3 & stay safe")
    }

    @Test func numericIDWhenThereIsNoIDString() throws {
        let posts = try XFixture.decode(
            decoder,
            json: #"{"id":123456789012345678,"created_at":"Tue Apr 22 17:55:00 +0000 2014","text":"hi","user":{"id":42,"screen_name":"a"}}"#
        )
        #expect(posts.first?.nativeID == "123456789012345678")
        #expect(posts.first?.author == Author(id: "42", handle: "a"))
        #expect(posts.first?.metrics == nil)
        #expect(posts.first?.language == nil)
    }

    @Test func escapedKeysAreReadLikePlainOnes() throws {
        let posts = try XFixture.decode(
            decoder,
            json: #"{"id_str":"1","created_at":"Tue Apr 22 17:55:00 +0000 2014","te\u0078t":"caf\u00e9","user":{"id_str":"2","screen_name":"b"}}"#
        )
        #expect(posts.first?.text == "café")
    }

    static let good = #""id_str":"1","created_at":"Tue Apr 22 17:55:00 +0000 2014","text":"t""#
    static let user = #""user":{"id_str":"2","screen_name":"b"}"#

    @Test func rejectsMissingID() throws {
        let reason = try XFixture.rejection(
            decoder, json: #"{"created_at":"Tue Apr 22 17:55:00 +0000 2014","text":"t",\#(Self.user)}"#)
        #expect(reason == #"missing required field "id_str""#)
        // A null id is no id.
        let nullID = try XFixture.rejection(
            decoder, json: #"{"id_str":null,"id":null,"created_at":"Tue Apr 22 17:55:00 +0000 2014","text":"t",\#(Self.user)}"#)
        #expect(nullID == #"missing required field "id_str""#)
    }

    @Test func rejectsMissingCreatedAt() throws {
        let reason = try XFixture.rejection(decoder, json: #"{"id_str":"1","text":"t",\#(Self.user)}"#)
        #expect(reason == #"missing required field "created_at""#)
    }

    @Test func rejectsUnreadableDate() throws {
        let reason = try XFixture.rejection(
            decoder, json: #"{"id_str":"1","created_at":"2014-04-22 17:55","text":"t",\#(Self.user)}"#)
        #expect(reason == #"invalid field "created_at": unreadable date "2014-04-22 17:55""#)
        let number = try XFixture.rejection(decoder, json: #"{"id_str":"1","created_at":1398189300,"text":"t",\#(Self.user)}"#)
        #expect(number == #"invalid field "created_at": unreadable date of type number"#)
        // A year of nineteen digits once crashed the run (the day count overflowed); now it is one rejected record.
        let year = try XFixture.rejection(
            decoder, json: #"{"id_str":"1","created_at":"Tue Apr 22 17:55:00 +0000 9223372036854775807","text":"t",\#(Self.user)}"#)
        #expect(year == #"invalid field "created_at": unreadable date "Tue Apr 22 17:55:00 +0000 9223372036854775807""#)
    }

    @Test func rejectsMissingUser() throws {
        #expect(try XFixture.rejection(decoder, json: "{\(Self.good)}") == #"missing required field "user""#)
        #expect(try XFixture.rejection(decoder, json: #"{\#(Self.good),"user":null}"#) == #"missing required field "user""#)
        #expect(
            try XFixture.rejection(decoder, json: #"{\#(Self.good),"user":{"name":"No Id"}}"#)
                == #"missing required field "user.id_str""#)
    }

    @Test func rejectsMissingText() throws {
        let reason = try XFixture.rejection(
            decoder, json: #"{"id_str":"1","created_at":"Tue Apr 22 17:55:00 +0000 2014",\#(Self.user)}"#)
        #expect(reason == #"missing required field "text""#)
    }

    @Test func rejectsUnknownShapes() throws {
        for json in [#"{"foo":1}"#, "{}", "42", #""text""#, "null", #"[{"foo":1}]"#, "[1]"] {
            let reason = try XFixture.rejection(decoder, json: json)
            // An array's element is named: "status 1 of 1: unknown record shape ...".
            let expected = json.hasPrefix("[") ? "status 1 of 1: unknown record shape" : "unknown record shape"
            #expect(reason?.hasPrefix(expected) == true, "\(json): \(reason ?? "accepted")")
        }
        // A v2 flattened tweet is not a v1.1 status: no `user`.
        let v2 = try XFixture.rejection(
            decoder, json: #"{"id":"1","text":"t","created_at":"2014-04-22T17:55:00.000Z","author_id":"2"}"#)
        #expect(v2 != nil)
    }

    @Test func aBadCarriedStatusDoesNotRejectTheRetweet() throws {
        let posts = try XFixture.decode(
            decoder,
            json: #"{\#(Self.good),\#(Self.user),"retweeted_status":{"id_str":"9","text":"no date"}}"#)
        #expect(posts.first?.kind == .repost)
        #expect(posts.first?.repostedID == "9")
        #expect(posts.first?.carried.isEmpty == true)
        #expect(posts.first?.text == "t")
    }

    @Test func retweetOfAQuoteCarriesBothLevels() throws {
        let quoted = #"{"id_str":"1","created_at":"Tue Apr 22 17:55:00 +0000 2014","text":"launch","user":{"id_str":"10","screen_name":"NYPDnews"}}"#
        let quote =
            #"{"id_str":"2","created_at":"Tue Apr 22 18:00:00 +0000 2014","text":"so it begins","is_quote_status":true,"quoted_status_id_str":"1","quoted_status":\#(quoted),"user":{"id_str":"20","screen_name":"critic"}}"#
        // X repeats the quoted status on the retweet itself; it belongs to the original and is carried there.
        let retweet =
            #"{"id_str":"3","created_at":"Tue Apr 22 18:05:00 +0000 2014","text":"RT @critic: so it begins","retweeted_status":\#(quote),"quoted_status_id_str":"1","quoted_status":\#(quoted),"user":{"id_str":"30","screen_name":"fan"}}"#
        let post = try #require(try XFixture.decode(decoder, json: retweet).first)
        #expect(post.kind == .repost)
        #expect(post.repostedID == "2")
        #expect(post.quotedID == nil)
        #expect(post.text == "so it begins")
        #expect(post.carried.map(\.nativeID) == ["2"])
        let original = try #require(post.carried.first)
        #expect(original.kind == .quote)
        #expect(original.quotedID == "1")
        #expect(original.carried.map(\.nativeID) == ["1"])
        #expect(original.carried.first?.carried.isEmpty == true)
    }
}
