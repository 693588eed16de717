/// The binary model file format, version 1 (little-endian):
///
/// ```
/// "FBLM"  u16 version  u16 weightEncoding(1 = float16 dense)
/// str head  u8 labelCount  str label…           (str = u16 byte count + UTF-8)
/// u8 hashBits u8 bigrams u8 charMin u8 charMax u8 lexiconFeatures f32 denseScale
/// u16 metadataCount  (str key, u32 count + UTF-8 value)…
/// u32 lexiconCount  (u64 hash, f32 valence)…   sorted by hash
/// u32 dimension  f32 bias…  f16 weight…         (dimension × labelCount, row-major by feature)
/// u64 FNV-1a of every byte before it
/// ```
public enum ModelFile {
    static let magic: [UInt8] = Array("FBLM".utf8)
    /// The format version written by this build.
    public static let version = FirebreakLanguage.modelFormatVersion

    /// Serialises a model.
    public static func encode(_ model: LinearModel) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.append(contentsOf: magic)
        writer.u16(UInt16(version))
        writer.u16(1)
        writer.string(model.head)
        writer.u8(UInt8(model.labels.count))
        for label in model.labels { writer.string(label) }
        let configuration = model.configuration
        writer.u8(UInt8(configuration.hashBits))
        writer.u8(configuration.wordBigrams ? 1 : 0)
        writer.u8(UInt8(configuration.charMin))
        writer.u8(UInt8(configuration.charMax))
        writer.u8(configuration.lexiconFeatures ? 1 : 0)
        writer.u32(configuration.denseScale.bitPattern)
        let metadata = model.metadata.sorted { $0.key < $1.key }
        writer.u16(UInt16(metadata.count))
        for (key, value) in metadata {
            writer.string(key)
            let utf8 = Array(value.utf8)
            writer.u32(UInt32(utf8.count))
            writer.bytes.append(contentsOf: utf8)
        }
        let entries = model.lexicon.sortedEntries
        writer.u32(UInt32(entries.count))
        for entry in entries {
            writer.u64(entry.hash)
            writer.u32(entry.valence.bitPattern)
        }
        writer.u32(UInt32(configuration.dimension))
        for value in model.bias { writer.u32(value.bitPattern) }
        writer.bytes.reserveCapacity(writer.bytes.count + model.weights.count * 2 + 8)
        for value in model.weights { writer.u16(Float16(value).bitPattern) }
        var hash = StableHash.offsetBasis
        for byte in writer.bytes { hash = (hash ^ UInt64(byte)) &* StableHash.prime }
        writer.u64(hash)
        return writer.bytes
    }

    /// Reads a model, validating magic, version, sizes and checksum.
    public static func decode(_ bytes: [UInt8]) throws(ModelFileError) -> LinearModel {
        guard bytes.count >= 4 else { throw .truncated(needed: 4, available: bytes.count) }
        guard Array(bytes[0..<4]) == magic else { throw .notAModelFile }
        var reader = ByteReader(bytes: bytes, position: 4)
        let found = Int(try reader.u16())
        guard found == version else { throw .unsupportedVersion(found: found, supported: version) }
        let encoding = try reader.u16()
        guard encoding == 1 else { throw .invalid("unknown weight encoding \(encoding)") }
        // The checksum covers everything; check it before trusting any size field further on.
        guard bytes.count >= 16 else { throw .truncated(needed: 16, available: bytes.count) }
        var hash = StableHash.offsetBasis
        for byte in bytes[0..<(bytes.count - 8)] { hash = (hash ^ UInt64(byte)) &* StableHash.prime }
        var tail = ByteReader(bytes: bytes, position: bytes.count - 8)
        let stored = try tail.u64()

        let head = try reader.string()
        let labelCount = Int(try reader.u8())
        guard labelCount >= 2 else { throw .invalid("a model needs at least two labels, found \(labelCount)") }
        var labels: [String] = []
        for _ in 0..<labelCount { labels.append(try reader.string()) }
        let hashBits = Int(try reader.u8())
        let bitsRange = FeatureConfiguration.hashBitsRange
        guard bitsRange.contains(hashBits) else {
            throw .invalid("hash bits \(hashBits) out of range \(bitsRange.lowerBound)…\(bitsRange.upperBound)")
        }
        let bigrams = try reader.u8() != 0
        let charMin = Int(try reader.u8())
        let charMax = Int(try reader.u8())
        guard charMin <= charMax, charMax <= FeatureConfiguration.longestCharacterGram else {
            throw .invalid("character n-gram range \(charMin)…\(charMax)")
        }
        let lexiconFeatures = try reader.u8() != 0
        let denseScale = Float(bitPattern: try reader.u32())
        guard denseScale.isFinite else { throw .invalid("summary feature scale is not finite") }
        let configuration = FeatureConfiguration(
            hashBits: hashBits, wordBigrams: bigrams, charMin: charMin, charMax: charMax, lexiconFeatures: lexiconFeatures,
            denseScale: denseScale)
        var metadata: [String: String] = [:]
        let metadataCount = Int(try reader.u16())
        for _ in 0..<metadataCount {
            let key = try reader.string()
            let length = Int(try reader.u32())
            metadata[key] = String(decoding: try reader.take(length), as: UTF8.self)
        }
        let lexiconCount = Int(try reader.u32())
        try reader.require(lexiconCount * 12)
        var hashes: [UInt64] = []
        var valences: [Float] = []
        hashes.reserveCapacity(lexiconCount)
        valences.reserveCapacity(lexiconCount)
        for _ in 0..<lexiconCount {
            hashes.append(try reader.u64())
            valences.append(Float(bitPattern: try reader.u32()))
        }
        let dimension = Int(try reader.u32())
        guard dimension == configuration.dimension else {
            throw .invalid("dimension \(dimension) does not match the feature configuration (\(configuration.dimension))")
        }
        var bias: [Float] = []
        for _ in 0..<labelCount { bias.append(Float(bitPattern: try reader.u32())) }
        let weightCount = dimension * labelCount
        try reader.require(weightCount * 2 + 8)
        let start = reader.position
        let weights = [Float](unsafeUninitializedCapacity: weightCount) { buffer, initialized in
            bytes.withUnsafeBufferPointer { raw in
                for index in 0..<weightCount {
                    let offset = start + index * 2
                    let bits = UInt16(raw[offset]) | UInt16(raw[offset + 1]) << 8
                    buffer[index] = Float(Float16(bitPattern: bits))
                }
            }
            initialized = weightCount
        }
        reader.position += weightCount * 2
        guard reader.position + 8 == bytes.count else {
            throw .invalid("\(bytes.count - reader.position - 8) unexpected bytes after the weights")
        }
        guard stored == hash else { throw .checksumMismatch }
        return LinearModel(
            head: head, labels: labels, configuration: configuration,
            lexicon: Lexicon(hashes: hashes, valences: valences), weights: weights, bias: bias, metadata: metadata)
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }
    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8((value >> UInt64(shift)) & 0xFF)) }
    }
    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8.prefix(Int(UInt16.max)))
        u16(UInt16(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var position: Int

    func require(_ count: Int) throws(ModelFileError) {
        guard count >= 0, position + count <= bytes.count else {
            throw .truncated(needed: position + max(count, 0), available: bytes.count)
        }
    }
    mutating func take(_ count: Int) throws(ModelFileError) -> ArraySlice<UInt8> {
        try require(count)
        defer { position += count }
        return bytes[position..<position + count]
    }
    mutating func u8() throws(ModelFileError) -> UInt8 { try take(1).first! }
    mutating func u16() throws(ModelFileError) -> UInt16 {
        let slice = try take(2)
        return UInt16(slice[slice.startIndex]) | UInt16(slice[slice.startIndex + 1]) << 8
    }
    mutating func u32() throws(ModelFileError) -> UInt32 {
        let slice = try take(4)
        var value: UInt32 = 0
        for (offset, byte) in slice.enumerated() { value |= UInt32(byte) << UInt32(offset * 8) }
        return value
    }
    mutating func u64() throws(ModelFileError) -> UInt64 {
        let slice = try take(8)
        var value: UInt64 = 0
        for (offset, byte) in slice.enumerated() { value |= UInt64(byte) << UInt64(offset * 8) }
        return value
    }
    mutating func string() throws(ModelFileError) -> String {
        let length = Int(try u16())
        return String(decoding: try take(length), as: UTF8.self)
    }
}
