import Firebreak
import FirebreakStore
import Foundation

/// `GET /campaigns/{id}/settings`: the campaign (read-only), the policy, the circuit breaker and flagged authors.
///
/// Field names are exactly `DeskPolicy`'s coding keys so the route can decode the form like the configuration file.
/// Forms a role may not use are rendered inside a disabled fieldset: visible, read-only.
public enum SettingsPage {
    /// The settings page; `personFlags` are the handles a person flagged (the rest of `snapshot.flagged` came from
    /// coordination and cannot be unflagged here); `message` is a notice or error from the last change; `monitor` lists
    /// the health monitor's thresholds (name, value), shown read-only.
    public static func render(
        context: PageContext, snapshot: DeskSnapshot, personFlags: [String]? = nil, message: String? = nil, monitor: [(key: String, value: String)] = []
    ) -> String {
        let base = PageHTML.campaignPath(snapshot.campaignID)
        var html = "<h1>Settings</h1>\n"
        if let message { html += "<p class=\"banner notice\" role=\"status\">\(PageHTML.text(message, .line))</p>\n" }
        html += campaign(snapshot.campaign)
        html += policy(snapshot.policy, action: base + "/settings/policy", context: context)
        html += breaker(snapshot.breaker, health: snapshot.health, action: base + "/breaker", context: context)
        if !monitor.isEmpty { html += thresholds(monitor) }
        html += flags(snapshot.flagged, personFlags: personFlags ?? snapshot.flagged, action: base + "/flags", context: context)
        return Layout.page(title: "Settings", context: context, body: html)
    }

    private static func campaign(_ c: Campaign) -> String {
        var html = "<section class=\"panel\"><h2>Campaign</h2>\n<dl class=\"facts\">"
        html += "<dt>Name</dt><dd>\(PageHTML.text(c.name, .name))</dd>"
        html += "<dt>Hashtags</dt><dd>\(c.hashtags.map { PageHTML.text($0, .name) }.joined(separator: " "))</dd>"
        html += "<dt>Owners</dt><dd>\(c.owners.isEmpty ? "–" : c.owners.map { PageHTML.text($0, .name) }.joined(separator: " "))</dd>"
        html += "<dt>Target</dt><dd>\(PageHTML.text(c.target.name, .name))</dd>"
        html += "<dt>Aliases</dt><dd>\(c.target.aliases.isEmpty ? "–" : c.target.aliases.map { PageHTML.text($0, .name) }.joined(separator: ", "))</dd>"
        html += "<dt>Launched</dt><dd>\(PageHTML.time(c.launchedAt))</dd>"
        html += "<dt>Brief</dt><dd>\(c.brief.map { PageHTML.text($0, .text) } ?? "–")</dd>"
        return html + "</dl>\n<p class=\"note\">The campaign comes from the desk configuration file; change it there.</p></section>\n"
    }

    /// The monitor's thresholds: set in the configuration file (`monitor:`), not here, because changing them mid-run
    /// would make the live monitor disagree with a replay of the same posts.
    private static func thresholds(_ values: [(key: String, value: String)]) -> String {
        var html = "<section class=\"panel\"><h2>Monitor thresholds</h2>\n<dl class=\"facts\">"
        for (key, value) in values { html += "<dt><code>\(PageHTML.esc(key))</code></dt><dd>\(PageHTML.esc(value))</dd>" }
        return html + "</dl>\n<p class=\"note\">Set under <code>monitor:</code> in the desk configuration file; see docs/monitor.md.</p></section>\n"
    }

    private static func policy(_ p: DeskPolicy, action: String, context: PageContext) -> String {
        let allowed = context.role.allows(.admin)
        var html = "<section class=\"panel\"><h2>Policy</h2>\n"
        html += "<form method=\"post\" action=\"\(PageHTML.esc(action))\" class=\"settings\">\(PageHTML.csrfField(context.csrfToken))\n"
        html += "<fieldset\(PageHTML.disabled(unless: allowed))><legend>What may happen without a person</legend>\n"
        html += checkbox("auto_approve", "Approve clearly eligible posts into the gallery automatically (only while the breaker is armed)", p.autoApprove)
        html += number("auto_approve_min_supportive", "Least p_supportive for auto-approval", p.autoApproveMinSupportive, min: 0, max: 1, step: "any")
        html += checkbox("auto_reply", "Send thank-you replies automatically (only while the breaker is armed)", p.autoReply)
        html += number("replies_per_hour", "Most replies in any hour", Double(p.repliesPerHour), min: 0, max: 10_000, step: "1")
        html += "<label>Reply template <input type=\"text\" name=\"reply_template\" value=\"\(PageHTML.attr(p.replyTemplate, .text))\" "
        html += "maxlength=\"280\" required><span class=\"hint\"><code>{handle}</code> and <code>{campaign}</code> are filled in.</span></label>\n"
        html += number("pull_back_minutes", "On a trip, pull back gallery posts featured in the last (minutes, 0: none)", Double(p.pullBackMinutes), min: 0, max: 1440, step: "1")
        html += number("reply_min_supportive", "Least p_supportive for a reply draft", p.replyMinSupportive, min: 0, max: 1, step: "any")
        html += number("max_irony", "Most irony for a reply or auto-approval", p.maxIrony, min: 0, max: 1, step: "any")
        html += number("max_offensive", "Most offence for a reply or auto-approval", p.maxOffensive, min: 0, max: 1, step: "any")
        html += "<button type=\"submit\">Save policy</button>\n</fieldset>\n</form>\n"
        html += PageHTML.roleNote(.admin, context)
        return html + "</section>\n"
    }

    private static func checkbox(_ name: String, _ label: String, _ on: Bool) -> String {
        "<label class=\"check\"><input type=\"checkbox\" name=\"\(name)\" value=\"true\"\(on ? " checked" : "")> \(label)</label>\n"
    }

    private static func number(_ name: String, _ label: String, _ value: Double, min: Double, max: Double, step: String) -> String {
        let shown = step == "1" ? String(Int(value)) : (value.isFinite ? String(value) : "")
        return "<label>\(label) <input type=\"number\" name=\"\(name)\" value=\"\(shown)\" min=\"\(MinuteTimelineSVG.n(min))\" "
            + "max=\"\(MinuteTimelineSVG.n(max))\" step=\"\(step)\" required></label>\n"
    }

    private static func breaker(_ breaker: CircuitBreaker, health: Health, action: String, context: PageContext) -> String {
        let allowed = context.role.allows(.admin)
        var html = "<section class=\"panel\" id=\"breaker-settings\"><h2>Circuit breaker</h2>\n"
        html += OverviewPage.breaker(breaker)
        html += "<p>Campaign health now: \(PageHTML.healthBadge(health)).</p>\n"
        var forms: [(String, String, String?)] = []
        switch breaker.state {
        case .tripped:
            forms.append(("override", "Override: let actions resume",
                "Override the breaker? Auto-approval, the gallery and replies resume while the monitor still reports trouble."))
            forms.append(("rearm", "Re-arm", "Re-arm the breaker? Normal operation resumes, auto-approval included."))
        case .overridden:
            forms.append(("trip", "Trip: stop everything", nil))
            forms.append(("rearm", "Re-arm", "Re-arm the breaker? Normal operation resumes, auto-approval included."))
        case .armed:
            forms.append(("trip", "Trip: stop everything", nil))
        }
        for (value, label, confirm) in forms {
            html += "<form method=\"post\" action=\"\(PageHTML.esc(action))\" class=\"breaker-form\""
            if let confirm { html += " data-confirm=\"\(PageHTML.esc(confirm))\"" }
            html += ">\(PageHTML.csrfField(context.csrfToken))<input type=\"hidden\" name=\"action\" value=\"\(value)\">"
            html += "<fieldset\(PageHTML.disabled(unless: allowed))><legend>\(label)</legend>"
            html += "<label>Reason <input type=\"text\" name=\"reason\" required maxlength=\"500\"></label> "
            html += "<button type=\"submit\">\(label)</button></fieldset></form>\n"
        }
        html += PageHTML.roleNote(.admin, context)
        return html + "</section>\n"
    }

    private static func flags(_ flagged: [String], personFlags: [String], action: String, context: PageContext) -> String {
        let allowed = context.role.allows(.moderator)
        let byPerson = Set(personFlags.map(OverviewPage.normalised))
        var html = "<section class=\"panel\" id=\"flags\"><h2>Flagged authors</h2>\n"
        html += "<p class=\"note\">Flagged authors get no thank-you replies and no auto-approval. Authors in coordination clusters are flagged automatically.</p>\n"
        var all = flagged
        for handle in personFlags where !flagged.contains(where: { OverviewPage.normalised($0) == OverviewPage.normalised(handle) }) {
            all.append(handle)
        }
        if all.isEmpty {
            html += "<p class=\"empty\">Nobody is flagged.</p>\n"
        } else {
            html += "<ul class=\"flagged\">"
            for handle in all.sorted(by: { OverviewPage.normalised($0) < OverviewPage.normalised($1) }) {
                html += "<li><span class=\"handle\">\(PageHTML.text(handle, .name))</span> "
                if byPerson.contains(OverviewPage.normalised(handle)) {
                    html += "<form method=\"post\" action=\"\(PageHTML.esc(action))\" class=\"inline\">\(PageHTML.csrfField(context.csrfToken))"
                    html += "<input type=\"hidden\" name=\"action\" value=\"unflag\"><input type=\"hidden\" name=\"handle\" value=\"\(PageHTML.esc(handle))\">"
                    html += "<fieldset\(PageHTML.disabled(unless: allowed))><legend class=\"sr-only\">Unflag</legend>"
                    html += "<button type=\"submit\">Unflag</button></fieldset></form>"
                } else {
                    html += "<span class=\"note\">by coordination</span>"
                }
                html += "</li>"
            }
            html += "</ul>\n"
        }
        html += "<form method=\"post\" action=\"\(PageHTML.esc(action))\" class=\"flag-form\">\(PageHTML.csrfField(context.csrfToken))"
        html += "<input type=\"hidden\" name=\"action\" value=\"flag\">"
        html += "<fieldset\(PageHTML.disabled(unless: allowed))><legend>Flag an author</legend>"
        html += "<label>Handle <input type=\"text\" name=\"handle\" required maxlength=\"100\" placeholder=\"handle\"></label> "
        html += "<button type=\"submit\">Flag</button></fieldset></form>\n"
        html += PageHTML.roleNote(.moderator, context)
        return html + "</section>\n"
    }
}
