import Firebreak

/// Opens one archive (a file, `.gz` or not, or `-` for standard input), works out its format and framing,
/// and hands out batches of raw records.
public final class ArchiveReader {
    /// The input's name.
    public let name: String
    /// The format records are read as.
    public let format: InputFormat
    /// How records are framed.
    public let framing: RecordFraming
    /// The decoder for this input's records.
    public let decoder: RecordDecoder
    /// The underlying bytes, for progress.
    public let input: ByteInput
    private let splitter: RecordSplitter
    /// Records read ahead (finding the format, or a CSV header below a preamble), handed out first.
    private var pending: [RawRecord] = []

    /// Opens an input; `format` may be `auto`.
    public convenience init(path: String, format requested: InputFormat = .auto, maxRecordBytes: Int = RecordSplitter.defaultMaxRecordBytes)
        throws(InputError)
    {
        try self.init(input: ByteInput(path: path), format: requested, maxRecordBytes: maxRecordBytes)
    }

    /// Reads an opened input (a file, or bytes in memory); `format` may be `auto`.
    public init(input: ByteInput, format requested: InputFormat = .auto, maxRecordBytes: Int = RecordSplitter.defaultMaxRecordBytes)
        throws(InputError)
    {
        let path = input.name
        name = path
        self.input = input
        var prefix: [UInt8] = []
        // Peek enough to decide: `peekLines` full lines, or `peekBytes` (two records at the longest a line may be).
        var newlines = 0
        while prefix.count < Self.peekBytes, newlines < Self.peekLines {
            let before = prefix.count
            if try !input.read(appendingTo: &prefix) { break }
            newlines += prefix[before...].lazy.filter { $0 == 0x0A }.count
        }
        let lines = FormatSniffer.leadingLines(prefix, limit: Self.peekLines)
        let sample = FormatSniffer.wholeValueLines(lines)
        let lowered = path.lowercased()
        var format = requested
        if format == .auto {
            // A JSON Lines archive cut mid-record starts with the tail of a record, not with `{`.
            if FormatSniffer.looksLikeJSON(prefix) || FormatSniffer.looksLikeJSONLines(sample) {
                format = .auto
            } else if lowered.hasSuffix(".csv") || lowered.hasSuffix(".csv.gz") || FormatSniffer.looksLikeCSVHeader(Self.firstLine(prefix)) {
                format = .csv
            } else if FormatSniffer.looksLikeJSONBehindAPrefix(lines) {
                throw InputError(
                    file: path,
                    reason:
                        "looks like JSON, but not from its first byte (something precedes it: a script prefix, saved HTTP headers); remove what comes before the first { or [, or pass --format text to read each line as a post"
                )
            } else {
                format = .text
            }
        }
        self.format = format
        switch format {
        case .text: framing = .lines
        case .csv: framing = .csvRows
        default: framing = Self.jsonFraming(sample)
        }
        splitter = RecordSplitter(input: input, framing: framing, prefix: prefix, maxRecordBytes: maxRecordBytes)
        if format == .csv {
            // Listening tools put a preamble above the header (report name, query, date range): the header is the
            // first row that reads as one, within `maxPreambleRows`.
            var preamble: [RawRecord] = []
            var firstError: DecodeError?
            var csv: CSVPostDecoder?
            var headerRow = 0
            while csv == nil, preamble.count <= Self.maxPreambleRows, let row = try splitter.next() {
                do throws(DecodeError) {
                    csv = try CSVPostDecoder(headerRow: row.bytes)
                    headerRow = row.number
                } catch {
                    if firstError == nil { firstError = error }
                    preamble.append(row)
                }
            }
            guard let csv else {
                if let firstError { throw InputError(file: path, reason: "unusable CSV header: \(firstError.reason)") }
                decoder = RecordDecoder(file: path, format: .csv, fileFormat: nil)
                return
            }
            // Reported, not dropped in silence: a preamble line is no post, but it may be a header gone wrong.
            pending = preamble.map {
                RawRecord(number: $0.number, bytes: [], framingError: "above the CSV header (row \(headerRow)): not a post")
            }
            decoder = RecordDecoder(file: path, format: .csv, fileFormat: nil, csv: csv)
        } else if format == .text {
            decoder = RecordDecoder(file: path, format: .text, fileFormat: nil)
        } else {
            // Learn the file's format from its first readable records, for records that fit no shape.
            var fileFormat: InputFormat? = format == .auto ? nil : format
            var peeked: [RawRecord] = []
            while fileFormat == nil, peeked.count < 20, let record = try splitter.next() {
                peeked.append(record)
                if let document = try? JSONDocument(parsing: record.bytes) { fileFormat = FormatSniffer.format(of: document.root) }
            }
            pending = peeked
            decoder = RecordDecoder(file: path, format: format, fileFormat: fileFormat)
        }
    }

    /// The format detected for the file (`auto` resolved when a record could be recognised).
    public var detectedFormat: InputFormat { format == .auto ? decoder.fileFormat ?? .auto : format }

    /// Up to `count` records, or nil at the end of the input.
    public func nextBatch(count: Int = 1024) throws(InputError) -> [RawRecord]? {
        var batch = pending
        pending = []
        batch += try splitter.next(batchOf: count - min(count, batch.count))
        return batch.isEmpty ? nil : batch
    }

    private static func firstLine(_ bytes: [UInt8]) -> [UInt8] {
        var line = Array(bytes.prefix { $0 != 0x0A })
        if line.last == 0x0D { line.removeLast() }
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        return line
    }

    /// Rows above a CSV header that are passed over looking for it.
    static let maxPreambleRows = 20

    /// Complete lines the format and framing are decided on.
    static let peekLines = 16
    /// Bytes read at most to find them.
    static let peekBytes = 2 * RecordSplitter.defaultMaxRecordBytes

    /// JSON Lines when at least half the first complete lines are each a whole JSON object or array (so one or
    /// two broken or cut lines at the start do not change the framing), or when there is no complete line;
    /// otherwise a stream of values (pretty-printed objects, a JSON array spread over lines, where a line is
    /// rarely a whole object).
    private static func jsonFraming(_ sample: (lines: Int, values: Int)) -> RecordFraming {
        sample.lines == 0 || FormatSniffer.looksLikeJSONLines(sample) ? .lines : .jsonValues
    }
}
