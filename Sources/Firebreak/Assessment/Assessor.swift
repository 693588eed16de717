/// Reads one post the way the campaign's owner needs it read. Implementations must be safe to call
/// from several threads at once, and must do no I/O.
public protocol Assessor: Sendable {
    /// Assesses one post within a campaign.
    func assess(_ post: Post, in campaign: Campaign) -> Assessment
}
