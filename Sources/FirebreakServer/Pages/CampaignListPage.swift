import Foundation
import Firebreak

/// `GET /`: every campaign on the desk with its health, breaker and headline counts.
public enum CampaignListPage {
    /// The campaign list.
    public static func render(context: PageContext, snapshots: [DeskSnapshot]) -> String {
        var html = "<h1>Campaigns</h1>\n"
        guard !snapshots.isEmpty else {
            return Layout.page(title: "Campaigns", context: context, body: html + "<p class=\"empty\">No campaigns are configured.</p>\n")
        }
        html += "<table class=\"campaigns\"><thead><tr><th scope=\"col\">Campaign</th><th scope=\"col\">Hashtags</th><th scope=\"col\">Health</th>"
        html += "<th scope=\"col\">Breaker</th><th scope=\"col\" class=\"num\">Posts</th><th scope=\"col\" class=\"num\">Critical</th>"
        html += "<th scope=\"col\">Latest post</th></tr></thead><tbody>\n"
        let order: (DeskSnapshot, DeskSnapshot) -> Bool = { a, b in
            a.health != b.health ? a.health > b.health : a.campaign.name.localizedStandardCompare(b.campaign.name) == .orderedAscending
        }
        for s in snapshots.sorted(by: order) {
            let total = s.supportive + s.neutral + s.critical
            html += "<tr class=\"health-row-\(s.health.rawValue)\"><td><a href=\"\(PageHTML.esc(PageHTML.campaignPath(s.campaignID)))\">"
            html += "\(PageHTML.text(s.campaign.name, .name))</a></td>"
            html += "<td>\(s.campaign.hashtags.map { PageHTML.text($0, .name) }.joined(separator: " "))</td>"
            html += "<td>\(PageHTML.healthBadge(s.health))</td>"
            html += "<td><span class=\"breaker-state breaker-\(s.breaker.state.rawValue)\">\(s.breaker.state.rawValue)</span></td>"
            html += "<td class=\"num\">\(PageHTML.count(s.posts))</td>"
            html += "<td class=\"num\">\(PageHTML.count(s.critical)) (\(PageHTML.percent(s.critical, of: total)))</td>"
            html += "<td>\(PageHTML.time(s.latestPostAt))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        return Layout.page(title: "Campaigns", context: context, body: html)
    }
}
