import Firebreak
import Foundation

/// Something the team is told about by webhook and Slack: an alert, or the breaker moving.
enum DeskNotification {
    case alert(Alert)
    case breaker(BreakerEvent)

    /// The JSON webhook body: `{"event": ..., "campaign": ..., ...}`.
    func webhookJSON(campaign: DeskConfiguration.CampaignEntry) -> String {
        switch self {
        case .alert(let alert):
            DeskJSON.string(
                WebhookBody(
                    event: "alert.raised", campaign: campaign.id, campaignName: campaign.campaign.name, at: alert.raisedAt, summary: alert.summary,
                    alert: WebhookBody.AlertInfo(
                        id: alert.id, kind: alert.kind.rawValue, level: alert.level.rawValue, onsetEstimate: alert.onsetEstimate, figures: alert.figures,
                        themes: alert.themes, accounts: alert.accounts, examplePostIds: alert.examplePostIDs,
                        recommendedActions: alert.recommendedActions),
                    breaker: nil))
        case .breaker(let change):
            DeskJSON.string(
                WebhookBody(
                    event: "breaker.\(change.kind.rawValue)", campaign: campaign.id, campaignName: campaign.campaign.name, at: change.at,
                    summary: summary(campaign: campaign), alert: nil,
                    breaker: BreakerStateEvent(state: change.kind.rawValue, health: change.health.rawValue, actor: change.actor, note: change.note)))
        }
    }

    /// A Slack incoming-webhook body (`{"text": ...}`), with Slack's control characters escaped.
    func slackJSON(campaign: DeskConfiguration.CampaignEntry) -> String {
        DeskJSON.string(["text": Self.slackEscape(summary(campaign: campaign))])
    }

    private func summary(campaign: DeskConfiguration.CampaignEntry) -> String {
        switch self {
        case .alert(let alert):
            "Firebreak \(campaign.campaign.name): \(alert.level.rawValue) \(alert.kind.rawValue.replacingOccurrences(of: "_", with: " ")) — \(alert.summary)"
        case .breaker(let change):
            switch change.kind {
            case .tripped:
                "Firebreak \(campaign.campaign.name): circuit breaker tripped (\(change.note)). Auto-approval stopped, gallery frozen, replies paused."
            case .overridden:
                "Firebreak \(campaign.campaign.name): \(change.actor) overrode the circuit breaker (\(change.note)); gallery and replies resume."
            case .rearmed:
                "Firebreak \(campaign.campaign.name): \(change.actor) re-armed the circuit breaker (\(change.note))."
            }
        }
    }

    /// Slack reads `&`, `<` and `>` as markup; theme words and handles come from posts, so they are escaped.
    static func slackEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// The JSON webhook's body.
private struct WebhookBody: Encodable {
    struct AlertInfo: Encodable {
        var id: String
        var kind: String
        var level: String
        var onsetEstimate: Date?
        var figures: [String: Double]
        var themes: [String]
        var accounts: [String]
        var examplePostIds: [String]
        var recommendedActions: [String]
    }

    var event: String
    var campaign: String
    var campaignName: String
    var at: Date
    var summary: String
    var alert: AlertInfo?
    var breaker: BreakerStateEvent?
}
