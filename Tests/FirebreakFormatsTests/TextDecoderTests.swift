import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Text decoder")
struct TextDecoderTests {
    let decoder = TextPostDecoder()

    func outcomes() throws -> [(record: Int, post: Post?, rejection: String?)] {
        try SocialFixture.records("text/posts.txt", framing: .lines).map { record in
            do throws(DecodeError) {
                return (record.number, try decoder.decode(record.bytes, origin: .file("posts.txt", record: record.number)), nil)
            } catch {
                return (record.number, nil, error.reason)
            }
        }
    }

    @Test func readsOnePostALineNumberedByLine() throws {
        let outcomes = try outcomes()
        // Lines 2 and 4 are blank (one CRLF, one spaces): skipped, but they keep their numbers.
        #expect(outcomes.map(\.record) == [1, 3, 5, 6, 7])
        let posts = outcomes.compactMap(\.post)
        #expect(posts.map(\.nativeID) == ["1", "3", "5", "7"])
        let first = posts[0]
        #expect(first.text == "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD.")  // CR removed
        #expect(first.platform == .unknown)
        #expect(first.author == Author(id: "unknown", handle: "unknown"))
        #expect(first.createdAt == Date(timeIntervalSince1970: 0))
        #expect(first.kind == .original)
        #expect(first.language == nil)
        #expect(first.hashtags == ["#myNYPD"])
        #expect(first.origin == .file("posts.txt", record: 1))
    }

    @Test func extractsEntitiesFromTheText() throws {
        let posts = try outcomes().compactMap(\.post)
        #expect(posts[1].mentions == ["NYPDnews"])
        #expect(posts[2].links == ["https://example.org/hair?x=1#frag"])
        #expect(posts[2].hashtags == ["#myNYPD"])  // the URL's fragment is not a hashtag
        #expect(posts[3].hashtags == ["#NYPD", "#myNYPD"])  // "#1" is a number; a@b.com is not a mention
        #expect(posts[3].mentions.isEmpty)
    }

    @Test func rejectsInvalidUTF8() throws {
        let broken = try outcomes()[3]
        #expect(broken.record == 6)
        #expect(broken.rejection == "invalid UTF-8")
    }

    @Test func takesTheStreamCursorAsIdForStreams() throws {
        let post = try decoder.decode(Array("hello".utf8), origin: .stream("stdin", cursor: "12"))
        #expect(post.nativeID == "12")
    }
}

@Suite("Text entities")
struct TextDecoderEntitiesTests {
    @Test func findsHashtags() {
        #expect(TextEntities(text: "#a #café #日本語 ＃全角 #under_score #123 #1a x#no &#35; #").hashtags == [
            "#a", "#café", "#日本語", "#全角", "#under_score", "#1a",
        ])
        #expect(TextEntities(text: "#dup and #dup again, #Dup").hashtags == ["#dup", "#Dup"])
    }

    @Test func findsMentionsOfEveryPlatformShape() {
        let e = TextEntities(text: "@jack, @user@mastodon.social and @alice.bsky.social. mail a@b.com (@paren)")
        #expect(e.mentions == ["jack", "user@mastodon.social", "alice.bsky.social", "paren"])
    }

    @Test func findsLinksWithoutTrailingPunctuation() {
        let e = TextEntities(
            text: "see https://example.org/a_(b) and (http://x.org/y). HTTPS://CAPS.example/z!? https:// nothing #tag")
        #expect(e.links == ["https://example.org/a_(b)", "http://x.org/y", "HTTPS://CAPS.example/z"])
        #expect(e.hashtags == ["#tag"])
        #expect(TextEntities(text: "https://e.org/@user/1#frag @real").mentions == ["real"])
    }
}
