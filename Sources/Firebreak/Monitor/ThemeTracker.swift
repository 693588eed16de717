import FirebreakLanguage
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
        var hours: HourHistogram

        mutating func record(critical isCritical: Bool, at time: Date, hour: Int) {
            count += 1
            if isCritical { critical += 1 }
            if time < firstSeen { firstSeen = time }
            hours.add(hour: hour)
        }
    }

    struct Sample: Sendable {
        var id: String
        var createdAt: Date
        var text: String
        /// The post's term hashes, each once (kept as the array the extractor made: building a set for every sampled
        /// post cost a few per cent of `add`).
        var terms: [UInt64]
        var critical: Bool
        /// The sample's hash rank: the reservoir keeps the lowest ranks, whatever order posts arrive in.
        var rank: UInt64
    }

    private var terms = FingerprintTable<TermStats>(capacity: 4096)
    private var reservoir: [Sample] = []
    private var reservoirCutoff = UInt64.max
    private let capacity: Int
    private let reservoirSize: Int
    private let extractor: TermExtractor
    private var posts = 0

    /// Creates a tracker; the campaign's own hashtags and names are never themes.
    public init(campaign: Campaign, capacity: Int = 50_000, reservoirSize: Int = 4_000) {
        self.capacity = capacity
        self.reservoirSize = reservoirSize
        extractor = TermExtractor(campaign: campaign)
    }

    /// Adds one assessed post, extracting its terms.
    public mutating func add(_ item: AssessedPost) {
        add(item, terms: extractor.features(of: item.post).terms)
    }

    /// Adds one assessed post whose term hashes were already extracted (by `TermExtractor`, each once).
    /// O(terms) table updates; no text is scanned.
    public mutating func add(_ item: AssessedPost, terms found: [UInt64]) {
        guard item.post.kind != .repost else { return }  // a repost says nothing new
        posts += 1
        let hour = Int((item.post.createdAt.timeIntervalSince1970 / 3600).rounded(.down))
        let critical = item.assessment.stance == .critical
        for term in found {
            terms.update(
                term, insert: { TermStats(firstSeen: item.post.createdAt, hours: HourHistogram(startingAt: hour)) },
                { $0.record(critical: critical, at: item.post.createdAt, hour: hour) })
        }
        if terms.count > capacity { prune() }
        // A uniform sample of posts for co-occurrence, examples and the terms' wording: the `reservoirSize`
        // posts with the lowest hash of their id (bottom-k), so the sample does not depend on arrival order.
        // Up to twice that is buffered between trims, O(log n) amortised per post.
        let rank = StableHash.splitMix(StableHash.fnv1a(item.post.nativeID))
        if rank < reservoirCutoff {
            reservoir.append(
                Sample(
                    id: item.post.nativeID, createdAt: item.post.createdAt, text: item.post.text, terms: found, critical: critical,
                    rank: rank))
            if reservoir.count >= 2 * reservoirSize {
                Self.trim(&reservoir, to: reservoirSize)
                reservoirCutoff = reservoir.last?.rank ?? UInt64.max
            }
        }
    }

    /// The kept sample: the `reservoirSize` lowest-ranked posts, lowest first.
    private func sample() -> [Sample] {
        var kept = reservoir
        Self.trim(&kept, to: reservoirSize)
        return kept
    }

    /// Sorts a sample by rank (then id) in place and drops all but the `size` lowest.
    private static func trim(_ samples: inout [Sample], to size: Int) {
        guard samples.count > size else { return }
        // Ranks decide almost always; comparing them first spares the ids' retains.
        samples.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id < $1.id }
        samples.removeLast(samples.count - size)
    }

    /// The terms of a text, as strings (what `add` counts for a post with this text).
    func terms(in text: String) -> [String] { extractor.terms(in: text).map(\.text) }

    /// Drops the rarest terms so memory stays bounded.
    private mutating func prune() {
        var counts: [Int] = []
        counts.reserveCapacity(terms.count)
        terms.forEach { _, stats in counts.append(stats.count) }
        counts.sort()
        let cut = counts[counts.count / 2]
        terms.removeAll { $0.count <= cut }
    }

    /// The themes, largest first: terms that are frequent, mostly in critical posts, and jumped in rate
    /// against the hours before they appeared, grouped by co-occurrence in the sample.
    public func themes(limit: Int = 8) -> [Theme] {
        guard posts > 0 else { return [] }
        let minimum = max(5, posts / 200)
        let reservoir = sample()
        // Only terms frequent enough and mostly critical can be themes; their wording comes from the sampled posts
        // that carry them (only those posts are scanned again).
        var eligible = Set<UInt64>()
        terms.forEach { term, stats in
            if stats.count >= minimum && 2 * stats.critical >= stats.count { eligible.insert(term) }
        }
        var wording: [UInt64: String] = [:]
        for post in reservoir where post.terms.contains(where: eligible.contains) {
            for (hash, text) in extractor.terms(in: post.text) where eligible.contains(hash) && (wording[hash] == nil || text < wording[hash]!) {
                wording[hash] = text
            }
        }
        // Score: count × critical share × burstiness (peak hour against the average of earlier hours).
        var candidates: [(term: UInt64, text: String, score: Double, stats: TermStats)] = []
        terms.forEach { term, stats in
            guard stats.count >= minimum else { return }
            guard let text = wording[term] else { return }
            let criticalShare = Double(stats.critical) / Double(stats.count)
            guard criticalShare >= 0.5 else { return }
            // Over the hours that have the term, oldest first (empty hours say nothing about its rate).
            var burst = 1.0
            var earlier = 0
            var index = 0
            for value in stats.hours.slots where value > 0 {
                let history = index == 0 ? 0.0 : Double(earlier) / Double(index)
                burst = max(burst, Double(value + 1) / (history + 1))
                earlier += Int(value)
                index += 1
            }
            candidates.append((term, text, Double(stats.count) * criticalShare * log(1 + burst), stats))
        }
        candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.text < $1.text) }
        // Sample posts per term, and per pair below, counted in one pass each rather than by filtering the
        // sample for every pair of candidates.
        var inSample: [UInt64: Int] = [:]
        for post in reservoir {
            for term in post.terms { inSample[term, default: 0] += 1 }
        }
        var used = Set<UInt64>()
        var result: [Theme] = []
        for candidate in candidates where !used.contains(candidate.term) {
            guard result.count < limit else { break }
            let withTerm = reservoir.filter { $0.terms.contains(candidate.term) }
            guard !withTerm.isEmpty else { continue }
            var together: [UInt64: Int] = [:]
            for post in withTerm {
                for term in post.terms { together[term, default: 0] += 1 }
            }
            var group = [candidate]
            used.insert(candidate.term)
            for other in candidates where !used.contains(other.term) && group.count < 5 {
                let both = together[other.term] ?? 0
                let either = withTerm.count + (inSample[other.term] ?? 0) - both
                if either > 0 && Double(both) / Double(either) >= 0.35 {
                    group.append(other)
                    used.insert(other.term)
                }
            }
            // Bigrams absorb their words: "shot dog" makes "shot" and "dog" redundant as separate themes.
            for member in group where member.text.contains(" ") {
                for word in member.text.split(separator: " ") { used.insert(TermScanner.hash(String(word))) }
            }
            let firstSeen = group.map(\.stats.firstSeen).min() ?? candidate.stats.firstSeen
            let examples = withTerm.filter(\.critical).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.prefix(3).map(\.id)
            let count = group.map(\.stats.count).max() ?? candidate.stats.count
            result.append(Theme(terms: group.map(\.text), posts: count, firstSeen: firstSeen, examplePostIDs: Array(examples)))
        }
        return result.sorted { $0.posts > $1.posts || ($0.posts == $1.posts && $0.firstSeen < $1.firstSeen) }
    }
}
