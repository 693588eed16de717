/// Reads one post the way the campaign's owner needs it read. Implementations must be safe to call
/// from several threads at once, and must do no I/O.
public protocol Assessor: Sendable {
    /// Assesses one post within a campaign.
    func assess(_ post: Post, in campaign: Campaign) -> Assessment

    /// Assesses several posts within a campaign, in order; the same as assessing each alone.
    func assess(_ posts: [Post], in campaign: Campaign) -> [Assessment]

    /// An assessor prepared for one campaign (its target names compiled once), used for a whole stream.
    /// It must give the same assessments as `self`; the default is `self`.
    func specialized(for campaign: Campaign) -> any Assessor
}

extension Assessor {
    /// One post at a time.
    public func assess(_ posts: [Post], in campaign: Campaign) -> [Assessment] {
        posts.map { assess($0, in: campaign) }
    }

    /// No preparation: `self`.
    public func specialized(for campaign: Campaign) -> any Assessor { self }
}
