import FirebreakLanguage

/// A text's locality-sensitive keys for finding near-identical copies: a one-permutation MinHash of its word-pair
/// shingles (12 bins; an empty bin takes its next neighbour's minimum, shifted by the distance), hashed in 4 bands
/// of 3 bins. Two texts share a given band key with probability about s³, s the Jaccard similarity of their
/// shingle sets, so a copy with a word or two changed (s ≈ 0.7) meets the original in at least one band nine times
/// in ten, and unrelated texts almost never.
///
/// One hash per shingle and no allocation, so the pipeline's parallel stage can make them for every post.
public struct NearDuplicateKeys: Sendable, Hashable {
    /// Band keys per text.
    public static let bands = 4
    /// Bins per band.
    static let rows = 3
    /// Texts with fewer shingles (five words) are too short to call copies.
    public static let minimumShingles = 4

    private var keys: InlineArray<4, UInt64>

    /// The key of one band (`0..<bands`).
    public subscript(band: Int) -> UInt64 { keys[band] }

    /// The keys of a text given by its word hashes in order, or nil when it has under `minimumShingles` shingles.
    init?(wordHashes: some Collection<UInt64>) {
        guard wordHashes.count > Self.minimumShingles else { return nil }
        let binCount = Self.bands * Self.rows
        var minima = InlineArray<12, UInt64>(repeating: .max)
        var previous: UInt64?
        for word in wordHashes {
            defer { previous = word }
            guard let first = previous else { continue }
            let hash = StableHash.splitMix(StableHash.combine(first, word))
            // The high half picks the bin (multiply-shift, no division), the low half is the value kept.
            let bin = Int(truncatingIfNeeded: ((hash >> 32) &* UInt64(binCount)) >> 32)
            minima[bin] = min(minima[bin], hash & 0xffff_ffff)
        }
        var keys = InlineArray<4, UInt64>(repeating: 0)
        for band in 0..<Self.bands {
            var key = StableHash.splitMix(UInt64(band) &+ 0x6e65_6172)
            for row in 0..<Self.rows {
                let bin = band * Self.rows + row
                var value = minima[bin]
                var distance: UInt64 = 0
                while value == .max && distance < UInt64(binCount) {
                    distance += 1
                    value = minima[(bin + Int(distance)) % binCount]
                }
                key = StableHash.splitMix(key ^ (value &+ distance &* 0x9e37_79b9))
            }
            keys[band] = key
        }
        self.keys = keys
    }

    /// The keys of a text, scanned as the monitor scans it (lowercased words; links and mentions left out).
    public init?(text: String) {
        var scanner = TermScanner()
        scanner.scan(text)
        self.init(scanner: scanner)
    }

    init?(scanner: TermScanner) {
        self.init(wordHashes: scanner.words.lazy.map(\.hash))
    }

    /// How many bands two texts share: 0 for unrelated texts, `bands` for copies.
    public func sharedBands(with other: NearDuplicateKeys) -> Int {
        (0..<Self.bands).count { keys[$0] == other.keys[$0] }
    }

    /// Whether two texts' keys (nil for a text too short to have them) share a band: the texts are near copies.
    public static func meet(_ a: NearDuplicateKeys?, _ b: NearDuplicateKeys?) -> Bool {
        guard let a, let b else { return false }
        return a.sharedBands(with: b) > 0
    }

    public static func == (a: NearDuplicateKeys, b: NearDuplicateKeys) -> Bool { a.sharedBands(with: b) == bands }

    public func hash(into hasher: inout Hasher) {
        for band in 0..<Self.bands { hasher.combine(keys[band]) }
    }
}
