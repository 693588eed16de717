/// One record as framed from an input, before decoding.
public struct RawRecord: Sendable {
    /// 1-based record number: line number for line-framed input, element number for JSON arrays and
    /// value streams, data row number for CSV.
    public var number: Int
    /// The record's bytes (without the line break): often a slice of the read buffer it was framed from,
    /// so index it from `bytes.startIndex`.
    public var bytes: ArraySlice<UInt8>
    /// Set when the record was rejected while framing (too long, cut short); `bytes` is then empty.
    public var framingError: String?

    /// Creates a record.
    public init(number: Int, bytes: ArraySlice<UInt8>, framingError: String? = nil) {
        self.number = number
        self.bytes = bytes
        self.framingError = framingError
    }

    /// Creates a record from bytes of its own.
    public init(number: Int, bytes: [UInt8], framingError: String? = nil) {
        self.init(number: number, bytes: bytes[...], framingError: framingError)
    }
}
