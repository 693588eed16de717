import Firebreak
import Foundation
import Testing

@testable import FirebreakStore

@Suite("Streaming JSON encoder")
struct StreamingJSONEncoderTests {
    let streaming = SQLiteStore.postEncoder
    let foundation = SQLiteStore.encoder

    /// Both encoders' output, parsed: equal when they say the same thing, whatever their spelling and key order.
    func parsedBoth(_ value: some Encodable) throws -> (streaming: NSObject, foundation: NSObject) {
        func parse(_ data: Data) throws -> NSObject {
            try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? NSObject)
        }
        return (try parse(streaming.encode(value)), try parse(foundation.encode(value)))
    }

    @Test func aPostWithEverythingDecodesBackToItself() throws {
        let carried = Post(
            platform: .bluesky, nativeID: "at://did:plc:abc/app.bsky.feed.post/3k", kind: .original,
            author: Author(id: "did:plc:abc", handle: "name.bsky.social"), createdAt: Date(timeIntervalSince1970: 1_398_189_300.125),
            text: "carried", origin: .file("posts.jsonl", record: 42))
        let post = Post(
            platform: .x, nativeID: "1", kind: .quote,
            author: Author(id: "2", handle: "Fan", displayName: "Quote \" back\\slash /slash", followers: 0, createdAt: Date(timeIntervalSince1970: -1.5), verified: true),
            createdAt: Date(timeIntervalSince1970: 1_700_000_000.000_001),
            text: "tab\tnew\nline\rcr \u{0}nul \u{1F}unit \u{7F}del \u{2028}ls emoji 👮🏽‍♀️ café",
            language: nil, hashtags: ["#a", ""], mentions: ["b"], links: ["https://x.com/a?b=c&d=%20"],
            media: [Media(kind: .gif, url: nil, altText: "", key: "k")], quotedID: "9", carried: [carried],
            metrics: PublicMetrics(reposts: Int.max, replies: Int.min, likes: 0, quotes: nil), origin: .stream("jetstream", cursor: "17"))
        let data = try streaming.encode(post)
        #expect(try SQLiteStore.decoder.decode(Post.self, from: data) == post)
        let both = try parsedBoth(post)
        #expect(both.streaming == both.foundation)
    }

    @Test func anAssessmentDecodesBackToItselfIncludingNonFiniteScores() throws {
        let assessment = Assessment(
            stance: .neutral, pCritical: 0.1, pSupportive: .infinity, sentiment: .neutral, pSentiment: [-.infinity, 1e-300, 0.3],
            irony: 5e-324, offensive: -0.0, mentionsTarget: false,
            reasons: [Assessment.Reason(head: "irony", feature: "emoji 🙃", weight: -1.25)])
        #expect(try SQLiteStore.decoder.decode(Assessment.self, from: streaming.encode(assessment)) == assessment)
        let both = try parsedBoth(assessment)
        #expect(both.streaming == both.foundation)

        let nan = Assessment(
            stance: .neutral, pCritical: .nan, pSupportive: 0, sentiment: .neutral, pSentiment: [], irony: 0, offensive: 0, mentionsTarget: true)
        #expect(try SQLiteStore.decoder.decode(Assessment.self, from: streaming.encode(nan)).pCritical.isNaN)
    }

    @Test func itWritesCompactJSONWithEscapes() throws {
        struct Sample: Encodable {
            var s = "a\"b\\c\n\u{1}"
            var n: Int? = nil
            var d = 0.5
            var b = [true, false]
            var nested: [String: [Int]] = ["k": []]
        }
        #expect(String(decoding: try streaming.encode(Sample()), as: UTF8.self) == #"{"s":"a\"b\\c\n\u0001","d":0.5,"b":[true,false],"nested":{"k":[]}}"#)
    }

    /// Writes to a nested container after its parent moved on: impossible to stream.
    struct OutOfOrder: Encodable {
        enum Keys: String, CodingKey { case a, b, c }
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Keys.self)
            var inner = outer.nestedContainer(keyedBy: Keys.self, forKey: .a)
            try inner.encode(1, forKey: .a)
            try outer.encode(2, forKey: .b)
            try inner.encode(3, forKey: .c)
        }
    }

    /// Leaves a nested container open and goes back to the parent: fine to stream.
    struct NestedLeftOpen: Encodable {
        enum Keys: String, CodingKey { case a, b, c }
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Keys.self)
            var list = outer.nestedUnkeyedContainer(forKey: .a)
            try list.encode("x")
            var object = list.nestedContainer(keyedBy: Keys.self)
            try object.encode(true, forKey: .c)
            try outer.encode(2, forKey: .b)
        }
    }

    /// Uses a super encoder, as class hierarchies do.
    struct UsesSuperEncoder: Encodable {
        enum Keys: String, CodingKey { case a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .a)
            var single = container.superEncoder().singleValueContainer()
            try single.encode("super")
        }
    }

    /// Swallows the error of a member it cannot encode in order (a `Data`), which must not leave a half-written object.
    struct SwallowsErrors: Encodable {
        enum Keys: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try? container.encode(Data([1, 2]), forKey: .a)
            try container.encode("b", forKey: .b)
        }
    }

    /// Encodes nothing at all.
    struct Empty: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    /// Types JSONEncoder writes specially, and small integers.
    struct Special: Encodable {
        var data = Data([0, 1, 2, 255])
        var url = URL(string: "https://example.com/a b")
        var decimal = Decimal(string: "12.50")!
        var small: Int8 = -3
        var unsigned: UInt16 = 65535
        var float: Float = 0.1
    }

    @Test func whatCannotBeStreamedIsEncodedByJSONEncoder() throws {
        // (JSONEncoder's key order varies from call to call, so the outputs are compared parsed.)
        let outOfOrder = try parsedBoth(OutOfOrder())
        #expect(outOfOrder.streaming == outOfOrder.foundation)
        let asText = try JSONSerialization.jsonObject(with: Data(streaming.encodeText(OutOfOrder()).utf8)) as? NSObject
        #expect(asText == outOfOrder.foundation)
        // Streamed, Data would be an array of numbers and URL an object: JSONEncoder writes base64 and a string.
        let special = try parsedBoth(Special())
        #expect(special.streaming == special.foundation)
        // JSONEncoder refuses what encodes nothing at the top level; as a member it is an empty object.
        #expect(throws: EncodingError.self) { try streaming.encode(Empty()) }
        let empty = try parsedBoth(["e": Empty()])
        #expect(empty.streaming == empty.foundation)
        let swallowed = try parsedBoth(SwallowsErrors())
        #expect(swallowed.streaming == swallowed.foundation)
        let superEncoder = try parsedBoth(UsesSuperEncoder())
        #expect(superEncoder.streaming == superEncoder.foundation)
    }

    @Test func containersLeftOpenAreClosedInOrder() throws {
        let both = try parsedBoth(NestedLeftOpen())
        #expect(both.streaming == both.foundation)
        #expect(String(decoding: try streaming.encode(NestedLeftOpen()), as: UTF8.self) == #"{"a":["x",{"c":true}],"b":2}"#)
    }

    @Test func smallIntegersAndFloatsMatchJSONEncoder() throws {
        struct Numbers: Codable, Equatable {
            var a: Int8 = -128, b: UInt8 = 255, c: Int16 = -2, d: UInt32 = 7, e: UInt = 9, f: Float = 0.1, g: Int32 = .min, h: UInt64 = .max
        }
        #expect(try SQLiteStore.decoder.decode(Numbers.self, from: streaming.encode(Numbers())) == Numbers())
        let both = try parsedBoth(Numbers())
        #expect(both.streaming == both.foundation)
    }
}
