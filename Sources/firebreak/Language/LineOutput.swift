import Foundation

/// Buffers output lines and writes them to standard output in large chunks.
struct LineOutput {
    private var pending: [UInt8] = []

    mutating func write(_ line: String) {
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}
