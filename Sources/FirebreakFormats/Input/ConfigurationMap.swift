import Foundation

/// One mapping of a YAML file (a campaign file, the desk's `firebreak.yml`), read strictly: every key must be known and
/// every value of the expected shape, so that a misspelt `hashtag:` or `ingest_token`, or a quoted `"true"`, stops the
/// run with the file and the field instead of running it with a default nobody chose.
public struct ConfigurationMap {
    /// The mapping's values.
    public let values: [String: Any]
    /// Where it is in the file (`campaigns[0].replay`), empty at the top.
    public let path: String
    /// The file, for errors.
    public let source: String

    /// Wraps the mapping `node`, or fails when it is not one.
    public init(_ node: Any, path: String, source: String) throws(InputError) {
        guard let values = node as? [String: Any] else {
            throw InputError(file: source, reason: path.isEmpty ? "expected a mapping" : "\(path) must be a mapping")
        }
        (self.values, self.path, self.source) = (values, path, source)
    }

    /// An error about this mapping's file.
    public func fail(_ reason: String) -> InputError { InputError(file: source, reason: reason) }

    /// The full name of `key` in the file.
    public func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Fails on the first key (in sorted order) that is not in `known`.
    public func checkKeys(_ known: [String]) throws(InputError) {
        for key in values.keys.sorted() where !known.contains(key) {
            throw fail("unknown field \(name(key)) (\(path.isEmpty ? "the file" : path) may have \(known.joined(separator: ", ")))")
        }
    }

    /// The value of `key`, nil when absent or null.
    public func value(_ key: String) -> Any? {
        guard let value = values[key], !(value is NSNull) else { return nil }
        return value
    }

    /// Text: a string, or a number or boolean as YAML read it (`page_id: 1234`); nil when absent; an error for a list,
    /// a mapping or blank text.
    public func string(_ key: String) throws(InputError) -> String? {
        try value(key).map { value throws(InputError) in try Self.text(value, name(key), fail: fail) }
    }

    /// `true` or `false`, unquoted.
    public func bool(_ key: String) throws(InputError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value as? Bool else { throw fail("\(name(key)) must be true or false") }
        return flag
    }

    /// A whole number within `range`.
    public func int(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value as? Int, range.contains(number) else {
            throw fail("\(name(key)) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A number above zero and at most `maximum`.
    public func positive(_ key: String, atMost maximum: Double) throws(InputError) -> Double? {
        guard let value = value(key) else { return nil }
        let number = (value as? Double) ?? (value as? Int).map(Double.init)
        guard let number, number > 0, number <= maximum else { throw fail("\(name(key)) must be a number above 0 and at most \(Int(maximum))") }
        return number
    }

    /// A list of texts (each trimmed of spaces), or one text as a list of one; nil when absent.
    public func strings(_ key: String) throws(InputError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let list = value as? [Any] else { return [try Self.text(value, name(key), fail: fail).trimmingCharacters(in: .whitespaces)] }
        var texts: [String] = []
        for (index, item) in list.enumerated() {
            texts.append(try Self.text(item, "\(name(key))[\(index)]", fail: fail).trimmingCharacters(in: .whitespaces))
        }
        return texts
    }

    /// The mapping under `key`, nil when absent.
    public func map(_ key: String) throws(InputError) -> ConfigurationMap? {
        try value(key).map { node throws(InputError) in try ConfigurationMap(node, path: name(key), source: source) }
    }

    private static func text(_ value: Any, _ field: String, fail: (String) -> InputError) throws(InputError) -> String {
        let text: String
        switch value {
        case let string as String: text = string
        case let int as Int: text = String(int)
        case let double as Double: text = String(double)
        case let bool as Bool: text = String(bool)
        case is NSNull: throw fail("\(field) is empty")
        case is [Any]: throw fail("\(field) must be text, not a list")
        case is [String: Any], is [AnyHashable: Any]: throw fail("\(field) must be text, not a mapping")
        default: throw fail("\(field) must be text, not \(type(of: value))")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw fail("\(field) is empty") }
        return text
    }
}
