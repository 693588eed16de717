import Foundation

/// The desk's one JSON encoder setup: sorted keys, RFC 3339 dates, escaped slashes kept off.
enum DeskJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// `value` as a JSON string ("{}" if it cannot be encoded, which the desk's own types never cause).
    static func string(_ value: some Encodable) -> String {
        guard let data = try? encoder().encode(value) else { return "{}" }
        // U+2028/2029 are valid JSON but end lines in some script contexts; escape them like the report encoder.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    static func data(_ value: some Encodable) -> Data { Data(string(value).utf8) }
}
