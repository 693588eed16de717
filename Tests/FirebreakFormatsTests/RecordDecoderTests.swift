import Firebreak
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
}
