import Firebreak
import FirebreakStore

/// `GET /campaigns/{id}/alerts`: every alert with its evidence and what the team did, with the forms to act on it.
public enum AlertsPage {
    /// The alerts page (open first, then acknowledged, then resolved).
    public static func render(context: PageContext, campaignID: String, alerts: [AlertRecord]) -> String {
        var html = "<h1>Alerts</h1>\n"
        if alerts.isEmpty {
            html += "<p class=\"empty\">The monitor has raised no alerts.</p>\n"
        } else {
            let open = alerts.filter { $0.status == .open }.count
            html += "<p class=\"sub\">\(alerts.count) alert\(alerts.count == 1 ? "" : "s"), \(open) open.</p>\n"
            for record in AlertEvidenceView.ordered(alerts) {
                html += AlertEvidenceView.render(record, campaignID: campaignID, context: context, actions: true)
            }
        }
        return Layout.page(title: "Alerts", context: context, body: html)
    }
}
