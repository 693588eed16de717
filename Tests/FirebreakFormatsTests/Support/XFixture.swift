import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

/// Loads the hand-written X fixtures and runs a decoder over them, record by record, the way the
/// pipeline will: each line (or the whole file for JSON arrays and pages) is parsed and decoded alone.
enum XFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/x")

    /// The fixture's bytes.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The fixture's non-empty lines, as bytes.
    static func lines(_ name: String) throws -> [[UInt8]] {
        try bytes(name).split(separator: UInt8(ascii: "\n")).map(Array.init)
    }

    /// Decodes one record's bytes; the origin is `name:record`.
    static func decode(
        _ decoder: some JSONPostDecoder, _ bytes: [UInt8], name: String = "test", record: Int = 1
    ) throws -> [Post] {
        let document = try JSONDocument(parsing: bytes)
        return try decoder.decode(document.root, origin: .file(name, record: record))
    }

    /// Decodes a JSON text given as a string.
    static func decode(_ decoder: some JSONPostDecoder, json: String) throws -> [Post] {
        try decode(decoder, Array(json.utf8))
    }

    /// The reason a JSON text is rejected with, or nil when it decodes.
    static func rejection(_ decoder: some JSONPostDecoder, json: String) throws -> String? {
        let document = try JSONDocument(parsing: Array(json.utf8))
        do {
            _ = try decoder.decode(document.root, origin: .file("test", record: 1))
            return nil
        } catch {
            return error.reason
        }
    }

    /// 2014-04-22 at the given UTC clock time.
    static func april22(_ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_398_124_800 + TimeInterval(hour * 3600 + minute * 60 + second))
    }
}
