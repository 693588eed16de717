import FirebreakLanguage

/// Turns a post into `PostFeatures` for one campaign: theme terms (words of three letters or more that are
/// not stop words or the campaign's own names, hashtags other than the campaign's, and bigrams of adjacent
/// kept words), the coordination fingerprint, the near-duplicate keys and the author hash. O(text bytes); safe to
/// share between threads.
public struct TermExtractor: Sendable {
    /// Word hashes that are never terms: looked up for every word, so in a table that does not SipHash them.
    private let stopwords: FingerprintTable<Bool>
    private let campaignWords: FingerprintTable<Bool>
    private let owners: Set<String>

    /// Creates an extractor; the campaign's own hashtags and names are never terms.
    public init(campaign: Campaign) {
        var stop = FingerprintTable<Bool>(capacity: TermExtractor.defaultStopwords.count)
        for word in TermExtractor.defaultStopwords { stop.set(TermScanner.hash(word), true) }
        stopwords = stop
        var own = FingerprintTable<Bool>(capacity: 16)
        for name in campaign.targetNames + campaign.hashtags {
            let bare = name.hasPrefix("#") ? String(name.dropFirst()) : name
            own.set(TermScanner.hash(bare), true)
            own.set(TermScanner.hash("#" + bare), true)
        }
        campaignWords = own
        owners = Set(campaign.owners.map { String($0.dropFirst()).lowercased() })
    }

    /// The author hash used for distinct-author counts.
    public static func authorHash(_ post: Post) -> UInt64 {
        StableHash.fnv1a(post.author.id, seed: StableHash.fnv1a(post.platform.rawValue))
    }

    /// The features of one post.
    public func features(of post: Post) -> PostFeatures {
        guard post.kind != .repost else { return features(of: post, text: nil) }
        var scanner = TermScanner()
        return features(of: post, text: textFeatures(post.text, scanner: &scanner))
    }

    /// The features of a batch of posts, in order; each distinct text is scanned once (a batch repeats the
    /// originals its reposts carry).
    public func features(of posts: [Post]) -> [PostFeatures] {
        var memo = TextMemo<TextFeatures>(capacity: posts.count)
        var scanner = TermScanner()  // one for the batch: its buffers are reused from text to text
        var result: [PostFeatures] = []
        result.reserveCapacity(posts.count)
        for post in posts {
            guard post.kind != .repost else {
                result.append(features(of: post, text: nil))
                continue
            }
            let text = memo.value(for: post.text) { textFeatures($0, scanner: &scanner) }
            result.append(features(of: post, text: text))
        }
        return result
    }

    private func features(of post: Post, text: TextFeatures?) -> PostFeatures {
        let byOwner = !owners.isEmpty && owners.contains(post.author.handle.lowercased())
        return PostFeatures(
            keyHash: PostDeduplicator.fingerprint(post.key), authorHash: Self.authorHash(post), byOwner: byOwner,
            terms: text?.terms ?? [], textFingerprint: text?.fingerprint, nearDuplicateKeys: text?.nearDuplicateKeys)
    }

    /// What a post's features take from its text alone.
    private struct TextFeatures: Sendable {
        var terms: [UInt64]
        var fingerprint: UInt64?
        var nearDuplicateKeys: NearDuplicateKeys?
    }

    private func textFeatures(_ text: String, scanner: inout TermScanner) -> TextFeatures {
        scanner.scan(text)
        return TextFeatures(
            terms: termHashes(scanner), fingerprint: Self.fingerprint(scanner), nearDuplicateKeys: NearDuplicateKeys(scanner: scanner))
    }

    /// The terms of a text with their display form (for tests and for naming themes).
    public func terms(in text: String) -> [(hash: UInt64, text: String)] {
        var scanner = TermScanner()
        scanner.scan(text)
        return terms(scanner).map { entry in
            let first = scanner.text(of: scanner.words[entry.first])
            return (entry.hash, entry.second.map { first + " " + scanner.text(of: scanner.words[$0]) } ?? first)
        }
    }

    /// Unique term hashes, with the word indices they come from (second for bigrams).
    private func terms(_ scanner: TermScanner) -> [(hash: UInt64, first: Int, second: Int?)] {
        var hashes: [UInt64] = []
        var found: [(hash: UInt64, first: Int, second: Int?)] = []
        forEachTerm(scanner, hashes: &hashes) { found.append(($0, $1, $2)) }
        return found
    }

    /// Unique term hashes, in order.
    private func termHashes(_ scanner: TermScanner) -> [UInt64] {
        var hashes: [UInt64] = []
        forEachTerm(scanner, hashes: &hashes) { _, _, _ in }
        return hashes
    }

    /// Calls `body` with each term's hash and the word indices it comes from (second for bigrams), each hash once;
    /// `hashes` collects them.
    private func forEachTerm(_ scanner: TermScanner, hashes: inout [UInt64], _ body: (UInt64, Int, Int?) -> Void) {
        hashes.reserveCapacity(2 * scanner.words.count)
        // A post has a few dozen terms: a scan of those found beats hashing them into a set. Past `scannedTerms` (a
        // hostile post of a hundred thousand words, where the scans were quadratic: five seconds for one post) a set.
        var seen: Set<UInt64>?
        func isNew(_ hash: UInt64) -> Bool {
            if seen == nil && hashes.count >= Self.scannedTerms { seen = Set(hashes) }
            if seen != nil { return seen!.insert(hash).inserted }
            return !hashes.contains(hash)
        }
        var previous: Int?
        for (index, word) in scanner.words.enumerated() {
            let isTag = scanner.buffer[word.start] == UInt8(ascii: "#")
            guard word.end - word.start >= 3, stopwords[word.hash] == nil, campaignWords[word.hash] == nil, !scanner.isNumber(word)
            else {
                previous = nil  // bigrams never jump over a dropped word
                continue
            }
            if isNew(word.hash) {
                hashes.append(word.hash)
                body(word.hash, index, nil)
            }
            if let first = previous, !isTag, scanner.buffer[scanner.words[first].start] != UInt8(ascii: "#") {
                // The hash of "first second", as TermScanner.hash would give it.
                var hash = (scanner.words[first].hash ^ 0x20) &* 0x100_0000_01b3
                for b in scanner.buffer[word.start..<word.end] { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
                if isNew(hash) {
                    hashes.append(hash)
                    body(hash, first, index)
                }
            }
            previous = index
        }
    }

    /// Terms found by scanning the ones before; a post with more switches to a set.
    static let scannedTerms = 128

    /// The coordination fingerprint of a text (see `PostFeatures.textFingerprint`).
    public static func textFingerprint(of text: String) -> UInt64? {
        var scanner = TermScanner()
        scanner.scan(text)
        return fingerprint(scanner)
    }

    /// The hash of the text's words without links, mentions, `#` and apostrophes, or nil when under 24 bytes.
    private static func fingerprint(_ scanner: TermScanner) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        for word in scanner.words {
            for b in scanner.buffer[word.start..<word.end] where b != UInt8(ascii: "#") && b != UInt8(ascii: "'") {
                hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
                length += 1
            }
            hash = (hash ^ 0x20) &* 0x100_0000_01b3
            length += 1
        }
        return length >= 24 ? hash : nil
    }

    static let defaultStopwords: [String] = [
        "the", "and", "for", "you", "your", "are", "was", "were", "this", "that", "with", "have", "has", "had", "not",
        "but", "they", "them", "their", "there", "what", "when", "who", "will", "would", "can", "could", "just", "all",
        "our", "out", "from", "about", "into", "than", "then", "its", "it's", "his", "her", "she", "him", "how", "why",
        "been", "being", "also", "more", "some", "any", "one", "get", "got", "via", "amp", "i'm", "don't", "let",
        "here", "where", "which", "while", "too", "very", "only", "own", "off", "over", "again", "these", "those",
        "http", "https", "www", "com", "rt", "may", "might", "did", "does", "doing", "because", "like", "see",
    ]
}
