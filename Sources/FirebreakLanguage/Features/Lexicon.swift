import Foundation

/// Word and emoji valences (VADER scale, -4…4) keyed by the stable hash of a token's normalised bytes.
/// An open-addressing table: lookups on the hot path neither allocate nor go through `Hasher`.
public struct Lexicon: Sendable, Hashable {
    /// Two lexicons are equal when they hold the same entries, whatever their slot layout.
    public static func == (lhs: Lexicon, rhs: Lexicon) -> Bool {
        lhs.count == rhs.count && lhs.sortedEntries.elementsEqual(rhs.sortedEntries) { $0.hash == $1.hash && $0.valence == $1.valence }
    }

    /// Hashes the entries in key order.
    public func hash(into hasher: inout Hasher) {
        for entry in sortedEntries {
            hasher.combine(entry.hash)
            hasher.combine(entry.valence)
        }
    }

    /// Keys (stable hashes; 0 marks an empty slot) and values, same length, a power of two.
    private(set) var keys: [UInt64]
    private(set) var values: [Float]
    /// The number of entries.
    public private(set) var count: Int

    /// The namespace lexicon keys are hashed in.
    static let namespace: UInt64 = 0x4C45_5849

    /// An empty lexicon.
    public init() {
        keys = [0]
        values = [0]
        count = 0
    }

    /// Builds a lexicon from token → valence pairs; tokens are normalised the way the tokenizer does.
    public init(entries: [(token: String, valence: Float)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        count = 0
        for (token, valence) in entries {
            insert(hash: Self.key(for: token), valence: valence)
        }
    }

    /// Rebuilds a lexicon from stored pairs (model file loading).
    init(hashes: [UInt64], valences: [Float]) {
        var capacity = 16
        while capacity < hashes.count * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        count = 0
        for (hash, valence) in zip(hashes, valences) { insert(hash: hash, valence: valence) }
    }

    /// The key of a token's text.
    public static func key(for token: String) -> UInt64 {
        key(tokenHash: StableHash.fnv1a(token, namespace: 0))
    }

    /// The key of a token from its `Token.hash`.
    @inline(__always)
    public static func key(tokenHash: UInt64) -> UInt64 {
        let hash = StableHash.combine(tokenHash, namespace)
        return hash == 0 ? 1 : hash
    }

    private mutating func insert(hash: UInt64, valence: Float) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: StableHash.mix(hash)) & mask
        while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = hash
        values[slot] = valence
    }

    /// The valence stored under a key, or 0.
    @inline(__always)
    public func valence(forKey hash: UInt64) -> Float {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: StableHash.mix(hash)) & mask
        while true {
            let key = keys[slot]
            if key == hash { return values[slot] }
            if key == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// The valence of a token's text, or 0 (allocation-free for tests; the hot path hashes bytes).
    public func valence(of token: String) -> Float { valence(forKey: Self.key(for: token)) }

    /// All entries as (hash, valence) pairs sorted by hash, for writing a model file deterministically.
    var sortedEntries: [(hash: UInt64, valence: Float)] {
        zip(keys, values).filter { $0.0 != 0 }.map { (hash: $0.0, valence: $0.1) }.sorted { $0.hash < $1.hash }
    }

    /// Parses the VADER lexicon (`token<TAB>mean<TAB>sd<TAB>ratings`) and the VADER emoji lexicon
    /// (`emoji<TAB>description`); an emoji's valence is the sum of its description words' valences,
    /// which is how VADER scores emoji.
    public static func vader(lexiconText: String, emojiText: String?) -> Lexicon {
        var words: [String: Float] = [:]
        // The shipped VADER files end their lines with CR LF, which splitting on "\n" alone missed (the models had no
        // lexicon): the corpus files' rule reads both.
        for line in CorpusParser.lines(lexiconText) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let valence = Float(fields[1].trimmingCharacters(in: .whitespaces)) else { continue }
            let token = String(fields[0]).lowercased()
            guard !token.contains(" ") else { continue }
            words[token] = valence
        }
        var entries = words.map { (token: $0.key, valence: $0.value) }
        if let emojiText {
            let tokenizer = Tokenizer()
            for line in CorpusParser.lines(emojiText) {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2 else { continue }
                let emoji = tokenizer.tokens(String(fields[0]))
                guard emoji.count == 1 else { continue }
                let valence = tokenizer.tokens(String(fields[1])).reduce(Float(0)) { $0 + (words[$1] ?? 0) }
                if valence != 0 { entries.append((token: emoji[0], valence: valence)) }
            }
        }
        entries.sort { $0.token < $1.token }
        return Lexicon(entries: entries)
    }
}
