import Foundation
import GRDB

/// The desk's store in one SQLite file, through GRDB.
///
/// The file is opened in WAL mode: one writer at a time, readers in parallel that never wait for it. With
/// `synchronous = NORMAL` a committed transaction survives the process being killed (not a power cut), which is
/// what the protocol promises. Every write is one transaction.
public final class SQLiteStore: FirebreakStore {
    /// The connection(s): a `DatabasePool` for a file, a `DatabaseQueue` in memory.
    let writer: any DatabaseWriter
    /// Where the database lives; nil in memory.
    public let path: String?

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        try SQLiteSchema.migrator.migrate(pool)
        self.writer = pool
        self.path = path
    }

    /// A store that lives in memory only (gone when released): for tests, with nothing to clean up.
    public static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(inMemory: ())
    }

    private init(inMemory: Void) throws {
        // A pool needs a file (WAL); a queue gives the same schema and semantics without one.
        let queue = try DatabaseQueue(configuration: Self.configuration())
        try SQLiteSchema.migrator.migrate(queue)
        self.writer = queue
        self.path = nil
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "FirebreakStore"
        configuration.foreignKeysEnabled = true
        // Another process (a CLI run beside the server) may hold the write lock briefly: wait rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // GRDB already sets NORMAL for WAL pools; said here so the durability choice is explicit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    // MARK: JSON

    /// One encoder for every JSON column: dates as epoch seconds, like the REAL columns beside them.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        // A figure can be infinite (a rate over an empty baseline); storing it beats refusing the alert.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: JSONStreamWriter.positiveInfinity, negativeInfinity: JSONStreamWriter.negativeInfinity, nan: JSONStreamWriter.nan)
        return encoder
    }()

    /// The decoder matching `encoder`.
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: JSONStreamWriter.positiveInfinity, negativeInfinity: JSONStreamWriter.negativeInfinity, nan: JSONStreamWriter.nan)
        return decoder
    }()

    /// The encoder for posts and assessments, written for every post received: the same JSON, faster.
    static let postEncoder = StreamingJSONEncoder(fallback: encoder)

    /// `value` as JSON text for a column.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A post or an assessment as JSON text for a column.
    static func postJSON(_ value: some Encodable) throws -> String {
        try postEncoder.encodeText(value)
    }
}

extension Date {
    /// Seconds since the epoch, as the REAL columns hold it (the same number the JSON columns hold).
    var storeSeconds: Double { timeIntervalSince1970 }

    /// A date read from a REAL column.
    init(storeSeconds: Double) { self.init(timeIntervalSince1970: storeSeconds) }
}
