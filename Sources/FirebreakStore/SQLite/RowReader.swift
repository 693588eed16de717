import Foundation
import GRDB

/// Reads the columns of one stored row, turning every failure into a `SQLiteStoreError` that names the table,
/// the row's key and the column — GRDB's subscripts would crash on a bad value instead.
struct RowReader {
    let row: Row
    let table: String
    /// The columns that identify the row in error messages (read only when there is an error).
    let keyColumns: [String]

    /// A column's value; a NULL for a non-optional type is an error.
    func value<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        do {
            return try row.decode(Value.self, forColumn: column)
        } catch {
            throw corrupt(column, "\(error)")
        }
    }

    /// A REAL column of epoch seconds.
    func date(_ column: String) throws -> Date { Date(storeSeconds: try value(column, as: Double.self)) }

    /// A nullable REAL column of epoch seconds.
    func optionalDate(_ column: String) throws -> Date? { try value(column, as: Double?.self).map(Date.init(storeSeconds:)) }

    /// A TEXT column holding an enum's raw value.
    func raw<Value: RawRepresentable>(_ column: String, as type: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        let text = try value(column, as: String.self)
        guard let value = Value(rawValue: text) else { throw corrupt(column, "unknown value \"\(text)\"") }
        return value
    }

    /// A column holding JSON.
    func json<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        let data = try value(column, as: Data.self)
        do {
            return try SQLiteStore.decoder.decode(Value.self, from: data)
        } catch {
            throw corrupt(column, "\(Value.self) does not decode: \(error)")
        }
    }

    private func corrupt(_ column: String, _ reason: String) -> SQLiteStoreError {
        let key = keyColumns.map { "\($0)=\(row.describe($0))" }.joined(separator: ", ")
        return .corruptRow(table: table, key: key, column: column, reason: reason)
    }
}

extension Row {
    /// A column as text for an error message, whatever it holds (never throws).
    func describe(_ column: String) -> String {
        let value = (self[column] as DatabaseValue?) ?? .null
        if case .string(let text) = value.storage { return text }
        return value.description
    }
}
