import Firebreak

/// Recent original posts that later posts can repost, quote or reply to, weighted by popularity.
///
/// Each side (supportive, neutral, critical) keeps a ring of its latest originals plus pinned posts that
/// stay in play all along (the launch, the posts everyone quoted). A pick costs O(ring size), a fixed bound,
/// so generating a million posts stays linear.
struct CascadePool: Sendable {
    /// A post that can be reposted, with what the generator knows about it.
    struct Candidate: Sendable {
        var post: Post
        var voice: PostVoice
        var theme: String?
        var popularity: Double
        var conversationID: String
    }

    private var rings: [Stance: [Candidate]] = [:]
    private var cursors: [Stance: Int] = [:]
    private var pinned: [Stance: [Candidate]] = [:]
    private let capacity: Int

    init(capacity: Int = 400) {
        self.capacity = capacity
    }

    /// Adds an original; pinned ones never leave the pool.
    mutating func add(_ candidate: Candidate, pinned isPinned: Bool) {
        let side = candidate.voice.stance
        if isPinned {
            pinned[side, default: []].append(candidate)
            return
        }
        var ring = rings[side] ?? []
        if ring.count < capacity {
            ring.append(candidate)
        } else {
            let cursor = cursors[side] ?? 0
            ring[cursor] = candidate
            cursors[side] = (cursor + 1) % capacity
        }
        rings[side] = ring
    }

    /// Whether the side has anything to pick.
    func isEmpty(_ side: Stance) -> Bool {
        (rings[side]?.isEmpty ?? true) && (pinned[side]?.isEmpty ?? true)
    }

    /// A candidate of the side, drawn by popularity, skipping one author (nobody reposts themselves).
    func pick(_ side: Stance, excludingAuthor authorID: String?, rng: inout SplitMix64) -> Candidate? {
        let ring = rings[side] ?? []
        let pins = pinned[side] ?? []
        var total = 0.0
        for candidate in pins where candidate.post.author.id != authorID { total += candidate.popularity }
        for candidate in ring where candidate.post.author.id != authorID { total += candidate.popularity }
        guard total > 0 else { return nil }
        var target = rng.unit() * total
        for candidate in pins where candidate.post.author.id != authorID {
            target -= candidate.popularity
            if target < 0 { return candidate }
        }
        for candidate in ring where candidate.post.author.id != authorID {
            target -= candidate.popularity
            if target < 0 { return candidate }
        }
        return ring.last { $0.post.author.id != authorID } ?? pins.last { $0.post.author.id != authorID }
    }
}
