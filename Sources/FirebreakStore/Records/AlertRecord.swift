import Firebreak
import Foundation

/// A monitor alert and what the team did with it.
public struct AlertRecord: Sendable, Hashable, Codable {
    /// Where the team is with an alert.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open
        case acknowledged
        case resolved
    }

    /// A team member's note on an alert.
    public struct Note: Sendable, Hashable, Codable {
        /// Who wrote it.
        public var author: String
        /// What they wrote.
        public var text: String
        /// When (wall time).
        public var at: Date

        /// Creates a note.
        public init(author: String, text: String, at: Date) {
            self.author = author
            self.text = text
            self.at = at
        }
    }

    /// The campaign.
    public var campaignID: String
    /// The alert (its `id` is unique within the campaign).
    public var alert: Alert
    /// Open, acknowledged or resolved.
    public var status: Status
    /// Who acknowledged it.
    public var acknowledgedBy: String?
    /// Who resolved it.
    public var resolvedBy: String?
    /// Notes, oldest first.
    public var notes: [Note]

    /// Creates a record.
    public init(campaignID: String, alert: Alert, status: Status = .open, acknowledgedBy: String? = nil, resolvedBy: String? = nil, notes: [Note] = []) {
        self.campaignID = campaignID
        self.alert = alert
        self.status = status
        self.acknowledgedBy = acknowledgedBy
        self.resolvedBy = resolvedBy
        self.notes = notes
    }
}
