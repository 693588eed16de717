import Foundation

/// Finds what the campaign's critical posts are about: terms and bigrams whose rate jumps against the
/// campaign's own history, grouped by how often they occur together.
///
/// Per post O(terms); memory bounded: term counts are pruned (lossy counting) past `capacity`, and
/// co-occurrence is read from a fixed-size, order-independent sample of posts.
public struct ThemeTracker: Sendable {
    struct TermStats: Sendable {
        var count = 0
        var critical = 0
        var firstSeen: Date
        var hours: [Int: Int] = [:]
    }

    struct Sample: Sendable {
        var id: String
        var createdAt: Date
        var terms: Set<String>
        var critical: Bool
        /// The sample's hash rank: the reservoir keeps the lowest ranks, whatever order posts arrive in.
        var rank: UInt64
    }

    private var terms: [String: TermStats] = [:]
    private var reservoir: [Sample] = []
    private var reservoirCutoff = UInt64.max
    private let capacity: Int
    private let reservoirSize: Int
    private let stopwords: Set<String>
    private let campaignWords: Set<String>
    private var posts = 0

    /// Creates a tracker; the campaign's own hashtags and names are never themes.
    public init(campaign: Campaign, capacity: Int = 50_000, reservoirSize: Int = 4_000) {
        self.capacity = capacity
        self.reservoirSize = reservoirSize
        stopwords = ThemeTracker.defaultStopwords
        var own = Set<String>()
        for name in campaign.targetNames { own.insert(name.lowercased()) }
        for tag in campaign.hashtags { own.insert(tag.lowercased()) }
        campaignWords = own
    }

    /// Adds one assessed post.
    public mutating func add(_ item: AssessedPost) {
        guard item.post.kind != .repost else { return }  // a repost says nothing new
        posts += 1
        let found = Set(extractTerms(item.post.text))
        let hour = Int((item.post.createdAt.timeIntervalSince1970 / 3600).rounded(.down))
        let critical = item.assessment.stance == .critical
        for term in found {
            var stats = terms[term] ?? TermStats(firstSeen: item.post.createdAt)
            stats.count += 1
            if critical { stats.critical += 1 }
            if item.post.createdAt < stats.firstSeen { stats.firstSeen = item.post.createdAt }
            stats.hours[hour, default: 0] += 1
            terms[term] = stats
        }
        if terms.count > capacity { prune() }
        // A uniform sample of posts for co-occurrence and examples: the `reservoirSize` posts with the lowest
        // hash of their id (bottom-k), so the sample does not depend on arrival order. Up to twice that is
        // buffered between trims, O(log n) amortised per post.
        let rank = StableHash.mix(StableHash.fnv1a(item.post.nativeID))
        if rank < reservoirCutoff {
            reservoir.append(Sample(id: item.post.nativeID, createdAt: item.post.createdAt, terms: found, critical: critical, rank: rank))
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

    /// Drops the rarest terms so memory stays bounded.
    private mutating func prune() {
        let counts = terms.values.map(\.count).sorted()
        let cut = counts[counts.count / 2]
        terms = terms.filter { $0.value.count > cut }
    }

    /// Lowercased words of three letters or more, hashtags other than the campaign's, and adjacent-word bigrams.
    func extractTerms(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            if current.count >= 3 || (current.first == "#" && current.count >= 3) {
                let lower = current.lowercased()
                if !stopwords.contains(lower), !campaignWords.contains(lower),
                    !campaignWords.contains(lower.hasPrefix("#") ? String(lower.dropFirst()) : lower)
                {
                    words.append(lower)
                } else {
                    words.append("")  // keeps bigrams from jumping over stop words
                }
            } else if !current.isEmpty {
                words.append("")
            }
            current = ""
        }
        var skippingLink = false
        for ch in text {
            if ch.isWhitespace {
                skippingLink = false
                flush()
                continue
            }
            if skippingLink { continue }
            if ch.isLetter || ch.isNumber || ((ch == "#") && current.isEmpty) || (ch == "'" && !current.isEmpty) {
                current.append(ch)
                if current == "http" || current == "@" { skippingLink = current == "http" }
            } else if ch == "@" && current.isEmpty {
                skippingLink = true  // mentions are accounts, not themes
            } else {
                if current.lowercased().hasPrefix("http") && ch == ":" { skippingLink = true; current = ""; continue }
                flush()
            }
        }
        flush()
        var result = words.filter { !$0.isEmpty && !$0.allSatisfy(\.isNumber) }
        for i in 0..<(words.count > 0 ? words.count - 1 : 0) where !words[i].isEmpty && !words[i + 1].isEmpty {
            if !words[i].hasPrefix("#") && !words[i + 1].hasPrefix("#") { result.append("\(words[i]) \(words[i + 1])") }
        }
        return result
    }

    /// The themes, largest first: terms that are frequent, mostly in critical posts, and jumped in rate
    /// against the hours before they appeared, grouped by co-occurrence in the sample.
    public func themes(limit: Int = 8) -> [Theme] {
        guard posts > 0 else { return [] }
        let minimum = max(5, posts / 200)
        // Score: count × critical share × burstiness (peak hour against the average of earlier hours).
        var candidates: [(term: String, score: Double, stats: TermStats)] = []
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
        candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.term < $1.term) }
        let reservoir = sample()
        var used = Set<String>()
        var result: [Theme] = []
        for candidate in candidates where !used.contains(candidate.term) {
            guard result.count < limit else { break }
            let withTerm = reservoir.filter { $0.terms.contains(candidate.term) }
            guard !withTerm.isEmpty else { continue }
            var group = [candidate.term]
            used.insert(candidate.term)
            for other in candidates where !used.contains(other.term) && group.count < 5 {
                let both = withTerm.filter { $0.terms.contains(other.term) }.count
                let either = withTerm.count + reservoir.filter { $0.terms.contains(other.term) }.count - both
                if either > 0 && Double(both) / Double(either) >= 0.35 {
                    group.append(other.term)
                    used.insert(other.term)
                }
            }
            // Bigrams absorb their words: "shot dog" makes "shot" and "dog" redundant as separate themes.
            for term in group where term.contains(" ") {
                for word in term.split(separator: " ") { used.insert(String(word)) }
            }
            let firstSeen = group.compactMap { terms[$0]?.firstSeen }.min() ?? candidate.stats.firstSeen
            let examples = withTerm.filter(\.critical).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.prefix(3).map(\.id)
            let count = group.compactMap { terms[$0]?.count }.max() ?? candidate.stats.count
            result.append(Theme(terms: group, posts: count, firstSeen: firstSeen, examplePostIDs: Array(examples)))
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
