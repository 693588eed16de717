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

    // Indexed by side (see `slot`) and mutated in place: copying a ring per post would dominate large runs.
    private var rings: [[Candidate]] = [[], [], []]
    private var ringTotals: [Double] = [0, 0, 0]
    private var cursors: [Int] = [0, 0, 0]
    private var pinned: [[Candidate]] = [[], [], []]
    private var pinnedTotals: [Double] = [0, 0, 0]
    private let capacity: Int

    init(capacity: Int = 400) {
        self.capacity = capacity
    }

    private static func slot(_ side: Stance) -> Int {
        switch side {
        case .supportive: 0
        case .neutral: 1
        case .critical: 2
        }
    }

    /// Adds an original; pinned ones never leave the pool.
    mutating func add(_ candidate: Candidate, pinned isPinned: Bool) {
        let s = Self.slot(candidate.voice.stance)
        if isPinned {
            pinned[s].append(candidate)
            pinnedTotals[s] += candidate.popularity
        } else if rings[s].count < capacity {
            rings[s].append(candidate)
            ringTotals[s] += candidate.popularity
        } else {
            ringTotals[s] += candidate.popularity - rings[s][cursors[s]].popularity
            rings[s][cursors[s]] = candidate
            cursors[s] = (cursors[s] + 1) % capacity
        }
    }

    /// Whether the side has anything to pick.
    func isEmpty(_ side: Stance) -> Bool {
        let s = Self.slot(side)
        return rings[s].isEmpty && pinned[s].isEmpty
    }

    /// A candidate of the side, drawn by popularity, never by `authorID` (nobody reposts themselves).
    ///
    /// Draws against running totals and redraws when the excluded author comes up, so a pick costs one
    /// partial scan instead of a scan with a string comparison per candidate.
    func pick(_ side: Stance, excludingAuthor authorID: String?, rng: inout SplitMix64) -> Candidate? {
        let s = Self.slot(side)
        let total = pinnedTotals[s] + ringTotals[s]
        guard total > 0 else { return nil }
        for _ in 0..<4 {
            let candidate = draw(s, target: rng.unit() * total)
            if candidate?.post.author.id != authorID { return candidate }
        }
        return nil
    }

    private func draw(_ s: Int, target start: Double) -> Candidate? {
        var target = start
        for candidate in pinned[s] {
            target -= candidate.popularity
            if target < 0 { return candidate }
        }
        for candidate in rings[s] {
            target -= candidate.popularity
            if target < 0 { return candidate }
        }
        // Running totals can drift by rounding; the last candidate takes the sliver.
        return rings[s].last ?? pinned[s].last
    }
}
