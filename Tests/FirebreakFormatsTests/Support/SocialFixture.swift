import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

/// Reads the Mastodon, Bluesky, CSV and text fixtures through the real input layer (`ByteInput` and
/// `RecordSplitter`), so each test also checks the framing the pipeline will use on the same files.
enum SocialFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fixture's path.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Every record of a fixture, framed as the pipeline frames it.
    static func records(_ name: String, framing: RecordFraming) throws -> [RawRecord] {
        let splitter = RecordSplitter(input: try ByteInput(path: path(name)), framing: framing)
        var records: [RawRecord] = []
        while let record = try splitter.next() { records.append(record) }
        return records
    }

    /// The outcome of decoding one JSON record: its posts or the rejection reason.
    struct Outcome {
        var record: Int
        var posts: [Post]
        var rejection: String?
    }

    /// Decodes every record of a JSON fixture, keeping rejections instead of stopping at them.
    static func decode(_ decoder: some JSONPostDecoder, _ name: String, framing: RecordFraming = .lines) throws -> [Outcome] {
        try records(name, framing: framing).map { record in
            do {
                let document = try JSONDocument(parsing: record.bytes)
                let posts = try decoder.decode(document.root, origin: .file(name, record: record.number))
                return Outcome(record: record.number, posts: posts)
            } catch let error as DecodeError {
                return Outcome(record: record.number, posts: [], rejection: error.reason)
            }
        }
    }

    /// All posts of a JSON fixture; fails the test when a record is rejected.
    static func posts(_ decoder: some JSONPostDecoder, _ name: String, framing: RecordFraming = .lines) throws -> [Post] {
        let outcomes = try decode(decoder, name, framing: framing)
        for outcome in outcomes where outcome.rejection != nil {
            Issue.record("\(name):\(outcome.record) rejected: \(outcome.rejection!)")
        }
        return outcomes.flatMap(\.posts)
    }

    /// Decodes one JSON text given as a string.
    static func posts(_ decoder: some JSONPostDecoder, json: String) throws -> [Post] {
        let document = try JSONDocument(parsing: Array(json.utf8))
        return try decoder.decode(document.root, origin: .file("test", record: 1))
    }

    /// The reason one JSON text is rejected with, or nil when it decodes.
    static func rejection(_ decoder: some JSONPostDecoder, json: String) throws -> String? {
        let document = try JSONDocument(parsing: Array(json.utf8))
        do {
            _ = try decoder.decode(document.root, origin: .file("test", record: 1))
            return nil
        } catch {
            return error.reason
        }
    }

    /// An ISO 8601 time, for expectations.
    static func time(_ text: String) -> Date {
        guard let date = Timestamp.parseISO8601(text) else { fatalError("bad test time \(text)") }
        return date
    }
}
