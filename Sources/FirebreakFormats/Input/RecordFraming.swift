/// How an input's bytes divide into records.
public enum RecordFraming: Sendable, Hashable {
    /// One record a line (JSON Lines, plain text).
    case lines
    /// A stream of JSON values; a top-level array is split into its elements (pretty-printed files, JSON arrays).
    case jsonValues
    /// CSV rows: line breaks inside quoted fields belong to the field.
    case csvRows
}
