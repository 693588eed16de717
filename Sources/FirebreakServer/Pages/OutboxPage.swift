import Firebreak
import FirebreakStore

/// `GET /campaigns/{id}/outbox`: everything the desk sends or would send, with cancel buttons for what has not gone.
public enum OutboxPage {
    /// The outbox page; `items` newest first.
    public static func render(context: PageContext, campaignID: String, items: [OutboxItem]) -> String {
        let base = PageHTML.campaignPath(campaignID)
        let allowed = context.role.allows(.moderator)
        var html = "<h1>Outbox</h1>\n"
        html += "<p class=\"note\">Facebook photo posts and replies stay in <strong>dry run</strong> until their credentials are configured: "
        html += "the desk records what it would have sent (status <code>dry_run</code>) and sends nothing. "
        html += "Nothing leaves while the circuit breaker is tripped.</p>\n"
        html += PageHTML.roleNote(.moderator, context)
        guard !items.isEmpty else {
            return Layout.page(title: "Outbox", context: context, body: html + "<p class=\"empty\">The outbox is empty.</p>\n")
        }
        html += "<table class=\"outbox\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Kind</th><th scope=\"col\">Status</th>"
        html += "<th scope=\"col\">Created</th><th scope=\"col\">Destination</th><th scope=\"col\" class=\"num\">Attempts</th>"
        html += "<th scope=\"col\">Error</th><th scope=\"col\">Payload</th><th scope=\"col\"><span class=\"sr-only\">Actions</span></th></tr></thead><tbody>\n"
        for item in items {
            let itemID = String(item.id)
            html += "<tr id=\"outbox-\(itemID)\" data-outbox-id=\"\(itemID)\" class=\"status-\(item.status.rawValue)\">"
            html += "<td>\(itemID)</td><td>\(item.kind.rawValue)</td>"
            html += "<td><span class=\"status\" id=\"outbox-\(itemID)-status\">\(item.status.rawValue)</span>"
            if let by = item.approvedBy { html += "<br><span class=\"note\">by \(PageHTML.text(by, .name))</span>" }
            html += "</td><td>\(PageHTML.time(item.createdAt))</td>"
            // Destinations are shown, never linked: a webhook URL is not a page anyone should open from here.
            html += "<td class=\"destination\">\(item.destination.map { PageHTML.text($0, .line) } ?? "<span class=\"note\">none (dry run)</span>")</td>"
            html += "<td class=\"num\">\(item.attempts)</td><td>\(item.error.map { PageHTML.text($0, .line) } ?? "")</td>"
            html += "<td><details class=\"payload\"><summary>payload</summary><pre>\(PageHTML.text(item.payload, .text))</pre></details></td><td>"
            if item.status == .draft || item.status == .queued {
                html += "<form method=\"post\" action=\"\(PageHTML.esc(base))/outbox/\(itemID)/cancel\" class=\"inline\">"
                html += "<fieldset\(PageHTML.disabled(unless: allowed))><legend class=\"sr-only\">Cancel item \(itemID)</legend>"
                html += PageHTML.csrfField(context.csrfToken) + "<button type=\"submit\">Cancel</button></fieldset></form>"
            }
            html += "</td></tr>\n"
        }
        html += "</tbody></table>\n"
        return Layout.page(title: "Outbox", context: context, body: html)
    }
}
