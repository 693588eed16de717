import FirebreakFormats
import Foundation

/// One mapping of a YAML configuration file, read strictly: every key must be known and every value of the expected
/// shape, so that a misspelt `ingest_token` or a quoted `"true"` stops the desk with the file and the key instead of
/// running it with a default the operator did not choose.
struct ConfigurationMap {
    /// The mapping's values.
    let values: [String: Any]
    /// Where it is in the file (`campaigns[0].replay`), empty at the top.
    let path: String
    /// The file, for errors.
    let source: String

    /// Wraps the mapping `node`, or fails when it is not one.
    init(_ node: Any, path: String, source: String) throws(InputError) {
        guard let values = node as? [String: Any] else {
            throw InputError(file: source, reason: path.isEmpty ? "expected a mapping" : "\(path) must be a mapping")
        }
        (self.values, self.path, self.source) = (values, path, source)
    }

    /// An error about this mapping's file.
    func fail(_ reason: String) -> InputError { InputError(file: source, reason: reason) }

    /// The full name of `key` in the file.
    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Fails on the first key (in sorted order) that is not in `known`.
    func checkKeys(_ known: [String]) throws(InputError) {
        for key in values.keys.sorted() where !known.contains(key) {
            throw fail("unknown setting \(name(key)) (\(path.isEmpty ? "the file" : path) may have \(known.joined(separator: ", ")))")
        }
    }

    /// The value of `key`, nil when absent or null.
    func value(_ key: String) -> Any? {
        guard let value = values[key], !(value is NSNull) else { return nil }
        return value
    }

    /// Text: a string, or a number YAML read as one (`page_id: 1234`).
    func string(_ key: String) throws(InputError) -> String? {
        guard let value = value(key) else { return nil }
        switch value {
        case let text as String: return text
        case let int as Int: return String(int)
        default: throw fail("\(name(key)) must be text")
        }
    }

    /// `true` or `false`, unquoted.
    func bool(_ key: String) throws(InputError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value as? Bool else { throw fail("\(name(key)) must be true or false") }
        return flag
    }

    /// A whole number within `range`.
    func int(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value as? Int, range.contains(number) else {
            throw fail("\(name(key)) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A number above zero and at most `maximum`.
    func positive(_ key: String, atMost maximum: Double) throws(InputError) -> Double? {
        guard let value = value(key) else { return nil }
        let number = (value as? Double) ?? (value as? Int).map(Double.init)
        guard let number, number > 0, number <= maximum else { throw fail("\(name(key)) must be a number above 0 and at most \(Int(maximum))") }
        return number
    }

    /// A list of texts.
    func strings(_ key: String) throws(InputError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let list = value as? [Any] else { throw fail("\(name(key)) must be a list") }
        var texts: [String] = []
        for item in list {
            guard let text = item as? String, !text.isEmpty else { throw fail("\(name(key)) must be a list of non-empty texts") }
            texts.append(text)
        }
        return texts
    }

    /// The mapping under `key`, nil when absent.
    func map(_ key: String) throws(InputError) -> ConfigurationMap? {
        try value(key).map { node throws(InputError) in try ConfigurationMap(node, path: name(key), source: source) }
    }
}
