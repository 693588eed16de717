import Foundation

/// Finds what the campaign's critical posts are about: terms and bigrams whose rate jumps against the
/// campaign's own history, grouped by how often they occur together.
///
/// Per post O(terms); memory bounded: term counts are pruned (lossy counting) past `capacity`, and
/// co-occurrence is read from a fixed-size, order-independent sample of posts.
public struct ThemeTracker: Sendable {
    struct TermStats: Sendable {
        var text: String
        var count = 0
        var critical = 0
        var firstSeen: Date
        var hours: [Int: Int] = [:]

        mutating func record(critical isCritical: Bool, at time: Date, hour: Int) {
            count += 1
            if isCritical { critical += 1 }
            if time < firstSeen { firstSeen = time }
            hours[hour, default: 0] += 1
        }
    }

    struct Sample: Sendable {
        var id: String
        var createdAt: Date
        var terms: Set<UInt64>
        var critical: Bool
        /// The sample's hash rank: the reservoir keeps the lowest ranks, whatever order posts arrive in.
        var rank: UInt64
    }

    private var terms: [UInt64: TermStats] = [:]
    private var reservoir: [Sample] = []
    private var reservoirCutoff = UInt64.max
    private let capacity: Int
    private let reservoirSize: Int
    private let stopwords: Set<UInt64>
    private let campaignWords: Set<UInt64>
    private var posts = 0
    private var scanner = TermScanner()
    /// Terms of the current post: hash, and the scanner's word indices (second for bigrams).
    private var found: [(hash: UInt64, first: Int, second: Int?)] = []

    /// Creates a tracker; the campaign's own hashtags and names are never themes.
    public init(campaign: Campaign, capacity: Int = 50_000, reservoirSize: Int = 4_000) {
        self.capacity = capacity
        self.reservoirSize = reservoirSize
        stopwords = Set(ThemeTracker.defaultStopwords.map(TermScanner.hash))
        var own = Set<UInt64>()
        for name in campaign.targetNames + campaign.hashtags {
            let bare = name.hasPrefix("#") ? String(name.dropFirst()) : name
            own.insert(TermScanner.hash(bare))
            own.insert(TermScanner.hash("#" + bare))
        }
        campaignWords = own
    }

    /// Adds one assessed post.
    public mutating func add(_ item: AssessedPost) {
        guard item.post.kind != .repost else { return }  // a repost says nothing new
        posts += 1
        extractTerms(item.post.text)
        let hour = Int((item.post.createdAt.timeIntervalSince1970 / 3600).rounded(.down))
        let critical = item.assessment.stance == .critical
        for (index, entry) in found.enumerated() where !found[..<index].contains(where: { $0.hash == entry.hash }) {
            let term = entry.hash
            // Mutate in place: a copied TermStats would copy its hours table on every post.
            if terms[term]?.record(critical: critical, at: item.post.createdAt, hour: hour) == nil {
                terms[term] = TermStats(
                    text: termText(entry), count: 1, critical: critical ? 1 : 0, firstSeen: item.post.createdAt, hours: [hour: 1])
            }
        }
        if terms.count > capacity { prune() }
        // A uniform sample of posts for co-occurrence and examples: the `reservoirSize` posts with the lowest
        // hash of their id (bottom-k), so the sample does not depend on arrival order. Up to twice that is
        // buffered between trims, O(log n) amortised per post.
        let rank = StableHash.mix(StableHash.fnv1a(item.post.nativeID))
        if rank < reservoirCutoff {
            reservoir.append(Sample(id: item.post.nativeID, createdAt: item.post.createdAt, terms: Set(found.map(\.hash)), critical: critical, rank: rank))
            if reservoir.count >= 2 * reservoirSize {
                reservoir = sample()
                reservoirCutoff = reservoir.last?.rank ?? UInt64.max
            }
        }
    }

    /// The kept sample: the `reservoirSize` lowest-ranked posts, lowest first.
    private func sample() -> [Sample] {
        guard reservoir.count > reservoirSize else { return reservoir }
        return Array(reservoir.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }.prefix(reservoirSize))
    }

    /// Words of three letters or more that are not stop words or the campaign's own names, hashtags other
    /// than the campaign's, and bigrams of adjacent kept words; into `found`.
    private mutating func extractTerms(_ text: String) {
        scanner.scan(text)
        found.removeAll(keepingCapacity: true)
        var previous: Int?
        for (index, word) in scanner.words.enumerated() {
            let isTag = scanner.buffer[word.start] == UInt8(ascii: "#")
            guard word.end - word.start >= 3, !stopwords.contains(word.hash), !campaignWords.contains(word.hash), !scanner.isNumber(word)
            else {
                previous = nil  // bigrams never jump over a dropped word
                continue
            }
            found.append((word.hash, index, nil))
            if let first = previous, !isTag, scanner.buffer[scanner.words[first].start] != UInt8(ascii: "#") {
                // The hash of "first second", as TermScanner.hash would give it.
                var hash = (scanner.words[first].hash ^ 0x20) &* 0x100_0000_01b3
                for b in scanner.buffer[word.start..<word.end] { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
                found.append((hash, first, index))
            }
            previous = index
        }
    }

    /// The terms of a text, as strings (what `add` counts for a post with this text).
    func terms(in text: String) -> [String] {
        var copy = self
        copy.extractTerms(text)
        return copy.found.map(copy.termText)
    }

    /// The display text of a term of the current post.
    private func termText(_ entry: (hash: UInt64, first: Int, second: Int?)) -> String {
        let first = scanner.text(of: scanner.words[entry.first])
        return entry.second.map { first + " " + scanner.text(of: scanner.words[$0]) } ?? first
    }

    /// Drops the rarest terms so memory stays bounded.
    private mutating func prune() {
        let counts = terms.values.map(\.count).sorted()
        let cut = counts[counts.count / 2]
        terms = terms.filter { $0.value.count > cut }
    }

    /// The themes, largest first: terms that are frequent, mostly in critical posts, and jumped in rate
    /// against the hours before they appeared, grouped by co-occurrence in the sample.
    public func themes(limit: Int = 8) -> [Theme] {
        guard posts > 0 else { return [] }
        let minimum = max(5, posts / 200)
        // Score: count × critical share × burstiness (peak hour against the average of earlier hours).
        var candidates: [(term: UInt64, score: Double, stats: TermStats)] = []
        for (term, stats) in terms where stats.count >= minimum {
            let criticalShare = Double(stats.critical) / Double(stats.count)
            guard criticalShare >= 0.5 else { continue }
            let sortedHours = stats.hours.sorted { $0.key < $1.key }
            var burst = 1.0
            var earlier = 0
            for (index, entry) in sortedHours.enumerated() {
                let history = index == 0 ? 0.0 : Double(earlier) / Double(index)
                burst = max(burst, Double(entry.value + 1) / (history + 1))
                earlier += entry.value
            }
            candidates.append((term, Double(stats.count) * criticalShare * log(1 + burst), stats))
        }
        candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.stats.text < $1.stats.text) }
        let reservoir = sample()
        var used = Set<UInt64>()
        var result: [Theme] = []
        for candidate in candidates where !used.contains(candidate.term) {
            guard result.count < limit else { break }
            let withTerm = reservoir.filter { $0.terms.contains(candidate.term) }
            guard !withTerm.isEmpty else { continue }
            var group = [candidate]
            used.insert(candidate.term)
            for other in candidates where !used.contains(other.term) && group.count < 5 {
                let both = withTerm.filter { $0.terms.contains(other.term) }.count
                let either = withTerm.count + reservoir.filter { $0.terms.contains(other.term) }.count - both
                if either > 0 && Double(both) / Double(either) >= 0.35 {
                    group.append(other)
                    used.insert(other.term)
                }
            }
            // Bigrams absorb their words: "shot dog" makes "shot" and "dog" redundant as separate themes.
            for member in group where member.stats.text.contains(" ") {
                for word in member.stats.text.split(separator: " ") { used.insert(TermScanner.hash(String(word))) }
            }
            let firstSeen = group.map(\.stats.firstSeen).min() ?? candidate.stats.firstSeen
            let examples = withTerm.filter(\.critical).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.prefix(3).map(\.id)
            let count = group.map(\.stats.count).max() ?? candidate.stats.count
            result.append(Theme(terms: group.map(\.stats.text), posts: count, firstSeen: firstSeen, examplePostIDs: Array(examples)))
        }
        return result.sorted { $0.posts > $1.posts || ($0.posts == $1.posts && $0.firstSeen < $1.firstSeen) }
    }

    static let defaultStopwords: Set<String> = [
        "the", "and", "for", "you", "your", "are", "was", "were", "this", "that", "with", "have", "has", "had", "not",
        "but", "they", "them", "their", "there", "what", "when", "who", "will", "would", "can", "could", "just", "all",
        "our", "out", "from", "about", "into", "than", "then", "its", "it's", "his", "her", "she", "him", "how", "why",
        "been", "being", "also", "more", "some", "any", "one", "get", "got", "via", "amp", "i'm", "don't", "let",
        "here", "where", "which", "while", "too", "very", "only", "own", "off", "over", "again", "these", "those",
        "http", "https", "www", "com", "rt", "may", "might", "did", "does", "doing", "because", "like", "see",
    ]
}
