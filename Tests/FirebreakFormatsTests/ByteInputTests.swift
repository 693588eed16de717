import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@testable import FirebreakFormats

// Two tests stand a file or pipe in for standard input, so the suite runs one test at a time.
@Suite("Byte input", .serialized)
struct ByteInputTests {
    /// Everything the input yields, read the way the splitter reads it.
    static func readAll(_ input: ByteInput) throws(InputError) -> [UInt8] {
        var buffer: [UInt8] = []
        while try input.read(appendingTo: &buffer) {}
        return buffer
    }

    /// A deterministic text of `count` bytes that compresses, but not to nothing.
    static func sample(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var line = 0
        while bytes.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            line += 1
            bytes += Array("{\"id\":\"\(line)\",\"text\":\"#myNYPD \(state >> 20)\"}\n".utf8)
        }
        return Array(bytes.prefix(count))
    }

    @Test func readsAPlainFile() throws {
        let files = try TempFiles()
        let content = Self.sample(3_000_000)  // several read chunks
        let path = try files.write("plain.jsonl", content)
        let input = try ByteInput(path: path)
        #expect(!input.isGzip)
        #expect(input.totalBytes == content.count)
        #expect(try Self.readAll(input) == content)
        #expect(input.bytesConsumed == content.count)
        #expect(input.name == path)
    }

    @Test func readsAnEmptyFile() throws {
        let files = try TempFiles()
        let input = try ByteInput(path: try files.write("empty", [UInt8]()))
        #expect(try Self.readAll(input).isEmpty)
    }

    @Test func inflatesGzipByItsMagicBytesNotItsName() throws {
        let files = try TempFiles()
        let content = Self.sample(2_500_000)  // inflates to more than one output chunk
        let path = try files.write("archive.jsonl", try files.gzip(content))
        let input = try ByteInput(path: path)
        #expect(input.isGzip)
        #expect(try Self.readAll(input) == content)
    }

    @Test func readsConcatenatedGzipMembers() throws {
        let files = try TempFiles()
        let first = Self.sample(1_200_000)
        let second = Array("{\"id\":\"last\"}\n".utf8)
        let third = Self.sample(10_000)
        let path = try files.write("cat.gz", try files.gzip(first) + files.gzip(second) + files.gzip(third))
        #expect(try Self.readAll(try ByteInput(path: path)) == first + second + third)
    }

    @Test func readsAGzippedEmptyFile() throws {
        let files = try TempFiles()
        let path = try files.write("empty.gz", try files.gzip([]))
        #expect(try Self.readAll(try ByteInput(path: path)).isEmpty)
    }

    @Test func reportsTruncatedGzip() throws {
        let files = try TempFiles()
        let compressed = try files.gzip(Self.sample(200_000))
        for cut in [compressed.count / 2, compressed.count - 4, 12, 3] {
            let path = try files.write("cut-\(cut).gz", Array(compressed.prefix(cut)))
            let input = try ByteInput(path: path)
            #expect(throws: InputError(file: path, reason: "gzip data is truncated")) { try Self.readAll(input) }
        }
    }

    @Test func reportsCorruptGzip() throws {
        let files = try TempFiles()
        var compressed = try files.gzip(Self.sample(200_000))
        for i in 40..<80 { compressed[i] ^= 0x5A }
        let path = try files.write("corrupt.gz", compressed)
        let input = try ByteInput(path: path)
        let error = #expect(throws: InputError.self) { try Self.readAll(input) }
        #expect(error?.reason.hasPrefix("gzip data is corrupt") == true)
    }

    @Test func readsGzipFromStandardInput() throws {
        let files = try TempFiles()
        let content = Self.sample(50_000)
        let path = try files.write("stdin.gz", try files.gzip(content))
        // Stand the file in for descriptor 0 for the length of the test, then put the real one back.
        let saved = dup(0)
        let file = open(path, O_RDONLY)
        #expect(saved >= 0 && file >= 0)
        dup2(file, 0)
        close(file)
        defer {
            dup2(saved, 0)
            close(saved)
        }
        let input = try ByteInput(path: "-")
        #expect(input.name == "-")
        #expect(input.isGzip)
        #expect(try Self.readAll(input) == content)
    }

    @Test func recognisesGzipWhenAPipeDeliversOneByteFirst() throws {
        let files = try TempFiles()
        let content = Self.sample(20_000)
        let compressed = try files.gzip(content)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let saved = dup(0)
        dup2(ends[0], 0)
        close(ends[0])
        defer {
            dup2(saved, 0)
            close(saved)
        }
        let writer = ends[1]
        let thread = Thread {
            _ = compressed.withUnsafeBytes { write(writer, $0.baseAddress!, 1) }
            usleep(100_000)  // the reader's first read returns the lone byte
            _ = compressed.withUnsafeBytes { write(writer, $0.baseAddress! + 1, compressed.count - 1) }
            close(writer)
        }
        thread.start()
        let input = try ByteInput(path: "-")
        #expect(input.isGzip)
        #expect(try Self.readAll(input) == content)
    }

    @Test func reportsAMissingFileAndADirectory() throws {
        let files = try TempFiles()
        let missing = files.directory.appendingPathComponent("nope.jsonl").path
        #expect(throws: InputError(file: missing, reason: "cannot open: No such file or directory")) {
            try ByteInput(path: missing)
        }
        #expect(throws: InputError(file: files.directory.path, reason: "is a directory")) {
            try ByteInput(path: files.directory.path)
        }
    }
}
