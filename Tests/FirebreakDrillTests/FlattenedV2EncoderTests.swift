import Firebreak
import FirebreakDrill
import FirebreakFormats
import Foundation
import Testing

@Suite struct FlattenedV2EncoderTests {
    private let owner = Author(
        id: "55986249", handle: "NYPDnews", displayName: "NYPD NEWS", followers: 101_328,
        createdAt: Date(timeIntervalSince1970: 1_247_486_400), verified: true
    )
    private let fan = Author(id: "308327904", handle: "QueensMomDee", displayName: "Dee 😊", followers: 312)
    private let launch = Date(timeIntervalSince1970: 1_398_189_300)

    private func object(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().contains("\n") == false)
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: Any])
    }

    /// The code points `start..<end` of `text`, as X API v2 counts them.
    private func slice(_ text: String, _ entity: [String: Any]) throws -> String {
        let start = try #require(entity["start"] as? Int)
        let end = try #require(entity["end"] as? Int)
        let scalars = Array(text.unicodeScalars)
        try #require(start >= 0 && start < end && end <= scalars.count)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    @Test func everyLineOfTheStoryIsValidJSONWithEntitiesOnTheirSubstrings() throws {
        let encoder = FlattenedV2Encoder(metadata: DrillTestSupport.metadata)
        for drill in story {
            let json = try object(encoder.encode(drill.post, context: DrillTestSupport.context(drill)))
            let text = try #require(json["text"] as? String)
            #expect(json["id"] as? String == drill.post.nativeID)
            #expect(json["__twarc"] is [String: Any])
            let entities = json["entities"] as? [String: Any] ?? [:]
            let hashtags = entities["hashtags"] as? [[String: Any]] ?? []
            #expect(hashtags.count == drill.post.hashtags.count, "\(text)")
            for tag in hashtags {
                #expect(try slice(text, tag) == "#" + (tag["tag"] as? String ?? "?"))
            }
            for mention in entities["mentions"] as? [[String: Any]] ?? [] {
                #expect(try slice(text, mention).lowercased() == "@" + (mention["username"] as? String ?? "?").lowercased())
            }
            let urls = entities["urls"] as? [[String: Any]] ?? []
            #expect(urls.compactMap { $0["expanded_url"] as? String } == drill.post.links)
            for url in urls {
                #expect(try slice(text, url) == url["url"] as? String)
            }
        }
    }

    @Test func offsetsCountCodePointsNotUTF16() throws {
        let text = "Ünïcode 😀👮🏽 #myNYPD @NYPDnews see http://t.co/AbCdEfGhIj!"
        let post = Post(
            platform: .x, nativeID: "1", author: fan, createdAt: launch, text: text, hashtags: ["#myNYPD"],
            mentions: ["NYPDnews"], links: ["http://gothamist.com/2014/04/22/nypd_twitter_campaign.php"]
        )
        let json = try object(FlattenedV2Encoder().encode(post, context: .init(knownUsers: [owner])))
        let entities = try #require(json["entities"] as? [String: Any])
        let tag = try #require((entities["hashtags"] as? [[String: Any]])?.first)
        // 8 scalars of "Ünïcode ", then 😀, 👮, 🏽 and a space: the hashtag starts at code point 12.
        #expect(tag["start"] as? Int == 12)
        #expect(tag["end"] as? Int == 19)
        #expect(tag["tag"] as? String == "myNYPD")
        let mention = try #require((entities["mentions"] as? [[String: Any]])?.first)
        #expect(try slice(text, mention) == "@NYPDnews")
        #expect(mention["id"] as? String == "55986249")
        let url = try #require((entities["urls"] as? [[String: Any]])?.first)
        #expect(try slice(text, url) == "http://t.co/AbCdEfGhIj")
        #expect(url["display_url"] as? String == "gothamist.com/2014/04/22/n…")
    }

    @Test func escapesQuotesNewlinesControlsAndEmoji() throws {
        let text = "She said \"tag it\" \\ then\nleft\ttab \u{01}\u{1F}\u{7F} 😀 caf\u{E9} \u{2028}end"
        let post = Post(platform: .x, nativeID: "2", author: fan, createdAt: launch, text: text)
        for style in [FlattenedV2Encoder.Style.twarc, .compact] {
            let line = FlattenedV2Encoder(style: style).encode(post)
            let json = try object(line)
            #expect(json["text"] as? String == text)
            #expect(line.contains("\\\"tag it\\\""))
            #expect(line.contains("\\n") && line.contains("\\t") && line.contains("\\u0001") && line.contains("\\u001f"))
            if style == .twarc {
                #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
                #expect(line.contains("\\ud83d\\ude00") && line.contains("caf\\u00e9") && line.contains("\\u007f"))
                #expect(line.hasPrefix("{\"id\": \"2\", \"text\": "))
            } else {
                #expect(line.contains("😀"))
                #expect(line.hasPrefix("{\"id\":\"2\",\"text\":"))
            }
        }
    }

    @Test func repostReadsAsRetweetWithTheOriginalInlined() throws {
        let original = Post(
            platform: .x, nativeID: "10", author: owner, createdAt: launch, text: MyNYPDStory.brief, language: "en",
            hashtags: ["#myNYPD"], metrics: PublicMetrics(reposts: 9, replies: 1, likes: 12, quotes: 0)
        )
        let repost = Post(
            platform: .x, nativeID: "11", kind: .repost, author: fan, createdAt: launch.addingTimeInterval(60),
            text: original.text, language: "en", hashtags: original.hashtags, repostedID: "10", carried: [original]
        )
        let json = try object(FlattenedV2Encoder().encode(repost))
        let text = try #require(json["text"] as? String)
        #expect(text == "RT @NYPDnews: " + MyNYPDStory.brief)
        #expect(json["conversation_id"] as? String == "11")
        let reference = try #require((json["referenced_tweets"] as? [[String: Any]])?.first)
        #expect(reference["type"] as? String == "retweeted")
        #expect(reference["id"] as? String == "10")
        #expect(reference["text"] as? String == MyNYPDStory.brief)
        #expect((reference["author"] as? [String: Any])?["username"] as? String == "NYPDnews")
        #expect((reference["public_metrics"] as? [String: Any])?["retweet_count"] as? Int == 9)
        let entities = try #require(json["entities"] as? [String: Any])
        let mention = try #require((entities["mentions"] as? [[String: Any]])?.first)
        #expect(mention["start"] as? Int == 3 && mention["end"] as? Int == 12)
        #expect(mention["id"] as? String == "55986249")
        let tag = try #require((entities["hashtags"] as? [[String: Any]])?.first)
        #expect(try slice(text, tag) == "#myNYPD")
    }

    @Test func replyCarriesItsThreadAndPhotoItsMedia() throws {
        let reply = Post(
            platform: .x, nativeID: "21", kind: .reply, author: owner, createdAt: launch.addingTimeInterval(400),
            text: "@QueensMomDee \(MyNYPDStory.thanks)", mentions: ["QueensMomDee"],
            media: [Media(kind: .photo, url: "https://pbs.twimg.com/media/x.jpg", altText: "An officer", key: "3_5")],
            repliedToID: "20"
        )
        let json = try object(
            FlattenedV2Encoder().encode(reply, context: .init(conversationID: "19", inReplyToUser: fan))
        )
        #expect(json["conversation_id"] as? String == "19")
        #expect(json["in_reply_to_user_id"] as? String == "308327904")
        #expect((json["in_reply_to_user"] as? [String: Any])?["username"] as? String == "QueensMomDee")
        let reference = try #require((json["referenced_tweets"] as? [[String: Any]])?.first)
        #expect(reference["type"] as? String == "replied_to" && reference["id"] as? String == "20")
        let attachments = try #require(json["attachments"] as? [String: Any])
        #expect(attachments["media_keys"] as? [String] == ["3_5"])
        let media = try #require((attachments["media"] as? [[String: Any]])?.first)
        #expect(media["type"] as? String == "photo" && media["alt_text"] as? String == "An officer")
        #expect(json["author"] is [String: Any])
        #expect(json["__twarc"] == nil)
    }

    @Test func timestampsAreRFC3339WithMilliseconds() {
        #expect(FlattenedV2Encoder.timestamp(launch) == "2014-04-22T17:55:00.000Z")
        #expect(FlattenedV2Encoder.timestamp(Date(timeIntervalSince1970: 1_456_790_399.999)) == "2016-02-29T23:59:59.999Z")
        #expect(FlattenedV2Encoder.timestamp(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(FlattenedV2Encoder.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }
}
