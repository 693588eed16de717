import Foundation

/// Keeps the few posts a report should quote: the launch post, the most shared supportive, critical and
/// sarcastic posts, and the candidates for the featured gallery. Bounded: a few per category.
public struct ExampleCollector: Sendable {
    struct Candidate: Sendable {
        var score: Double
        var example: ExamplePost
    }

    struct FeaturedCandidate: Sendable {
        var score: Double
        var id: String
        var createdAt: Date
    }

    /// Supportive, critical and sarcastic candidates, best first.
    private var lists: [[Candidate]] = [[], [], []]
    /// Featured candidates keep only what the list needs (id, time, score): the pool is large, and a hostile post's
    /// text can be a megabyte.
    private var featured: [FeaturedCandidate] = []
    /// The worst featured candidate kept at the last trim: a post that does not beat it can never be kept, so it
    /// is turned away before an example is built for it.
    private var featuredCutoff: (score: Double, id: String)?
    private var ownerFirst: ExamplePost?
    private let campaign: Campaign
    private let perCategory = 3
    private let featuredLimit = 50
    /// Candidates kept for the report to choose `featuredLimit` from once it knows when the campaign was hijacked.
    private let featuredPool = 1000
    /// The highest irony a featured candidate may have.
    static let featuredMaxIrony = 0.5
    /// The highest offence probability a featured candidate may have: the head's own decision point, below the
    /// report's offensive mark (`Assessment.offenceThreshold`), since a featured post speaks for the owner.
    static let featuredMaxOffensive = 0.5

    /// Creates a collector.
    public init(campaign: Campaign) {
        self.campaign = campaign
    }

    /// Considers one assessed post.
    public mutating func add(_ item: AssessedPost) {
        add(item, byOwner: campaign.isOwner(handle: item.post.author.handle))
    }

    /// Considers one assessed post whose author is known to be (or not be) an owner. An example is only
    /// built when the post would be kept, so most posts cost a comparison.
    public mutating func add(_ item: AssessedPost, byOwner: Bool) {
        guard item.post.kind != .repost else { return }
        let stance = item.assessment.stance
        let sarcastic = item.assessment.isSarcastic
        let metrics = item.post.metrics
        let shares = Double(metrics?.reposts ?? 0) + Double(metrics?.quotes ?? 0) + Double(metrics?.likes ?? 0) / 10
        // Earlier posts win ties, so the report quotes the ones that set the tone.
        let score = shares - item.post.createdAt.timeIntervalSince1970 * 1e-10
        func example(_ why: String) -> ExamplePost {
            ExamplePost(
                id: item.post.nativeID, handle: "@" + item.post.author.handle, createdAt: item.post.createdAt, text: item.post.text,
                stance: stance, sarcastic: sarcastic, hasMedia: item.post.hasMedia, why: why)
        }
        if byOwner {
            // Ties in time go to the smaller id, so the choice does not depend on arrival order.
            if ownerFirst.map({ (item.post.createdAt, item.post.nativeID) < ($0.createdAt, $0.id) }) ?? true {
                ownerFirst = example("the owner's first post")
            }
            return
        }
        let category: Int? =
            stance == .critical ? (sarcastic ? 2 : 1) : stance == .supportive ? 0 : nil
        if let category, Self.ranks(score, item.post.nativeID, above: cutoff(of: lists[category])) {
            lists[category].append(Candidate(score: score, example: example(Self.reasons[category])))
            lists[category].sort(by: Self.order)
            if lists[category].count > perCategory { lists[category].removeLast() }
        }
        // Featuring is where sarcastic praise does harm, so the bar is the irony mark of the stance rule's contrast
        // (one half), below the sarcastic flag: hostile photos the stance model calls supportive ("Here's #myNYPD beating
        // an 84-year-old man …") carry irony around 0.5–0.7. The hijack's own span is left out when the report is made.
        if stance == .supportive && item.assessment.irony < Self.featuredMaxIrony
            && item.assessment.offensive < Self.featuredMaxOffensive && item.post.hasMedia,
            Self.ranks(item.assessment.pSupportive + score, item.post.nativeID, above: featuredCutoff)
        {
            featured.append(FeaturedCandidate(score: item.assessment.pSupportive + score, id: item.post.nativeID, createdAt: item.post.createdAt))
            if featured.count >= featuredPool * 2 { trimFeatured() }
        }
    }

    /// Whether a post with this score and id ranks above `other` (nil: above anything): higher scores first, and the
    /// smaller id on a tie, so the choice does not depend on arrival order.
    private static func ranks(_ score: Double, _ id: String, above other: (score: Double, id: String)?) -> Bool {
        guard let other else { return true }
        return score > other.score || (score == other.score && id < other.id)
    }

    /// The worst entry of a full category list (best first), which a newcomer must beat; nil while there is room.
    private func cutoff(of list: [Candidate]) -> (score: Double, id: String)? {
        list.count >= perCategory ? list.last.map { ($0.score, $0.example.id) } : nil
    }

    private static func order(_ a: Candidate, _ b: Candidate) -> Bool { ranks(a.score, a.example.id, above: (b.score, b.example.id)) }

    private static let reasons = ["most shared supportive post", "most shared critical post", "most shared sarcastic post"]

    private mutating func trimFeatured() {
        featured.sort { Self.ranks($0.score, $0.id, above: ($1.score, $1.id)) }
        if featured.count > featuredPool { featured.removeLast(featured.count - featuredPool) }
        if featured.count == featuredPool, let worst = featured.last { featuredCutoff = (worst.score, worst.id) }
    }

    /// The examples, launch post first.
    public var examples: [ExamplePost] {
        var result: [ExamplePost] = ownerFirst.map { [$0] } ?? []
        for list in lists { result += list.map(\.example) }
        return result
    }

    /// Ids of posts eligible for the featured gallery, best first.
    public var featuredCandidates: [String] { featuredCandidates(excluding: { _ in false }) }

    /// The best featured candidates not posted at a time `frozen` says the gallery was frozen (a hijack's span).
    public func featuredCandidates(excluding frozen: (Date) -> Bool) -> [String] {
        var copy = self
        copy.trimFeatured()
        var ids: [String] = []
        for candidate in copy.featured where ids.count < featuredLimit && !frozen(candidate.createdAt) {
            ids.append(candidate.id)
        }
        return ids
    }
}
