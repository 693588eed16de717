import Firebreak

/// Decodes one input's records in its format; safe to use from several threads at once.
public struct RecordDecoder: Sendable {
    /// The input's name as used in rejections.
    public let file: String
    /// The format records are read as (`auto` sniffs each JSON record and falls back to `fileFormat`).
    public let format: InputFormat
    /// The JSON format the input's first readable record had, used when a record fits no shape.
    public let fileFormat: InputFormat?
    let csv: CSVPostDecoder?

    /// Creates a decoder.
    public init(file: String, format: InputFormat, fileFormat: InputFormat?, csv: CSVPostDecoder? = nil) {
        self.file = file
        self.format = format
        self.fileFormat = fileFormat
        self.csv = csv
    }

    /// Decodes one record.
    public func decode(_ record: RawRecord) -> RecordOutcome {
        var tape: [JSONDocument.Entry] = []
        var carried = CarriedPosts()
        return decode(record, tape: &tape, carried: &carried)
    }

    /// Decodes records in order, reusing one JSON tape's storage for all of them.
    public func decode(_ records: [RawRecord]) -> [RecordOutcome] {
        var tape: [JSONDocument.Entry] = []
        tape.reserveCapacity(256)
        var carried = CarriedPosts()
        return records.map { decode($0, tape: &tape, carried: &carried) }
    }

    /// Decodes one record; `tape` is the storage the last document left and takes this one's.
    private func decode(_ record: RawRecord, tape: inout [JSONDocument.Entry], carried: inout CarriedPosts) -> RecordOutcome {
        let origin = RecordOrigin.file(file, record: record.number)
        if let error = record.framingError { return .rejected(Rejection(file: file, record: record.number, reason: error)) }
        do throws(DecodeError) {
            switch format {
            case .text:
                return .posts([try TextPostDecoder().decode(record.bytes, origin: origin)])
            case .csv:
                guard let csv else { throw DecodeError("CSV header missing") }
                return .posts([try csv.decode(record.bytes, origin: origin)])
            case .auto, .xV1, .xV2, .twarc2, .mastodon, .bluesky:
                let document: JSONDocument
                do {
                    var reused: [JSONDocument.Entry] = []
                    swap(&reused, &tape)
                    document = try JSONDocument(parsing: record.bytes, tape: consume reused)
                } catch {
                    return .rejected(Rejection(file: file, record: record.number, reason: error.description))
                }
                // Taken back before the document goes; once it has, the tape is ours alone again.
                defer { tape = document.reusableTape }
                let root = document.root
                let chosen = format == .auto ? (FormatSniffer.format(of: root) ?? fileFormat) : format
                guard let chosen, let decoder = Self.decoder(for: chosen) else {
                    throw DecodeError("unknown record shape: not an X v1.1 or v2 tweet, a Mastodon status or a Bluesky post")
                }
                return .posts(try decoder.decode(root, origin: origin, carried: &carried))
            }
        } catch {
            return .rejected(Rejection(file: file, record: record.number, reason: error.reason))
        }
    }

    static func decoder(for format: InputFormat) -> (any JSONPostDecoder)? {
        switch format {
        case .xV1: XV1Decoder()
        case .xV2, .twarc2: XV2Decoder()
        case .mastodon: MastodonDecoder()
        case .bluesky: BlueskyDecoder()
        case .auto, .csv, .text: nil
        }
    }
}
