import Foundation

/// Keeps the few posts a report should quote: the launch post, the most shared supportive, critical and
/// sarcastic posts, and the candidates for the featured gallery. Bounded: a few per category.
public struct ExampleCollector: Sendable {
    struct Candidate: Sendable {
        var score: Double
        var example: ExamplePost
    }

    private var categories: [String: [Candidate]] = [:]
    private var featured: [Candidate] = []
    private var ownerFirst: ExamplePost?
    private let campaign: Campaign
    private let perCategory = 3
    private let featuredLimit = 50

    /// Creates a collector.
    public init(campaign: Campaign) {
        self.campaign = campaign
    }

    /// Considers one assessed post.
    public mutating func add(_ item: AssessedPost) {
        let post = item.post
        let a = item.assessment
        guard post.kind != .repost else { return }
        let shares = Double(post.metrics?.reposts ?? 0) + Double(post.metrics?.quotes ?? 0) + Double(post.metrics?.likes ?? 0) / 10
        // Earlier posts win ties, so the report quotes the ones that set the tone.
        let score = shares - post.createdAt.timeIntervalSince1970 * 1e-10
        func example(_ why: String) -> ExamplePost {
            ExamplePost(
                id: post.nativeID, handle: "@" + post.author.handle, createdAt: post.createdAt, text: post.text, stance: a.stance,
                sarcastic: a.isSarcastic, hasMedia: post.hasMedia, why: why)
        }
        if campaign.isOwner(handle: post.author.handle) {
            // Ties in time go to the smaller id, so the choice does not depend on arrival order.
            if ownerFirst.map({ (post.createdAt, post.nativeID) < ($0.createdAt, $0.id) }) ?? true {
                ownerFirst = example("the owner's first post")
            }
            return
        }
        if a.isSarcastic && a.stance == .critical {
            offer("sarcastic", Candidate(score: score, example: example("most shared sarcastic post")))
        } else if a.stance == .critical {
            offer("critical", Candidate(score: score, example: example("most shared critical post")))
        } else if a.stance == .supportive {
            offer("supportive", Candidate(score: score, example: example("most shared supportive post")))
        }
        if a.stance == .supportive && !a.isSarcastic && !a.isOffensive && post.hasMedia {
            featured.append(Candidate(score: a.pSupportive + score, example: example("featured candidate")))
            if featured.count > featuredLimit * 2 { trimFeatured() }
        }
    }

    private mutating func offer(_ category: String, _ candidate: Candidate) {
        var list = categories[category, default: []]
        list.append(candidate)
        list.sort { $0.score > $1.score || ($0.score == $1.score && $0.example.id < $1.example.id) }
        if list.count > perCategory { list.removeLast() }
        categories[category] = list
    }

    private mutating func trimFeatured() {
        featured.sort { $0.score > $1.score || ($0.score == $1.score && $0.example.id < $1.example.id) }
        if featured.count > featuredLimit { featured.removeLast(featured.count - featuredLimit) }
    }

    /// The examples, launch post first.
    public var examples: [ExamplePost] {
        var result: [ExamplePost] = ownerFirst.map { [$0] } ?? []
        for category in ["supportive", "critical", "sarcastic"] { result += (categories[category] ?? []).map(\.example) }
        return result
    }

    /// Ids of posts eligible for the featured gallery, best first.
    public var featuredCandidates: [String] {
        var copy = self
        copy.trimFeatured()
        return copy.featured.prefix(featuredLimit).map(\.example.id)
    }
}
