import Foundation

/// An `application/x-www-form-urlencoded` body: fields in order, repeated names kept (bulk moderation sends many
/// `keys`).
public struct FormData: Sendable {
    /// The fields in order.
    public let fields: [(name: String, value: String)]

    /// Parses a body; a field that is not valid percent-encoding is dropped.
    public init(_ body: String) {
        fields = body.split(separator: "&", omittingEmptySubsequences: true).compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { return nil }
            return (name, value)
        }
    }

    /// The first value of a field.
    public subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value of a field.
    public func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
}
