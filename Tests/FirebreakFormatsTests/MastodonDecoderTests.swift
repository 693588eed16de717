import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Mastodon decoder")
struct MastodonDecoderTests {
    let decoder = MastodonDecoder()

    func statuses() throws -> [Post] { try SocialFixture.posts(decoder, "mastodon/statuses.jsonl") }

    @Test func readsAStatusFieldByField() throws {
        let post = try statuses()[0]
        #expect(post.platform == .mastodon)
        #expect(post.nativeID == "111111")
        #expect(post.kind == .original)
        #expect(post.createdAt == SocialFixture.time("2014-04-22T18:05:12Z"))
        #expect(post.origin == .file("mastodon/statuses.jsonl", record: 1))
        #expect(
            post.text
                == "Thanks for the photo, @NYPDnews! Great day & great people <3 #myNYPD\n\nMore: https://example.org/gallery?a=1&b=2\nLine two 'quoted' 😀 …"
        )
        #expect(post.language == "en")
        #expect(post.hashtags == ["#myNYPD"])
        #expect(post.mentions == ["NYPDnews"])
        // The mention and hashtag anchors are not links; the card repeats the content's link and is kept once.
        #expect(post.links == ["https://example.org/gallery?a=1&b=2"])
        #expect(
            post.media == [
                Media(
                    kind: .photo,
                    url: "https://files.mastodon.social/media_attachments/files/022/345/792/original/57859aede991da25.jpeg",
                    altText: "Two officers smiling with a child", key: "22345792")
            ])
        #expect(post.metrics == PublicMetrics(reposts: 5, replies: 2, likes: 17, quotes: 1))
        #expect(post.repliedToID == nil && post.quotedID == nil && post.repostedID == nil && post.carried.isEmpty)
        #expect(post.author.id == "109")
        #expect(post.author.handle == "friendlycop")
        #expect(post.author.displayName == "Friendly Cop")
        #expect(post.author.followers == 1200)
        #expect(post.author.createdAt == SocialFixture.time("2014-04-01T00:00:00Z"))
        #expect(post.author.verified == nil)
    }

    @Test func readsAReplyWithContentWarningAndMedia() throws {
        let post = try statuses()[1]
        #expect(post.kind == .reply)
        #expect(post.repliedToID == "111111")
        #expect(post.text == "police violence\n\nHere is #myNYPD for you")
        #expect(post.author.handle == "copwatch@kolektiva.social")
        #expect(post.author.createdAt == SocialFixture.time("2012-01-15T00:00:00Z"))
        // Audio is not a photo, video or GIF; an empty description is no alt text; a missing url falls back to remote_url.
        #expect(
            post.media == [
                Media(kind: .video, url: "https://files.example/v.mp4", altText: nil, key: "501"),
                Media(kind: .gif, url: "https://files.example/g.mp4", altText: "a looping gif", key: "502"),
                Media(kind: .photo, url: "https://remote.example/p.jpg", altText: nil, key: "504"),
            ])
        #expect(post.metrics == PublicMetrics(reposts: 0, replies: 0, likes: 0, quotes: 0))
    }

    @Test func readsABoostAsARepostCarryingTheOriginal() throws {
        let posts = try statuses()
        let boost = posts[2]
        #expect(boost.kind == .repost)
        #expect(boost.nativeID == "111113")
        #expect(boost.author.handle == "booster")
        #expect(boost.createdAt == SocialFixture.time("2014-04-22T19:30:00Z"))
        #expect(boost.repostedID == "111112")
        #expect(boost.text == posts[1].text)
        #expect(boost.hashtags == ["#myNYPD"])
        #expect(boost.media.count == 3)
        // The carried original is the same post as the reply on line 2, read from line 3.
        var original = posts[1]
        original.origin = .file("mastodon/statuses.jsonl", record: 3)
        #expect(boost.carried == [original])
    }

    @Test func readsAQuoteAndDropsTheQuoteInlineFallback() throws {
        let posts = try statuses()
        let quote = posts[3]
        #expect(quote.kind == .quote)
        #expect(quote.quotedID == "111110")
        #expect(quote.text == "This went well.")
        #expect(quote.links.isEmpty)
        #expect(quote.carried.count == 1)
        #expect(quote.carried[0].author.handle == "NYPDnews")
        #expect(quote.carried[0].text == "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD.")

        let shallow = posts[4]
        #expect(shallow.kind == .quote)
        #expect(shallow.quotedID == "111110")
        #expect(shallow.carried.isEmpty)
    }

    @Test func hostileContentBecomesInertText() throws {
        let post = try statuses()[5]
        #expect(post.text == "Look click <script>not markup</script>")
        #expect(!post.text.contains("alert"))
        #expect(post.links.isEmpty)  // javascript: is no link, and the commented-out anchor is not read
        #expect(post.language == nil)
    }

    @Test func readsARestArrayFileElementByElement() throws {
        let outcomes = try SocialFixture.decode(decoder, "mastodon/tag-timeline.json", framing: .jsonValues)
        #expect(outcomes.map(\.record) == [1, 2])
        #expect(outcomes.flatMap(\.posts).map(\.nativeID) == ["111111", "111115"])
    }

    @Test func readsTheSameArchiveGzipped() throws {
        let files = try TempFiles()
        let plain = Array(try Data(contentsOf: URL(fileURLWithPath: SocialFixture.path("mastodon/statuses.jsonl"))))
        let path = try files.write("statuses.jsonl.gz", try files.gzip(plain))
        let splitter = RecordSplitter(input: try ByteInput(path: path), framing: .lines)
        var posts: [Post] = []
        while let record = try splitter.next() {
            posts += try decoder.decode(try JSONDocument(parsing: record.bytes).root, origin: .file("mastodon/statuses.jsonl", record: record.number))
        }
        #expect(posts == (try statuses()))
    }

    @Test func everyFixtureRecordIsSniffedAsMastodon() throws {
        for (name, framing) in [
            ("mastodon/statuses.jsonl", RecordFraming.lines), ("mastodon/streaming.jsonl", .lines),
            ("mastodon/tag-timeline.json", .jsonValues),
        ] {
            for record in try SocialFixture.records(name, framing: framing) {
                let root = try JSONDocument(parsing: record.bytes).root
                // A streaming event without a payload fits no shape on its own; the file's format covers it.
                let expected: InputFormat? = root.has("event") && !root.has("payload") ? nil : .mastodon
                #expect(FormatSniffer.format(of: root) == expected, "\(name):\(record.number)")
            }
        }
    }

    @Test func readsStreamingEvents() throws {
        let outcomes = try SocialFixture.decode(decoder, "mastodon/streaming.jsonl")
        #expect(outcomes.allSatisfy { $0.rejection == nil })
        #expect(outcomes.map { $0.posts.map(\.nativeID) } == [["111111"], ["111115"], [], [], ["111112", "111116"]])
        let update = outcomes[0].posts[0]
        #expect(update.text.hasPrefix("Thanks for the photo, @NYPDnews!"))
        #expect(update.origin == .file("mastodon/streaming.jsonl", record: 1))
    }

    @Test func rejectsEachBrokenRecordWithItsReason() throws {
        let outcomes = try SocialFixture.decode(decoder, "mastodon/rejects.jsonl")
        #expect(outcomes.map(\.rejection) == [
            "missing required field \"id\"",
            "missing required field \"created_at\"",
            "invalid field \"created_at\": not an ISO 8601 time: yesterday at noon",
            "missing required field \"account\"",
            "unknown record shape: expected a Mastodon Status, an array of statuses or a streaming event (keys: \"foo\", \"bar\")",
            "unknown record shape: expected a Mastodon Status object, found a JSON number",
            "reblog: missing required field \"account\"",
            "invalid field \"payload\": invalid JSON at byte 1: expected a string key",
        ])
    }

    @Test func namesTheFailingStatusOfAnArray() throws {
        let reason = try SocialFixture.rejection(
            decoder,
            json: #"[{"id":"1","created_at":"2014-04-22T18:00:00Z","account":{"id":"2","acct":"a"},"content":"<p>ok</p>"},{"id":"3"}]"#)
        #expect(reason == "status 2 of 2: missing required field \"created_at\"")
    }

    @Test func rejectsAnAccountWithoutIdOrHandle() throws {
        let noID = try SocialFixture.rejection(
            decoder, json: #"{"id":"1","created_at":"2014-04-22T18:00:00Z","account":{"acct":"a"},"content":""}"#)
        #expect(noID == "missing required field \"account.id\"")
        let noHandle = try SocialFixture.rejection(
            decoder, json: #"{"id":"1","created_at":"2014-04-22T18:00:00Z","account":{"id":"2"},"content":""}"#)
        #expect(noHandle == "missing required field \"account.acct\"")
    }
}

@Suite("Mastodon HTML to text")
struct MastodonHTMLTextTests {
    @Test func breaksParagraphsAndLines() {
        #expect(HTMLText.plainText("<p>one</p><p>two<br>three<br/><br />four</p>") == "one\n\ntwo\nthree\n\nfour")
        #expect(HTMLText.plainText("  <p>\n  spaced \t out  </p>  ") == "spaced out")
        #expect(HTMLText.plainText("<ul><li>a</li><li>b</li></ul>") == "a\nb")
    }

    @Test func decodesCharacterReferences() {
        #expect(HTMLText.plainText("&amp; &lt; &gt; &quot; &#39; &apos; &#233; &#xE9; &#X1F600; &hellip;&nbsp;x") == "& < > \" ' ' é é 😀 … x")
        // Not characters: NUL, a surrogate, beyond Unicode. Unknown names and missing semicolons stay as written.
        #expect(HTMLText.plainText("&#0;&#xD800;&#x110000;") == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(HTMLText.plainText("&bogus; &amp x &#; &") == "&bogus; &amp x &#; &")
        #expect(HTMLText.decodeEntities("a&amp;b") == "a&b")
    }

    @Test func dropsScriptsStylesCommentsAndUnclosedTags() {
        #expect(HTMLText.plainText("a<script>document.write('<p>x</p>')</script>b") == "ab")
        #expect(HTMLText.plainText("a<STYLE>p { color: red }</STYLE>b") == "ab")
        #expect(HTMLText.plainText("a<!-- <script>x</script> -->b") == "ab")
        #expect(HTMLText.plainText("a <b onclick=\"x>y\">bold</b> c <unclosed attr='") == "a bold c")
        #expect(HTMLText.plainText("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2")
    }

    @Test func collectsAnchorsWithDecodedHrefs() {
        let html = HTMLText(
            html: #"<a href="https://e.org/?a=1&amp;b=2" class="u-url mention">x</a><a href='/tags/t' rel="tag">#t</a><a>no href</a>"#)
        #expect(html.anchors == [
            .init(href: "https://e.org/?a=1&b=2", classes: ["u-url", "mention"], rel: []),
            .init(href: "/tags/t", classes: [], rel: ["tag"]),
        ])
        #expect(html.text == "x#tno href")
    }

    @Test func skipsNestedQuoteInlineElements() {
        #expect(HTMLText.plainText(#"<p class="quote-inline">RE: <p>nested</p> <a href="https://x">x</a></p><p>kept</p>"#) == "kept")
    }
}
