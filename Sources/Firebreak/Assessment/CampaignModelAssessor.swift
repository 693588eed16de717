import FirebreakLanguage

/// A `ModelAssessor` with one campaign's target matcher built up front, so a stream of posts neither
/// rebuilds the campaign's names nor takes the shared cache's lock for every post.
struct CampaignModelAssessor: Assessor {
    let base: ModelAssessor
    let campaign: Campaign
    let matcher: TargetMatcher

    func assess(_ post: Post, in campaign: Campaign) -> Assessment {
        guard campaign == self.campaign else { return base.assess(post, in: campaign) }
        var workspace = PostScorer.Workspace()
        let scores = base.scorer.score(post.text, matcher: matcher, in: &workspace)
        return base.assessment(from: scores, text: post.text, matcher: matcher)
    }

    /// Scores a batch with one workspace, so its buffers are allocated once, not per post.
    func assess(_ posts: [Post], in campaign: Campaign) -> [Assessment] {
        guard campaign == self.campaign else { return posts.map { base.assess($0, in: campaign) } }
        var workspace = PostScorer.Workspace()
        return posts.map { post in
            let scores = base.scorer.score(post.text, matcher: matcher, in: &workspace)
            return base.assessment(from: scores, text: post.text, matcher: matcher)
        }
    }
}

extension ModelAssessor {
    /// This assessor with the campaign's target matcher prepared once.
    public func specialized(for campaign: Campaign) -> any Assessor {
        CampaignModelAssessor(base: self, campaign: campaign, matcher: TargetMatcher(names: campaign.targetNames))
    }
}
