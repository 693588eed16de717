import Foundation

/// The processors this process may run on, for "one batch per core" defaults.
///
/// `ProcessInfo.activeProcessorCount` counts the machine's processors, not the ones `taskset` or a container's cpuset
/// leaves to the process; two batches in flight on one allowed core compete for its cache and were measured slower.
enum UsableProcessors {
    /// The allowed processors (Linux: the `Cpus_allowed` mask of `/proc/self/status`), at most the active ones, at least 1.
    static var count: Int {
        let active = ProcessInfo.processInfo.activeProcessorCount
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let allowed = allowedCount(status: status)
        else { return max(1, active) }
        return max(1, min(active, allowed))
    }

    /// The number of bits set in the `Cpus_allowed:` line (hex words, comma-separated), or nil without one.
    static func allowedCount(status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
        var bits = 0
        for character in line.dropFirst("Cpus_allowed:".count) where character != "," && !character.isWhitespace {
            guard let nibble = character.hexDigitValue else { return nil }
            bits += nibble.nonzeroBitCount
        }
        return bits > 0 ? bits : nil
    }
}
