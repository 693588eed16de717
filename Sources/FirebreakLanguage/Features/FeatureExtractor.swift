/// Turns tokens into a sparse feature vector: hashed word unigrams (negation-marked), word bigrams,
/// character n-grams inside words, surface flags, and lexicon summaries. Target names are replaced by one
/// `<target>` token, mentions by `@user`, links by `<url>` and numbers by `<num>`, so a model learns how
/// people talk about a target rather than which target it is.
public struct FeatureExtractor: Sendable {
    /// The configuration the features follow.
    public let configuration: FeatureConfiguration
    /// The valences used for the lexicon features.
    public let lexicon: Lexicon

    private let mask: UInt64
    private let denseBase: Int32
    private let userHash: UInt64
    private let urlHash: UInt64
    private let numberHash: UInt64
    private let targetHash: UInt64
    private let startHash: UInt64
    private let flagBuckets: [Int32]

    enum Namespace {
        static let word: UInt64 = 1
        static let negated: UInt64 = 2
        static let characters: UInt64 = 4
        static let flag: UInt64 = 5
        static let emojiBase: UInt64 = 6
        static let hashtag: UInt64 = 7
    }

    /// Creates an extractor.
    public init(configuration: FeatureConfiguration, lexicon: Lexicon) {
        self.configuration = configuration
        self.lexicon = lexicon
        mask = UInt64(configuration.bucketCount - 1)
        denseBase = Int32(configuration.bucketCount)
        userHash = StableHash.combine(StableHash.fnv1a("@user", namespace: 0), Namespace.word)
        urlHash = StableHash.combine(StableHash.fnv1a("<url>", namespace: 0), Namespace.word)
        numberHash = StableHash.combine(StableHash.fnv1a("<num>", namespace: 0), Namespace.word)
        targetHash = StableHash.combine(StableHash.fnv1a("<target>", namespace: 0), Namespace.word)
        startHash = StableHash.combine(StableHash.fnv1a("<s>", namespace: 0), Namespace.word)
        let mask = mask
        flagBuckets = Self.flagFeatures.map {
            Int32(truncatingIfNeeded: StableHash.mix(StableHash.fnv1a($0.label, namespace: Namespace.flag)) & mask)
        }
    }

    /// Fills `vector` with the features of `tokens`.
    public func extract(_ tokens: TokenBuffer, into vector: inout FeatureVector) {
        var names: [String] = []
        extract(tokens, into: &vector, names: &names, recording: false)
    }

    /// Fills `vector` and returns a readable name for each entry (for explanations; allocates).
    public func extractNamed(_ tokens: TokenBuffer, into vector: inout FeatureVector) -> [String] {
        var names: [String] = []
        extract(tokens, into: &vector, names: &names, recording: true)
        return names
    }

    @inline(__always)
    private func bucket(_ hash: UInt64) -> Int32 { Int32(truncatingIfNeeded: StableHash.mix(hash) & mask) }

    private func extract(_ buffer: TokenBuffer, into vector: inout FeatureVector, names: inout [String], recording: Bool) {
        let configuration = configuration
        let span = configuration.charMin > 0 ? configuration.charMax - configuration.charMin + 1 : 0
        let bound =
            buffer.tokens.count * 3 + Self.flagFeatures.count + DenseFeature.allCases.count
            + (buffer.bytes.count + 2 * buffer.tokens.count) * span
        // Features are written through raw pointers into storage sized for the worst case, then trimmed:
        // appending one by one costs a uniqueness and capacity check per feature.
        var indices = vector.indices
        var values = vector.values
        vector.indices = []
        vector.values = []
        indices.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        indices.append(contentsOf: repeatElement(0, count: bound))
        values.append(contentsOf: repeatElement(0, count: bound))
        let used = indices.withUnsafeMutableBufferPointer { indexPointer in
            values.withUnsafeMutableBufferPointer { valuePointer in
                var sink = FeatureSink(indices: indexPointer.baseAddress!, values: valuePointer.baseAddress!)
                extract(buffer, into: &sink, names: &names, recording: recording, configuration: configuration)
                return sink.count
            }
        }
        indices.removeLast(bound - used)
        values.removeLast(bound - used)
        vector.indices = indices
        vector.values = values
    }

    private func extract(
        _ buffer: TokenBuffer, into vector: inout FeatureSink, names: inout [String], recording: Bool,
        configuration: FeatureConfiguration
    ) {
        // The word tokens the repetition filter let through, by index, for the letter groups' pass: on the stack for a
        // post's worth of tokens, so the filter runs once and nothing is allocated.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, buffer.tokens.count)) { spelled in
            buffer.bytes.withUnsafeBufferPointer { bytes in
                var spelledCount = 0
                var previous = startHash
                var positive: Float = 0
                var negative: Float = 0
                var positiveEmoji: Float = 0
                var negativeEmoji: Float = 0
                var words: Float = 0
                var capitals: Float = 0
                var negation = false
                var exclamation = false
                var flags: TokenFlags = []
                var previousName = "<s>"

                var repeats = RepetitionFilter()
                for (index, token) in buffer.tokens.enumerated() {
                    if token.flags.contains(.targetContinuation) { continue }
                    let unigram = unigramHash(token)
                    guard repeats.admits(unigram) else { continue }
                    let start = Int(token.start)
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<start + Int(token.length)])
                    flags.formUnion(token.flags)
                    if token.kind == .word && !token.flags.contains(.target) {
                        words += 1
                        if token.flags.contains(.allCaps) { capitals += 1 }
                        spelled[spelledCount] = Int32(index)
                        spelledCount += 1
                    }
                    vector.append(bucket(unigram), 1)
                    if recording { names.append(Self.describe(token, buffer: buffer)) }
                    if configuration.wordBigrams {
                        vector.append(bucket(StableHash.combine(previous, unigram)), 1)
                        if recording {
                            let short = Self.describeShort(token, buffer: buffer)
                            names.append("words \"\(previousName) \(short)\"")
                            previousName = short
                        }
                        previous = unigram
                    }
                    if token.kind == .emoji, token.length > 4 {
                        // Skin tones and ZWJ sequences also count as their first emoji, so 👍🏽 learns from 👍.
                        let base = UnsafeBufferPointer(rebasing: bytes[start..<start + 4])
                        vector.append(bucket(StableHash.fnv1a(base, namespace: Namespace.emojiBase)), 1)
                        if recording { names.append("emoji \(String(decoding: base, as: UTF8.self))") }
                    }
                    if token.flags.contains(.negator) { negation = true }
                    if token.kind == .punctuation, let first = slice.first, first == UInt8(ascii: "!") || first == UInt8(ascii: "?") {
                        exclamation = true
                    }
                    if configuration.lexiconFeatures, !token.flags.contains(.target),
                        token.kind == .word || token.kind == .emoji || token.kind == .emoticon || token.kind == .hashtag
                    {
                        var valence = lexicon.valence(forKey: Lexicon.key(tokenHash: token.hash))
                        if valence != 0 {
                            if token.flags.contains(.negated) { valence *= -0.74 }
                            if token.flags.contains(.allCaps) { valence *= 1.25 }
                            if valence > 0 { positive += valence } else { negative -= valence }
                            if token.kind == .emoji {
                                if valence > 0 { positiveEmoji += 1 } else { negativeEmoji += 1 }
                            }
                        }
                    }
                }
                for (position, flag) in Self.flagFeatures.enumerated() where flags.contains(flag.flag) {
                    vector.append(flagBuckets[position], 1)
                    if recording { names.append(flag.label) }
                }
                let wordCount = vector.count
                if wordCount > 0 { vector.scale(from: 0, by: 1 / Float(wordCount).squareRoot()) }

                if configuration.charMin > 0 {
                    buffer.tokens.withUnsafeBufferPointer { tokens in
                        let words = UnsafeBufferPointer(rebasing: spelled[..<spelledCount])
                        let (minimum, maximum) = (configuration.charMin, configuration.charMax)
                        if !recording {
                            let written = Self.letterGroups(
                                of: tokens, spelled: words, bytes: bytes.baseAddress!, minimum: minimum, maximum: maximum, mask: mask,
                                into: vector.indices + vector.count)
                            vector.count += written
                            return
                        }
                        // One word at a time, so each group is named after its word: an explanation reads `word "shoot"`
                        // rather than a list of letter groups.
                        for position in words.indices {
                            let written = Self.letterGroups(
                                of: tokens, spelled: UnsafeBufferPointer(rebasing: words[position...position]), bytes: bytes.baseAddress!,
                                minimum: minimum, maximum: maximum, mask: mask, into: vector.indices + vector.count)
                            vector.count += written
                            let token = tokens[Int(words[position])]
                            let spelling = UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start + token.length)])
                            let text = String(decoding: spelling, as: UTF8.self)
                            names.append(contentsOf: repeatElement("word \"\(Self.shown(text))\"", count: written))
                        }
                    }
                    // Only indices were written: every letter group has the same value, one normalised block.
                    let charCount = vector.count - wordCount
                    if charCount > 0 { vector.fill(from: wordCount, count: charCount, with: 1 / Float(charCount).squareRoot()) }
                }

                if configuration.lexiconFeatures {
                    let sum = positive - negative
                    func dense(_ feature: DenseFeature, _ value: Float) {
                        guard value != 0 else { return }
                        vector.append(denseBase + Int32(feature.rawValue), value * configuration.denseScale)
                        if recording { names.append(feature.label) }
                    }
                    dense(.compound, sum / (sum * sum + 15).squareRoot())
                    dense(.positive, positive / (positive + 2))
                    dense(.negative, negative / (negative + 2))
                    dense(.contrast, min(positive, negative) / (min(positive, negative) + 1))
                    dense(.positiveEmoji, min(positiveEmoji, 3) / 3)
                    dense(.negativeEmoji, min(negativeEmoji, 3) / 3)
                    dense(.capitals, words > 0 ? capitals / words : 0)
                    dense(.negation, negation ? 1 : 0)
                    dense(.exclamation, exclamation ? 1 : 0)
                }
            }
        }
    }

    /// A token's unigram feature hash: placeholders for mentions, links, numbers and target names, a namespace per kind
    /// (negated words their own).
    @inline(__always)
    private func unigramHash(_ token: Token) -> UInt64 {
        if token.flags.contains(.target) { return targetHash }
        switch token.kind {
        case .mention: return userHash
        case .url: return urlHash
        case .number: return numberHash
        case .hashtag: return StableHash.combine(token.hash, Namespace.hashtag)
        case .word: return StableHash.combine(token.hash, token.flags.contains(.negated) ? Namespace.negated : Namespace.word)
        default: return StableHash.combine(token.hash, Namespace.word)
        }
    }

    /// The buckets of the byte n-grams of " word " (the padding marks word starts and ends) for each of the `spelled`
    /// words, written at `out`; returns how many. A loop of its own, so its state stays in registers (inside the token
    /// loop the sink's count and the hash went through memory): most of a post's features are these letter groups.
    static func letterGroups(
        of tokens: UnsafeBufferPointer<Token>, spelled: UnsafeBufferPointer<Int32>, bytes: UnsafePointer<UInt8>, minimum: Int,
        maximum: Int, mask: UInt64, into out: UnsafeMutablePointer<Int32>
    ) -> Int {
        let seed = StableHash.start(Namespace.characters)
        var count = 0
        for index in spelled {
            let token = tokens[Int(index)]
            let word = bytes + Int(token.start)
            let padded = Int(token.length) + 2
            for from in 0..<padded {
                var hash = seed
                let end = min(padded, from + maximum)
                var position = from
                while position < end {
                    let byte: UInt8 = position == 0 || position == padded - 1 ? 0x20 : word[position - 1]
                    hash = (hash ^ UInt64(byte)) &* StableHash.prime
                    position += 1
                    if position - from >= minimum {
                        out[count] = Int32(truncatingIfNeeded: StableHash.mix(hash) & mask)
                        count += 1
                    }
                }
            }
        }
        return count
    }

    private static let flagFeatures: [(flag: TokenFlags, label: String)] = [
        (.allCaps, "<capitals>"), (.elongated, "<elongation>"), (.repeated, "<repeated punctuation>"),
        (.negated, "<negation scope>"), (.target, "<names target>"),
    ]

    private static func describeShort(_ token: Token, buffer: TokenBuffer) -> String {
        if token.flags.contains(.target) { return "<target>" }
        switch token.kind {
        case .mention: return "@user"
        case .url: return "<url>"
        case .number: return "<num>"
        default:
            let text = shown(buffer.text(of: token))
            return token.flags.contains(.negated) ? "NOT_\(text)" : text
        }
    }

    /// A token as an explanation names it: at most `shownCharacters` characters, then "…". Names are grouped by
    /// their text, and one word of a megabyte (a hostile post) named in full for each of its letter groups made
    /// that grouping quadratic in the word's length.
    static func shown(_ text: String) -> String {
        guard text.utf8.count > shownCharacters else { return text }
        let head = text.prefix(shownCharacters)
        return head.endIndex == text.endIndex ? text : head + "…"
    }

    /// The longest token an explanation names in full.
    static let shownCharacters = 40

    private static func describe(_ token: Token, buffer: TokenBuffer) -> String {
        let short = describeShort(token, buffer: buffer)
        switch token.kind {
        case _ where token.flags.contains(.target): return "target name"
        case .hashtag: return "hashtag \(short)"
        case .emoji: return "emoji \(short)"
        case .emoticon: return "emoticon \(short)"
        case .mention: return "mention"
        case .url: return "link"
        case .number: return "number"
        default: return "word \"\(short)\""
        }
    }
}

/// Where the extractor writes: raw pointers into storage sized for the worst case.
struct FeatureSink {
    let indices: UnsafeMutablePointer<Int32>
    let values: UnsafeMutablePointer<Float>
    var count = 0

    @inline(__always)
    mutating func append(_ index: Int32, _ value: Float) {
        indices[count] = index
        values[count] = value
        count += 1
    }

    mutating func scale(from start: Int, by factor: Float) {
        var position = start
        while position < count {
            values[position] *= factor
            position += 1
        }
    }

    /// Sets the `count` values from `start` on to `value` (for a block whose indices were written directly).
    func fill(from start: Int, count: Int, with value: Float) {
        (values + start).update(repeating: value, count: count)
    }
}
