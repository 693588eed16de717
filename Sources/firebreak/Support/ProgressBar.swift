import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress display on standard error, shown only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let totalBytes: Int?
    private let started = Date()
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    /// Creates a bar; `totalBytes` is the size of all inputs when known.
    init(totalBytes: Int?, enabled: Bool = isatty(2) != 0) {
        self.enabled = enabled
        self.totalBytes = totalBytes
    }

    /// Redraws at most ten times a second.
    func update(records: Int, bytes: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(0.001, now.timeIntervalSince(started))
        let rate = Int(Double(records) / elapsed)
        var line = "\r\(records) records  \(rate)/s  \(Self.megabytes(bytes))"
        if let total = totalBytes, total > 0 {
            let fraction = min(1, Double(bytes) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            line = "\r[\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] "
                + "\(Int(fraction * 100))%  \(Self.megabytes(bytes)) of \(Self.megabytes(total))  \(records) records  \(rate)/s"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
