import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("CSV decoder")
struct CSVDecoderTests {
    /// Reads a CSV fixture the way the pipeline will: the first row is the header, every other row a post.
    static func read(_ name: String) throws -> (decoder: CSVPostDecoder, outcomes: [(record: Int, post: Post?, rejection: String?)]) {
        var records = try SocialFixture.records(name, framing: .csvRows)
        let header = records.removeFirst()
        let decoder = try CSVPostDecoder(headerRow: header.bytes)
        let outcomes = records.map { record -> (record: Int, post: Post?, rejection: String?) in
            do throws(DecodeError) {
                return (record.number, try decoder.decode(record.bytes, origin: .file(name, record: record.number)), nil)
            } catch {
                return (record.number, nil, error.reason)
            }
        }
        return (decoder, outcomes)
    }

    static func posts(_ name: String) throws -> [Post] {
        let (_, outcomes) = try read(name)
        for outcome in outcomes where outcome.rejection != nil {
            Issue.record("\(name):\(outcome.record) rejected: \(outcome.rejection!)")
        }
        return outcomes.compactMap(\.post)
    }

    static func header(_ text: String) throws(DecodeError) -> CSVPostDecoder {
        try CSVPostDecoder(headerRow: Array(text.utf8))
    }

    static func rejection(_ decoder: CSVPostDecoder, _ row: [UInt8]) -> String? {
        do {
            _ = try decoder.decode(row, origin: .file("t.csv", record: 2))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func recognisesTwarcCSV() throws {
        let (decoder, outcomes) = try Self.read("csv/twarc-csv.csv")
        #expect(decoder.isTwarcCSV)
        #expect(decoder.platform == .x)
        #expect(decoder.columnCount == 81)  // twarc-csv's DEFAULT_TWEET_COLUMNS
        #expect(outcomes.map(\.record) == [2, 3, 4, 5])
    }

    @Test func readsATwarcRowFieldByField() throws {
        let post = try Self.posts("csv/twarc-csv.csv")[0]
        #expect(post.platform == .x)
        #expect(post.nativeID == "458620999999999001")
        #expect(post.kind == .original)
        #expect(post.createdAt == SocialFixture.time("2014-04-22T17:55:00Z"))
        // twarc-csv writes line breaks as \n; quotes were doubled by the CSV writer.
        #expect(
            post.text
                == "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD. It may be featured on our Facebook.\n\"Keep them coming\", we said"
        )
        #expect(post.language == "en")
        #expect(post.hashtags == ["#myNYPD"])
        #expect(post.mentions == [])
        #expect(post.links == ["https://www.facebook.com/NYPD"])  // the media's display URL is not a link
        #expect(
            post.media == [
                Media(kind: .photo, url: "https://pbs.twimg.com/media/BlwX.jpg", altText: "Officers with a family", key: "3_458620999000000001"),
                Media(kind: .video, url: "https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/v.jpg", key: "7_458620999000000002"),
            ])
        #expect(post.metrics == PublicMetrics(reposts: 900, replies: 1200, likes: 450, quotes: 3100))
        #expect(post.author.id == "19108766")
        #expect(post.author.handle == "NYPDnews")
        #expect(post.author.displayName == "NYPD NEWS")
        #expect(post.author.followers == 250_000)
        #expect(post.author.createdAt == SocialFixture.time("2009-01-17T00:00:00Z"))
        #expect(post.author.verified == true)
        #expect(post.origin == .file("csv/twarc-csv.csv", record: 2))
    }

    @Test func readsTwarcReferencesAndEntities() throws {
        let posts = try Self.posts("csv/twarc-csv.csv")
        let retweet = posts[1]
        #expect(retweet.kind == .repost)
        #expect(retweet.repostedID == "458620999999999001")
        #expect(retweet.author.followers == 180_000)  // pandas writes "180000.0" in a column with gaps
        #expect(retweet.author.verified == false)
        #expect(retweet.metrics == nil)

        let reply = posts[2]
        #expect(reply.kind == .reply)  // it also quotes: filed as a reply, the quote kept
        #expect(reply.repliedToID == "458620999999999001")
        #expect(reply.quotedID == "458600000000000009")
        #expect(reply.mentions == ["NYPDnews"])
        #expect(reply.author.handle == "copwatch")
        #expect(reply.author.id == "222")
        #expect(reply.media == [Media(kind: .gif, key: "16_458640000000000009")])  // known only by its key

        #expect(posts[3].hashtags == ["#NYPD", "#myNYPD"])
        #expect(posts[3].text == "Need a lift? The #NYPD's got you, \"Free Delivery\", only at #myNYPD")
    }

    @Test func keepsTheQuotesOfATweetThatIsAQuotation() throws {
        let decoder = try Self.header("id,author_id,created_at,text")
        let post = try decoder.decode(Array(#"1,2,2014-04-22T18:00:00Z,"""Keep them coming""""#.utf8), origin: .file("t.csv", record: 2))
        #expect(decoder.isTwarcCSV)
        #expect(post.text == "\"Keep them coming\"")
    }

    @Test func decodesTheJSONTextsOfEarlyTwarcCSV() throws {
        // Early twarc-csv: one `referenced_tweets` JSON column, texts written as JSON strings.
        let decoder = try Self.header("id,text,author_id,created_at,referenced_tweets")
        let row = #"9,"""can\u2019t wait \n@AlphaXsc2""",2,2019-09-06T20:38:01.000Z,"[{""type"": ""quoted"", ""id"": ""7""}]""#
        let post = try decoder.decode(Array(row.utf8), origin: .file("t.csv", record: 2))
        #expect(post.text == "can\u{2019}t wait \n@AlphaXsc2")
        #expect(post.kind == .quote)
        #expect(post.quotedID == "7")
        #expect(post.mentions == ["AlphaXsc2"])
    }

    @Test func readsAListeningToolExportByAliases() throws {
        let (decoder, outcomes) = try Self.read("csv/listening-tool.csv")
        #expect(!decoder.isTwarcCSV)
        #expect(decoder.platform == .unknown)
        let posts = outcomes.compactMap(\.post)
        #expect(outcomes.allSatisfy { $0.rejection == nil })
        #expect(outcomes.map(\.record) == [2, 3, 4])

        let first = posts[0]
        #expect(first.nativeID == "https://x.com/pat/status/1")
        #expect(first.platform == .x)
        #expect(first.createdAt == SocialFixture.time("2014-04-22T18:45:00Z"))
        // A quoted line break (CRLF file, LF inside the field) is kept; entities come from the text.
        #expect(first.text == "Line one #myNYPD\nline two, with a comma and \"quotes\" @NYPDnews https://example.org/x).")
        #expect(first.hashtags == ["#myNYPD"])
        #expect(first.mentions == ["NYPDnews"])
        #expect(first.links == ["https://example.org/x"])
        #expect(first.author.handle == "pat")
        #expect(first.author.id == "pat")
        #expect(first.author.followers == 1234)
        #expect(first.language == "en")

        #expect(posts[1].platform == .mastodon)
        #expect(posts[1].createdAt == Date(timeIntervalSince1970: 1_398_192_300))
        #expect(posts[1].author.handle == "someone@mastodon.social")
        #expect(posts[1].language == nil)
        #expect(posts[1].author.followers == nil)

        #expect(posts[2].platform == .unknown)
        #expect(posts[2].author == Author(id: "unknown", handle: "unknown", followers: 12))
    }

    @Test func readsSemicolonSeparatedFiles() throws {
        let posts = try Self.posts("csv/semicolon.csv")
        #expect(posts.count == 1)
        #expect(posts[0].nativeID == "7")
        #expect(posts[0].text == "semi; colon #tag")
        #expect(posts[0].hashtags == ["#tag"])
        #expect(posts[0].author.handle == "bob")
    }

    @Test func refusesAHeaderWithoutIdOrText() {
        #expect(throws: DecodeError("needs an id column (one of: id, tweet_id, post_id, status_id, message_id, document_id, url)")) {
            try Self.header("text,created_at")
        }
        #expect(throws: DecodeError("needs a text column (one of: text, full_text, content, message, body, tweet, post_text, hit_sentence)")) {
            try Self.header("ID,Created At")
        }
        #expect(throws: DecodeError.self) { try Self.header("name,age") }
        #expect(throws: DecodeError("header row: invalid UTF-8")) { try CSVPostDecoder(headerRow: [0x69, 0x64, 0x2C, 0xFF]) }
        #expect(throws: DecodeError("header row: malformed CSV: field 1 has an unclosed quote")) { try Self.header("\"id,text") }
    }

    @Test func matchesColumnNamesLoosely() throws {
        let decoder = try Self.header(" Tweet-ID ,FULL TEXT,Screen Name")
        let post = try decoder.decode(Array("42,hello #x,@joe".utf8), origin: .file("t.csv", record: 2))
        #expect(post.nativeID == "42")
        #expect(post.text == "hello #x")
        #expect(post.author.handle == "joe")
        #expect(post.createdAt == Date(timeIntervalSince1970: 0))  // no date column
    }

    @Test func rejectsBrokenRows() throws {
        let decoder = try Self.header("id,created_at,text")
        #expect(Self.rejection(decoder, Array("1,2014-04-22T18:00:00Z".utf8)) == "wrong field count: the row has 2 fields, the header has 3")
        #expect(Self.rejection(decoder, Array("1,2014-04-22T18:00:00Z,a,b".utf8)) == "wrong field count: the row has 4 fields, the header has 3")
        #expect(Self.rejection(decoder, [0x31, 0x2C, 0x2C, 0xC3, 0x28]) == "invalid UTF-8")
        #expect(Self.rejection(decoder, Array(",2014-04-22T18:00:00Z,text".utf8)) == "missing required field \"id\"")
        #expect(Self.rejection(decoder, Array("1,,text".utf8)) == "missing required field \"created_at\"")
        #expect(Self.rejection(decoder, Array("1,last tuesday,text".utf8)) == "invalid field \"created_at\": not a time Firebreak reads: last tuesday")
        #expect(Self.rejection(decoder, Array("1,2014-04-22T18:00:00Z,\"open".utf8)) == "malformed CSV: field 3 has an unclosed quote")
        #expect(Self.rejection(decoder, Array("1,2014-04-22T18:00:00Z,\"a\"b".utf8)) == "malformed CSV: text after the closing quote of field 3")
        #expect(Self.rejection(decoder, Array("1,2014-04-22T18:00:00Z,".utf8)) == nil)  // empty text is allowed
    }
}

@Suite("CSV row fields")
struct CSVRowTests {
    @Test func splitsQuotedFields() throws {
        #expect(try CSVRow.fields(Array(#"a,"b,""c""",,d"#.utf8)) == ["a", "b,\"c\"", "", "d"])
        #expect(try CSVRow.fields(Array("a,\"line\r\nbreak\",".utf8)) == ["a", "line\nbreak", ""])
        #expect(try CSVRow.fields([]) == [""])
        #expect(try CSVRow.fields(Array("\"\"".utf8)) == [""])
        #expect(try CSVRow.fields(Array("a\tb".utf8), delimiter: 0x09) == ["a", "b"])
        #expect(try CSVRow.fields(Array("x\"y,z".utf8)) == ["x\"y", "z"])  // a stray quote inside a bare field is text
    }
}
