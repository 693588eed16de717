import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the raw bytes of one input (a file or standard input), inflating gzip transparently.
///
/// Gzip is recognised by its magic bytes, not the file name, so a `.gz` piped into standard input
/// works too; concatenated gzip members (as `cat a.gz b.gz` makes) are all read.
public final class ByteInput {
    /// The name used in rejections and reports (`-` for standard input).
    public let name: String
    /// The size of the file on disk when known (not for pipes).
    public let totalBytes: Int?
    /// Bytes consumed from the file so far (compressed bytes for gzip), for progress.
    public private(set) var bytesConsumed = 0
    /// Whether the input is gzip-compressed.
    public private(set) var isGzip = false
    /// Bytes handed to the reader so far (inflated bytes for gzip).
    public private(set) var bytesDecoded = 0
    /// The most bytes the input may decode to (nil: no limit).
    private var maxDecodedBytes: Int?

    private let fd: Int32
    private let ownsDescriptor: Bool
    private var raw: [UInt8]
    private var rawStart = 0
    private var rawEnd = 0
    private var rawEOF = false
    private var zstream = z_stream()
    private var inflating = false
    private var gzipDone = false
    private static let chunkSize = 1 << 20
    /// Whether the first bytes have been checked for a UTF-16 byte-order mark.
    private var encodingKnown = false
    /// Set when the input is UTF-16.
    private var utf16: UTF16Transcoder?
    /// Whether the input is UTF-16 (read as UTF-8).
    public var isUTF16: Bool { utf16 != nil }

    /// Opens a file by path, or standard input for `-`.
    public init(path: String) throws(InputError) {
        name = path
        raw = [UInt8](repeating: 0, count: Self.chunkSize)
        if path == "-" {
            fd = 0
            ownsDescriptor = false
            totalBytes = nil
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else { throw InputError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))") }
            var info = stat()
            if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(opened)
                throw InputError(file: path, reason: "is a directory")
            }
            fd = opened
            ownsDescriptor = true
            totalBytes = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        }
        try fillRaw()
        // A pipe may hand over a single byte first; the magic number needs two.
        while rawEnd < 2 && !rawEOF {
            let count = raw.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + rawEnd, Self.chunkSize - rawEnd) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { rawEOF = true }
            rawEnd += count
            bytesConsumed += count
        }
        if rawEnd - rawStart >= 2, raw[rawStart] == 0x1F, raw[rawStart + 1] == 0x8B {
            isGzip = true
            // 15 + 16: gzip wrapper only, maximum window.
            guard inflateInit2_(&zstream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw InputError(file: path, reason: "cannot start gzip decompression")
            }
            inflating = true
        }
    }

    /// Reads bytes already in memory (an HTTP request body); gzip is recognised the same way. Past `maxDecodedBytes`
    /// of decoded bytes (a small gzip body can inflate to gigabytes) reading fails.
    public init(bytes: [UInt8], name: String, maxDecodedBytes: Int? = nil) throws(InputError) {
        self.name = name
        self.maxDecodedBytes = maxDecodedBytes
        fd = -1
        ownsDescriptor = false
        totalBytes = bytes.count
        raw = bytes
        rawEnd = bytes.count
        rawEOF = true
        bytesConsumed = bytes.count
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            isGzip = true
            guard inflateInit2_(&zstream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw InputError(file: name, reason: "cannot start gzip decompression")
            }
            inflating = true
        }
    }

    deinit {
        if inflating { inflateEnd(&zstream) }
        if ownsDescriptor { close(fd) }
    }

    /// Appends up to about a megabyte of decoded bytes to `buffer`; returns false at the end of input. Text that
    /// starts with a UTF-16 byte-order mark is handed out as UTF-8.
    public func read(appendingTo buffer: inout [UInt8]) throws(InputError) -> Bool {
        let before = buffer.count
        var more: Bool
        if encodingKnown && utf16 == nil {
            more = try readChunk(appendingTo: &buffer)
        } else {
            var chunk: [UInt8] = []
            more = try readChunk(appendingTo: &chunk)
            var start = 0
            if !encodingKnown {
                encodingKnown = true
                if let littleEndian = UTF16Transcoder.byteOrder(of: chunk) {
                    utf16 = UTF16Transcoder(littleEndian: littleEndian)
                    start = 2
                }
            }
            if var transcoder = utf16 {
                if more {
                    transcoder.transcode(chunk[start...], into: &buffer)
                } else {
                    more = transcoder.finish(into: &buffer)
                }
                utf16 = transcoder
            } else {
                buffer.append(contentsOf: chunk)
            }
        }
        bytesDecoded += buffer.count - before
        if let limit = maxDecodedBytes, bytesDecoded > limit {
            throw InputError(file: name, reason: "the input decodes to more than \(limit) bytes")
        }
        return more
    }

    private func readChunk(appendingTo buffer: inout [UInt8]) throws(InputError) -> Bool {
        if !isGzip {
            if rawStart < rawEnd {
                buffer.append(contentsOf: raw[rawStart..<rawEnd])
                rawStart = rawEnd
                return true
            }
            try fillRaw()
            guard rawStart < rawEnd else { return false }
            buffer.append(contentsOf: raw[rawStart..<rawEnd])
            rawStart = rawEnd
            return true
        }
        return try inflateChunk(appendingTo: &buffer)
    }

    private func fillRaw() throws(InputError) {
        guard !rawEOF else { return }
        rawStart = 0
        rawEnd = 0
        while true {
            let count = raw.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, Self.chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: name, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { rawEOF = true }
            rawEnd = count
            bytesConsumed += count
            return
        }
    }

    private func inflateChunk(appendingTo buffer: inout [UInt8]) throws(InputError) -> Bool {
        if gzipDone { return false }
        var out = [UInt8](repeating: 0, count: Self.chunkSize)
        var produced = 0
        while produced == 0 {
            if rawStart == rawEnd {
                try fillRaw()
                if rawStart == rawEnd {
                    gzipDone = true
                    if produced == 0 {
                        // End of file inside a member that had started: the archive is cut short.
                        if zstream.total_in > 0 { throw InputError(file: name, reason: "gzip data is truncated") }
                        return false
                    }
                    break
                }
            }
            let status: Int32 = raw.withUnsafeMutableBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    zstream.next_in = inBuf.baseAddress! + rawStart
                    zstream.avail_in = UInt32(rawEnd - rawStart)
                    zstream.next_out = outBuf.baseAddress! + produced
                    zstream.avail_out = UInt32(outBuf.count - produced)
                    let status = inflate(&zstream, Z_NO_FLUSH)
                    produced = outBuf.count - Int(zstream.avail_out)
                    rawStart = rawEnd - Int(zstream.avail_in)
                    return status
                }
            }
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                // Another member may follow (concatenated gzip files).
                if rawStart == rawEnd { try fillRaw() }
                if rawStart < rawEnd, raw[rawStart] == 0x1F {
                    inflateReset(&zstream)
                } else {
                    gzipDone = true
                    if produced == 0 { return false }
                    buffer.append(contentsOf: out[0..<produced])
                    return true
                }
            default:
                let message = zstream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw InputError(file: name, reason: "gzip data is corrupt: \(message)")
            }
        }
        buffer.append(contentsOf: out[0..<produced])
        return true
    }
}
