import Foundation
import Yams

/// One node of a scenario file with its path from the top, so every error can name the field it is about.
struct YAMLValue {
    let node: Node
    let path: String
    let file: String

    func error(_ message: String) -> ScenarioFileError {
        ScenarioFileError(file: file, line: node.mark?.line, field: path, message: message)
    }

    /// The value's fields, rejecting any key not in `allowed` (a typo must not be silently ignored).
    func fields(allowed: [String]) throws -> YAMLFields {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of fields, got \(kind)") }
        var values: [String: YAMLValue] = [:]
        var order: [String] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error("field names must be plain text") }
            guard allowed.contains(name) else {
                throw YAMLValue(node: key, path: child(name), file: file)
                    .error("unknown field '\(name)' (expected one of: \(allowed.joined(separator: ", ")))")
            }
            values[name] = YAMLValue(node: value, path: child(name), file: file)
            order.append(name)
        }
        return YAMLFields(owner: self, values: values, order: order)
    }

    /// Key–value pairs of a mapping whose keys are data (voices, roles, slot names), in file order.
    func pairs() throws -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping, got \(kind)") }
        return try mapping.map { key, value in
            guard let name = key.scalar?.string else { throw error("keys must be plain text") }
            return (name, YAMLValue(node: value, path: child(name), file: file))
        }
    }

    func sequence() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, got \(kind)") }
        return sequence.enumerated().map { YAMLValue(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected text, got \(kind)") }
        return scalar.string
    }

    func double() throws -> Double {
        let text = try string()
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            throw error("expected a number, got '\(text)'")
        }
        return value
    }

    /// A number that must lie in `range` (shares, probabilities, counts).
    func double(in range: ClosedRange<Double>) throws -> Double {
        let value = try double()
        guard range.contains(value) else { throw error("\(value) is out of range \(range.lowerBound)...\(range.upperBound)") }
        return value
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        let text = try string()
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw error("expected a whole number, got '\(text)'")
        }
        guard range.contains(value) else { throw error("\(value) is out of range \(range.lowerBound)...\(range.upperBound)") }
        return value
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error("expected true or false, got '\(other)'")
        }
    }

    /// An ISO 8601 time with a zone (`2015-03-10T14:00:00Z`).
    func date() throws -> Date {
        let text = try string()
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        throw error("expected an ISO 8601 time such as 2015-03-10T14:00:00Z, got '\(text)'")
    }

    /// One of an enumeration's raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        if let value = T(rawValue: text) { return value }
        throw error("unknown value '\(text)' (expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
    }

    /// A list of text, or a single text taken as a one-element list.
    func strings() throws -> [String] {
        if case .scalar = node { return [try string()] }
        return try sequence().map { try $0.string() }
    }

    private func child(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    private var kind: String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
