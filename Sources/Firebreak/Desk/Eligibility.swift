/// Decides which posts may be thanked or featured without a second thought, and says why not.
///
/// A thank-you goes only to a genuine supporter: an original post or reply (not a repost), supportive, not sarcastic,
/// not offensive, with a photo, from an author nobody has flagged and who is not the campaign's owner. Auto-approval
/// into the gallery asks the same and a higher p_supportive.
public struct Eligibility: Sendable {
    /// The policy whose thresholds apply.
    public let policy: DeskPolicy
    private let owners: Set<String>

    /// Creates the rules for a campaign and its policy.
    public init(campaign: Campaign, policy: DeskPolicy) {
        self.policy = policy
        owners = Set(campaign.owners.map { $0.lowercased().trimmingPrefix("@") }.map(String.init))
    }

    /// Why `post` may not be thanked; empty when it may. `flagged` holds lower-cased handles and author ids.
    public func replyBlockers(_ post: Post, _ assessment: Assessment, flagged: Set<String>) -> [String] {
        var reasons: [String] = []
        if post.kind == .repost { reasons.append("a repost") }
        if owners.contains(post.author.handle.lowercased()) { reasons.append("posted by the campaign's owner") }
        if assessment.stance != .supportive || assessment.pSupportive < policy.replyMinSupportive {
            reasons.append("not clearly supportive (p_supportive \(percent(assessment.pSupportive)))")
        }
        if assessment.irony > policy.maxIrony { reasons.append("may be sarcastic (irony \(percent(assessment.irony)))") }
        if assessment.offensive > policy.maxOffensive { reasons.append("may be offensive (\(percent(assessment.offensive)))") }
        if !post.media.contains(where: { $0.kind == .photo }) { reasons.append("no photo") }
        if flagged.contains(post.author.handle.lowercased()) || flagged.contains(post.author.id.lowercased()) {
            reasons.append("author flagged")
        }
        return reasons
    }

    /// Why `post` may not be approved into the gallery without a person; empty when it may.
    public func autoApprovalBlockers(_ post: Post, _ assessment: Assessment, flagged: Set<String>) -> [String] {
        var reasons = replyBlockers(post, assessment, flagged: flagged)
        if assessment.pSupportive < policy.autoApproveMinSupportive && !reasons.contains(where: { $0.hasPrefix("not clearly") }) {
            reasons.append("p_supportive \(percent(assessment.pSupportive)) below the auto-approval bar")
        }
        return reasons
    }

    /// The caution a moderator sees before approving by hand; empty when nothing stands out.
    public func moderationWarnings(_ post: Post, _ assessment: Assessment, flagged: Set<String>) -> [String] {
        var warnings: [String] = []
        if assessment.stance == .critical { warnings.append("critical of the target (p_critical \(percent(assessment.pCritical)))") }
        if assessment.isSarcastic { warnings.append("probably sarcastic (irony \(percent(assessment.irony)))") }
        if assessment.isOffensive { warnings.append("probably offensive (\(percent(assessment.offensive)))") }
        if flagged.contains(post.author.handle.lowercased()) || flagged.contains(post.author.id.lowercased()) {
            warnings.append("author flagged")
        }
        return warnings
    }

    private func percent(_ p: Double) -> String { "\(Int((p * 100).rounded()))%" }
}
