import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Archive format and framing detection")
struct ArchiveReaderTests {
    /// A flattened X v2 post on one line.
    static func post(_ number: Int, text: String = "Me and Officer Ruiz at the fair #myNYPD") -> String {
        #"{"id": "\#(458_665_888_184_930_304 + number)", "text": "\#(text)", "created_at": "2014-04-22T17:57:24.000Z", "author_id": "\#(number)", "author": {"id": "\#(number)", "username": "fan\#(number)"}}"#
    }

    static func read(_ text: String, name: String = "posts.jsonl") throws -> (reader: ArchiveReader, outcomes: [RecordOutcome]) {
        let reader = try ArchiveReader(input: try ByteInput(bytes: Array(text.utf8), name: name))
        var outcomes: [RecordOutcome] = []
        while let batch = try reader.nextBatch() { outcomes += reader.decoder.decode(batch) }
        return (reader, outcomes)
    }

    static func counts(_ outcomes: [RecordOutcome]) -> (posts: Int, rejected: [String]) {
        var posts = 0
        var rejected: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .posts(let found): posts += found.count
            case .rejected(let rejection): rejected.append(rejection.reason)
            }
        }
        return (posts, rejected)
    }

    @Test("a JSON Lines archive cut in the middle of its first record is read as JSON Lines, not as plain text")
    func cutFirstRecord() throws {
        let whole = (1...40).map { Self.post($0) }.joined(separator: "\n") + "\n"
        let cut = String(whole.dropFirst(57))
        let (reader, outcomes) = try Self.read(cut)
        #expect(reader.framing == .lines)
        #expect(reader.detectedFormat == .xV2)
        let (posts, rejected) = Self.counts(outcomes)
        // The cut record is rejected with its reason; every other record is read.
        #expect(posts == 39)
        #expect(rejected.count == 1)
        #expect(rejected.first?.hasPrefix("invalid JSON") == true)
    }

    @Test("two broken lines at the start do not turn a JSON Lines archive into a stream of values")
    func twoBrokenLines() throws {
        // A record broken across the first two lines: each line alone is unreadable.
        let lines = ["{\"id\": \"9\", \"text\": \"Tweet us &", " tag it #myNYPD.\", \"lang\": \"en\"}"] + (1...20).map { Self.post($0) }
        let (reader, outcomes) = try Self.read(lines.joined(separator: "\n") + "\n")
        #expect(reader.framing == .lines)
        let (posts, rejected) = Self.counts(outcomes)
        #expect(posts == 20)
        #expect(rejected.count == 2)
    }

    @Test("a JSON Lines archive whose first lines are mostly damaged is still read a line at a time, losing no other record")
    func mostlyDamagedStart() throws {
        // Ten of the first sixteen lines are broken inside (a bad escape, a stray byte), two are cut short; the rest
        // and all that follow are good. As values, the first line cut inside a string swallowed the file after it.
        var lines = (1...16).map { n in n % 3 == 0 ? Self.post(n) : Self.post(n, text: "bad \\u12 escape #myNYPD") }
        lines[4] = String(Self.post(5).prefix(60))
        lines[7] = String(Self.post(8).prefix(100))
        lines += (17...60).map { Self.post($0) }
        let (reader, outcomes) = try Self.read(lines.joined(separator: "\n") + "\n")
        #expect(reader.framing == .lines)
        let (posts, rejected) = Self.counts(outcomes)
        #expect(posts == 5 + 44)
        #expect(rejected.count == 11)
    }

    @Test("a post dated before 2000 or in the future is rejected with its reason; the rest of the archive is read")
    func implausibleTimes() throws {
        var lines = (1...5).map { Self.post($0) }
        lines[1] = lines[1].replacingOccurrences(of: "2014-04-22T17:57:24.000Z", with: "0000-01-01T00:00:00Z")
        lines[3] = lines[3].replacingOccurrences(of: "2014-04-22T17:57:24.000Z", with: "9999-12-31T23:59:59.999Z")
        let (_, outcomes) = try Self.read(lines.joined(separator: "\n") + "\n")
        let (posts, rejected) = Self.counts(outcomes)
        #expect(posts == 3)
        #expect(rejected.count == 2)
        #expect(rejected.first?.contains("before 2000") == true)
        #expect(rejected.last?.contains("in the future") == true)
    }

    @Test("pretty-printed JSON is framed as values even when one of its lines is a whole JSON value")
    func prettyPrinted() throws {
        let objects = (1...3).map { number in
            """
              {
                "id": "\(458_665_888_184_930_304 + number)",
                "text": "Selfie with the cops #myNYPD",
                "created_at": "2014-04-22T17:57:24.000Z",
                "author_id": "\(number)",
                "edit_history_tweet_ids": [
                  "\(458_665_888_184_930_304 + number)"
                ],
                "entities": {"hashtags": [{"start": 21, "end": 28, "tag": "myNYPD"}]}
              }
            """
        }
        let (reader, outcomes) = try Self.read("[\n" + objects.joined(separator: ",\n") + "\n]\n", name: "page.json")
        #expect(reader.framing == .jsonValues)
        let (posts, rejected) = Self.counts(outcomes)
        #expect(posts == 3)
        #expect(rejected.isEmpty)
    }

    @Test("a text archive of posts in quotes stays plain text: a quoted post is no JSON member")
    func quotedPosts() throws {
        let text = (1...8).map { "\"Thank you NYPD, post \($0): \\\"heroes\\\" #myNYPD\"" }.joined(separator: "\n") + "\n"
        let (reader, outcomes) = try Self.read(text, name: "quotes.txt")
        #expect(reader.format == .text)
        #expect(Self.counts(outcomes).posts == 8)
    }

    @Test("plain text stays plain text, whatever its posts say")
    func plainText() throws {
        let text = "Thank you NYPD {for everything}\n[video] officers at the fair\n{\"not\": \"a post\"} is what I typed\nlast line\n"
        let (reader, outcomes) = try Self.read(text, name: "posts.txt")
        #expect(reader.format == .text)
        #expect(Self.counts(outcomes).posts == 4)
    }

    @Test(
        "pretty-printed JSON behind a prefix is refused with the reason, not read as a post a line",
        arguments: [
            "window.YTD.tweets.part0 = [\n", "HTTP/2 200\r\ncontent-type: application/json\r\n\r\n[\n",
        ])
    func jsonBehindAPrefix(prefix: String) throws {
        let body = (1...3).map { "  {\n    \"tweet\" : {\n      \"full_text\" : \"post \($0) #myNYPD\",\n      \"id_str\" : \"\($0)\"\n    }\n  }" }
        let text = prefix + body.joined(separator: ",\n") + "\n]\n"
        #expect {
            _ = try ArchiveReader(input: try ByteInput(bytes: Array(text.utf8), name: "tweets.js"))
        } throws: { error in
            (error as? InputError)?.reason.hasPrefix("looks like JSON, but not from its first byte") == true
        }
        // Asked for, it is read as text all the same.
        let reader = try ArchiveReader(input: try ByteInput(bytes: Array(text.utf8), name: "tweets.js"), format: .text)
        #expect(reader.format == .text)
    }

    @Test("a listening tool's preamble above the CSV header is reported line by line, and the rows below it are read")
    func csvPreamble() throws {
        let csv = """
            Report:,#myNYPD mentions
            Query:,"#myNYPD OR @NYPDnews"
            Date range:,2014-04-22 - 2014-04-23

            Date,Url,Author,Full Text
            2014-04-22 18:00:00,https://twitter.com/fan1/status/1,fan1,Thank you NYPD #myNYPD
            2014-04-22 18:01:00,https://twitter.com/fan2/status/2,fan2,"Best cops, best city #myNYPD"

            """
        let (reader, outcomes) = try Self.read(csv, name: "mentions.csv")
        #expect(reader.format == .csv)
        let (posts, rejected) = Self.counts(outcomes)
        #expect(posts == 2)
        // Blank rows are neither posts nor counted as rows: the header is row 4.
        #expect(rejected == Array(repeating: "above the CSV header (row 4): not a post", count: 3))
    }

    @Test("a Meltwater-style export (UTF-16, tab-separated, preamble) reads its Document ID, Author Handle and Hit Sentence")
    func meltwaterStyle() throws {
        let table = """
            Mentions export\t\t\t
            Document ID\tDate\tAuthor Handle\tHit Sentence\tURL
            1713459776000_K49u\t2014-04-22T18:00:00Z\tQueensMomDee\tMe and Officer Ruiz #myNYPD\thttps://x.com/QueensMomDee/status/1

            """
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in table.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let reader = try ArchiveReader(input: try ByteInput(bytes: bytes, name: "export.csv"))
        var posts: [Post] = []
        while let batch = try reader.nextBatch() {
            for case .posts(let found) in reader.decoder.decode(batch) { posts += found }
        }
        #expect(posts.map(\.nativeID) == ["1713459776000_K49u"])
        #expect(posts.first?.author.handle == "QueensMomDee")
        #expect(posts.first?.text == "Me and Officer Ruiz #myNYPD")
    }

    @Test("a CSV file with no usable header near its top is refused with the first row's reason")
    func csvWithoutHeader() throws {
        let rows = (1...30).map { "\($0),hello,world" }.joined(separator: "\n") + "\n"
        #expect {
            _ = try Self.read(rows, name: "rows.csv")
        } throws: { error in
            (error as? InputError)?.reason.hasPrefix("unusable CSV header: needs an id column") == true
        }
    }

    @Test("a record longer than the first peek still decides JSON Lines from the lines after it")
    func longFirstLine() throws {
        let long = Self.post(0, text: String(repeating: "a", count: 300_000))
        let cut = String(long.dropFirst(10))
        let text = ([cut] + (1...3).map { Self.post($0) }).joined(separator: "\n") + "\n"
        let (reader, outcomes) = try Self.read(text)
        #expect(reader.framing == .lines)
        #expect(Self.counts(outcomes).posts == 3)
    }
}
