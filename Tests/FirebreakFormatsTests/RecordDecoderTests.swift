import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

@Suite("Record decoder")
struct RecordDecoderTests {
    static let lines = [
        #"{"id":"1","text":"first #myNYPD","created_at":"2014-04-22T18:00:00.000Z","author_id":"9","author":{"id":"9","username":"a"}}"#,
        #"{"id":"2","text":"broken"#,
        #"{"id":"3","created_at":"2014-04-22T18:01:00.000Z","author_id":"9"}"#,
        #"{"id":"4","text":"fourth, with a much longer text than the first so the tape grows","created_at":"2014-04-22T18:02:00.000Z","author_id":"8","entities":{"hashtags":[{"start":0,"end":7,"tag":"myNYPD"},{"start":8,"end":12,"tag":"x"}]}}"#,
        #"{"id":"5","text":"short","created_at":"2014-04-22T18:03:00.000Z","author_id":"7"}"#,
    ]

    static func describe(_ outcome: RecordOutcome) -> String {
        switch outcome {
        case .posts(let posts): posts.map { "\($0.nativeID): \($0.text) \($0.hashtags)" }.joined(separator: "; ")
        case .rejected(let rejection): "rejected \(rejection.record): \(rejection.reason)"
        }
    }

    @Test func aBatchDecodesAsEachRecordAlone() {
        // The batch path reuses one JSON tape for every record, also after a record that failed to parse.
        let decoder = RecordDecoder(file: "posts.jsonl", format: .auto, fileFormat: .xV2)
        let records = Self.lines.enumerated().map { RawRecord(number: $0.offset + 1, bytes: Array($0.element.utf8)) }
        let batch = decoder.decode(records).map(Self.describe)
        #expect(batch == records.map { Self.describe(decoder.decode($0)) })
        #expect(batch[0] == "1: first #myNYPD []")  // hashtags come from the record's entities, and it has none
        #expect(batch[1].hasPrefix("rejected 2: "))
        #expect(batch[2].hasPrefix("rejected 3: ") && batch[2].contains("text"))
        #expect(batch[3].hasPrefix("4: fourth") && batch[3].hasSuffix(##"["#myNYPD", "#x"]"##))
        #expect(batch[4] == "5: short []")
    }

    /// A flattened retweet of `original` (with its text and author inlined), optionally quoting `quoted`.
    static func retweet(_ id: String, of original: String, text: String, quoting quoted: String? = nil) -> String {
        let quote =
            quoted.map {
                #","referenced_tweets":[{"type":"quoted","id":"\#($0)","text":"quoted \#($0)","created_at":"2014-04-22T17:00:00.000Z","author_id":"5","author":{"id":"5","username":"q"}}]"#
            } ?? ""
        return
            #"{"id":"\#(id)","text":"RT @o: \#(text)","created_at":"2014-04-22T18:10:00.000Z","author_id":"6","author":{"id":"6","username":"r\#(id)"},"referenced_tweets":[{"type":"retweeted","id":"\#(original)","text":"\#(text)","created_at":"2014-04-22T18:00:00.000Z","author_id":"7","author":{"id":"7","username":"o"},"entities":{"hashtags":[{"start":0,"end":7,"tag":"myNYPD"}]}\#(quote)}]}"#
    }

    @Test func anOriginalCarriedAgainInTheBatchIsTheFirstReading() throws {
        let decoder = RecordDecoder(file: "rts.jsonl", format: .auto, fileFormat: .xV2)
        let lines = [
            Self.retweet("11", of: "100", text: "#myNYPD is here"),
            Self.retweet("12", of: "200", text: "another post", quoting: "300"),
            Self.retweet("13", of: "100", text: "#myNYPD is here"),
            Self.retweet("14", of: "200", text: "another post", quoting: "300"),
        ]
        let records = lines.enumerated().map { RawRecord(number: $0.offset + 1, bytes: Array($0.element.utf8)[...]) }
        let reposts = try decoder.decode(records).map { outcome in
            guard case .posts(let posts) = outcome, posts.count == 1 else { throw DecodeError("record rejected: \(outcome)") }
            return posts[0]
        }
        #expect(reposts.map(\.nativeID) == ["11", "12", "13", "14"])
        #expect(reposts.map { $0.carried.map(\.nativeID) } == [["100"], ["200"], ["100"], ["200"]])
        // The repost takes its original's text and entities either way.
        #expect(reposts[2].text == "#myNYPD is here" && reposts[2].hashtags == ["#myNYPD"])
        // The second carried copy is the first one's reading, down to where it was read.
        #expect(reposts[2].carried[0] == reposts[0].carried[0])
        #expect(reposts[2].carried[0].origin == .file("rts.jsonl", record: 1))
        // A post carried one level down keeps what it carries itself (the quoted post) when reused.
        #expect(reposts[3].carried[0] == reposts[1].carried[0])
        #expect(reposts[3].carried[0].carried.map(\.nativeID) == ["300"])
        // Read one record at a time, every post is read from its own record; only the origin differs.
        let alone = try records.map { record in
            guard case .posts(let posts) = decoder.decode(record), posts.count == 1 else { throw DecodeError("record rejected") }
            return posts[0]
        }
        #expect(alone[2].carried[0].origin == .file("rts.jsonl", record: 3))
        var moved = alone[2].carried[0]
        moved.origin = .file("rts.jsonl", record: 1)
        #expect(moved == reposts[2].carried[0])
    }

    @Test func carriedPostsAreKeptPerDepthAndBounded() throws {
        var carried = CarriedPosts()
        let post = Post(
            platform: .x, nativeID: "1", kind: .original, author: Author(id: "9", handle: "a"),
            createdAt: Date(timeIntervalSince1970: 0), text: "t")
        carried.remember(post, id: "1", depth: 1)
        #expect(carried.post(id: "1", depth: 1) == post)
        #expect(carried.post(id: "1", depth: 2) == nil)
        for n in 0..<(CarriedPosts.capacity + 10) { carried.remember(post, id: "n\(n)", depth: 1) }
        // "1" and n0 ... n4094 fill it; n4095 on are not kept.
        #expect(carried.post(id: "n\(CarriedPosts.capacity - 2)", depth: 1) != nil)
        #expect(carried.post(id: "n\(CarriedPosts.capacity - 1)", depth: 1) == nil)
        #expect(carried.post(id: "1", depth: 1) == post)
    }
}
