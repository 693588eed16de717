import Firebreak
import FirebreakStore
import Foundation

/// `GET /campaigns/{id}`: health, breaker, counts, timeline, stance mix, current alerts, themes, accounts, clusters.
public enum OverviewPage {
    /// The overview of one campaign; `minutes` are its closed minutes (oldest first), `alerts` all its alerts.
    public static func render(context: PageContext, snapshot: DeskSnapshot, minutes: [MinuteRow], alerts: [AlertRecord]) -> String {
        let id = snapshot.campaignID
        let base = PageHTML.campaignPath(id)
        var html = "<section class=\"headline\">\n"
        html += "<h1>\(PageHTML.text(snapshot.campaign.name, .name)) \(PageHTML.healthBadge(snapshot.health, id: true))</h1>\n"
        html += "<p class=\"sub\">" + snapshot.campaign.hashtags.map { PageHTML.text($0, .name) }.joined(separator: " ")
        html += " · target \(PageHTML.text(snapshot.campaign.target.name, .name))"
        html += " · latest post <span id=\"latest-post\">\(PageHTML.time(snapshot.latestPostAt))</span>"
        html += " · minutes closed through <span id=\"closed-through\">\(PageHTML.time(snapshot.closedThrough))</span></p>\n"
        html += breaker(snapshot.breaker)
        html += "</section>\n"

        html += counts(snapshot)
        html += mix(snapshot)

        html += "<section class=\"panel timeline-panel\"><h2>Timeline</h2>\n"
        html += "<div id=\"timeline\" class=\"timeline\" data-src=\"/api\(PageHTML.esc(base))/timeline\">"
        html += MinuteTimelineSVG.render(minutes: minutes, alerts: alerts.map(\.alert))
        html += "</div>\n<p class=\"legend\"><span class=\"key key-supportive\">supportive</span> <span class=\"key key-neutral\">neutral</span> "
        html += "<span class=\"key key-critical\">critical</span> · band: health · dashed lines: alerts</p>\n</section>\n"

        // Open and acknowledged alerts first; the latest resolved ones fill up to five so the recent story stays visible.
        let ordered = AlertEvidenceView.ordered(alerts)
        let unresolved = ordered.filter { $0.status != .resolved }.count
        html += "<section class=\"panel\" id=\"current-alerts\"><h2>Current alerts <span class=\"count\">\(unresolved)</span></h2>\n"
        if unresolved == 0 { html += "<p class=\"empty\">No open alerts.</p>\n" }
        for record in ordered.prefix(min(10, max(5, unresolved))) {
            html += AlertEvidenceView.render(record, campaignID: id, context: context, actions: false)
        }
        html += "<p><a href=\"\(PageHTML.esc(base))/alerts\">All alerts and actions</a></p>\n</section>\n"

        html += "<div class=\"columns\">\n"
        html += themes(snapshot.themes)
        html += accounts(snapshot.accounts, flagged: Set(snapshot.flagged.map { normalised($0) }))
        html += "</div>\n"
        html += "<section class=\"panel\"><h2>Coordination clusters</h2>\n\(ClusterTable.render(snapshot.clusters))</section>\n"
        return Layout.page(title: snapshot.campaign.name, context: context, body: html)
    }

    /// The breaker as a sentence, with `id="breaker"` so the live script can rewrite it.
    static func breaker(_ breaker: CircuitBreaker) -> String {
        var html = "<p id=\"breaker\" class=\"breaker breaker-\(breaker.state.rawValue)\" data-state=\"\(breaker.state.rawValue)\">"
        html += "<span id=\"breaker-text\">\(PageHTML.breakerSentence(breaker.state))</span>"
        if let since = breaker.since {
            html += " <span class=\"since\">Since \(PageHTML.time(since)), health \(breaker.health.rawValue).</span>"
        }
        return html + "</p>\n"
    }

    private static func counts(_ s: DeskSnapshot) -> String {
        let items: [(String, String, Int)] = [
            ("posts", "Posts", s.posts), ("supportive", "Supportive", s.supportive), ("neutral", "Neutral", s.neutral),
            ("critical", "Critical", s.critical), ("sarcastic", "Sarcastic", s.sarcastic), ("duplicates", "Duplicates", s.duplicates),
            ("rejected", "Rejected", s.rejected),
        ]
        var html = "<section class=\"counts\" aria-label=\"Counts\"><dl>\n"
        for (key, label, value) in items {
            html += "<div class=\"count count-\(key)\"><dt>\(label)</dt><dd id=\"count-\(key)\">\(PageHTML.count(value))</dd></div>\n"
        }
        return html + "</dl></section>\n"
    }

    /// The stance mix as one stacked bar; an SVG because widths cannot be inline styles under the CSP.
    private static func mix(_ s: DeskSnapshot) -> String {
        let total = s.supportive + s.neutral + s.critical
        var html = "<section class=\"panel mix-panel\"><h2>Stance mix</h2>\n"
        html += "<svg class=\"mix\" id=\"mix\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" width=\"100%\" height=\"18\" role=\"img\" "
        html += "aria-label=\"Stance mix\">"
        var x = 0.0
        for (stance, value, colour) in [
            ("supportive", s.supportive, MinuteTimelineSVG.Colour.supportive), ("neutral", s.neutral, MinuteTimelineSVG.Colour.neutral),
            ("critical", s.critical, MinuteTimelineSVG.Colour.critical),
        ] {
            let width = total > 0 ? Double(value) * 100 / Double(total) : 0
            html += "<rect id=\"mix-\(stance)\" class=\"bar-\(stance)\" x=\"\(MinuteTimelineSVG.n(x))\" y=\"0\" "
            html += "width=\"\(MinuteTimelineSVG.n(width))\" height=\"6\" fill=\"\(colour)\"/>"
            x += width
        }
        if total == 0 { html += "<rect x=\"0\" y=\"0\" width=\"100\" height=\"6\" fill=\"#eeeeee\"/>" }
        html += "</svg>\n<p class=\"legend\">"
        html += "<span class=\"key key-supportive\">supportive <span id=\"share-supportive\">\(PageHTML.percent(s.supportive, of: total))</span></span> "
        html += "<span class=\"key key-neutral\">neutral <span id=\"share-neutral\">\(PageHTML.percent(s.neutral, of: total))</span></span> "
        html += "<span class=\"key key-critical\">critical <span id=\"share-critical\">\(PageHTML.percent(s.critical, of: total))</span></span>"
        return html + "</p>\n</section>\n"
    }

    private static func themes(_ themes: [Theme]) -> String {
        var html = "<section class=\"panel\"><h2>Emerging themes</h2>\n"
        guard !themes.isEmpty else { return html + "<p class=\"empty\">No emerging themes.</p></section>\n" }
        html += "<table class=\"themes\"><thead><tr><th scope=\"col\">Terms</th><th scope=\"col\" class=\"num\">Posts</th>"
        html += "<th scope=\"col\">First seen</th></tr></thead><tbody>\n"
        for theme in themes.prefix(20) {
            let terms = theme.terms.prefix(8).map { "<span class=\"term\">\(PageHTML.text($0, .name))</span>" }.joined(separator: " ")
            html += "<tr><td>\(terms)</td><td class=\"num\">\(PageHTML.count(theme.posts))</td><td>\(PageHTML.time(theme.firstSeen))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    private static func accounts(_ accounts: [AccountSummary], flagged: Set<String>) -> String {
        var html = "<section class=\"panel\"><h2>Leading accounts</h2>\n"
        guard !accounts.isEmpty else { return html + "<p class=\"empty\">No accounts yet.</p></section>\n" }
        html += "<table class=\"accounts\"><thead><tr><th scope=\"col\">Account</th><th scope=\"col\" class=\"num\">Posts</th>"
        html += "<th scope=\"col\" class=\"num\">Critical</th><th scope=\"col\" class=\"num\">Followers</th><th scope=\"col\">Role</th></tr></thead><tbody>\n"
        for account in accounts.prefix(25) {
            let flag = flagged.contains(normalised(account.handle)) ? " <span class=\"tag flagged\">flagged</span>" : ""
            html += "<tr><td>\(PageHTML.text(account.handle, .name))\(flag)</td><td class=\"num\">\(PageHTML.count(account.posts))</td>"
            html += "<td class=\"num\">\(PageHTML.count(account.critical))</td>"
            html += "<td class=\"num\">\(account.followers.map { PageHTML.count($0) } ?? "–")</td>"
            html += "<td>\(PageHTML.text(account.role, .name))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    /// A handle lower-cased without `@`, for comparing lists that spell it differently.
    static func normalised(_ handle: String) -> String {
        let lower = handle.lowercased()
        return lower.hasPrefix("@") ? String(lower.dropFirst()) : lower
    }
}
