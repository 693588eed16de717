/// Splits one CSV row (as `RecordSplitter` frames it) into its fields, following RFC 4180.
///
/// A field is either bare (no quotes inside) or wrapped in double quotes, where `""` stands for one
/// quote and commas and line breaks are part of the field. Text after a closing quote, or a quote left
/// open, is an error rather than a guess, so a broken row is reported instead of shifting columns.
enum CSVRow {
    /// The fields of `row`, separated by `delimiter`; throws on invalid UTF-8 or broken quoting.
    static func fields(_ row: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) throws(DecodeError) -> [String] {
        guard String(validating: row, as: UTF8.self) != nil else { throw DecodeError("invalid UTF-8") }
        let quote = UInt8(ascii: "\"")
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        while true {
            field.removeAll(keepingCapacity: true)
            if i < row.count, row[i] == quote {
                i += 1
                var closed = false
                while i < row.count {
                    if row[i] == quote {
                        if i + 1 < row.count, row[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    // Line breaks inside quotes are kept, with CRLF read as one line break.
                    if row[i] == 0x0D, i + 1 < row.count, row[i + 1] == 0x0A {
                        i += 1
                        continue
                    }
                    field.append(row[i])
                    i += 1
                }
                guard closed else { throw DecodeError("malformed CSV: field \(fields.count + 1) has an unclosed quote") }
                guard i == row.count || row[i] == delimiter else {
                    throw DecodeError("malformed CSV: text after the closing quote of field \(fields.count + 1)")
                }
            } else {
                while i < row.count, row[i] != delimiter {
                    field.append(row[i])
                    i += 1
                }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            guard i < row.count else { break }
            i += 1  // the delimiter; a trailing one means an empty last field
        }
        return fields
    }
}
