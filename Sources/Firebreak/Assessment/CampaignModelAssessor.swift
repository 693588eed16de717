import FirebreakLanguage

/// A `ModelAssessor` with one campaign's target matcher built up front, so a stream of posts neither
/// rebuilds the campaign's names nor takes the shared cache's lock for every post.
struct CampaignModelAssessor: Assessor {
    let base: ModelAssessor
    let campaign: Campaign
    let matcher: TargetMatcher
    /// Assessments of recent texts, shared by every batch this assessor scores.
    let cache = AssessmentCache()

    func assess(_ post: Post, in campaign: Campaign) -> Assessment {
        guard campaign == self.campaign else { return base.assess(post, in: campaign) }
        var workspace = PostScorer.Workspace()
        let scores = base.scorer.score(post.text, matcher: matcher, in: &workspace)
        return base.assessment(from: scores, text: post.text, matcher: matcher)
    }

    /// Scores a batch with one workspace, so its buffers are allocated once, not per post, and scores each
    /// text once: a batch repeats texts (retweets of one post, originals carried by their reposts), texts
    /// come back across batches (`cache`), and an assessment depends on the text alone.
    func assess(_ posts: [Post], in campaign: Campaign) -> [Assessment] {
        guard campaign == self.campaign else { return posts.map { base.assess($0, in: campaign) } }
        let texts = posts.map(\.text)
        let hashes = texts.map { StableHash.words($0) }
        var found = cache.lookUp(texts, hashes: hashes)
        var workspace = PostScorer.Workspace()
        var memo = TextMemo<Assessment>(capacity: posts.count)
        var scored: [(text: String, hash: UInt64, assessment: Assessment)] = []
        for index in found.indices where found[index] == nil {
            found[index] = memo.value(for: texts[index], hash: hashes[index]) { text in
                let assessment = base.assessment(
                    from: base.scorer.score(text, matcher: matcher, in: &workspace), text: text, matcher: matcher)
                scored.append((text, hashes[index], assessment))
                return assessment
            }
        }
        cache.store(scored)
        return found.map { $0! }
    }
}

extension ModelAssessor {
    /// This assessor with the campaign's target matcher prepared once.
    public func specialized(for campaign: Campaign) -> any Assessor {
        CampaignModelAssessor(base: self, campaign: campaign, matcher: TargetMatcher(names: campaign.targetNames))
    }
}
