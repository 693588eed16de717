import FirebreakStore

/// `GET /campaigns/{id}/audit`: who did what, when, newest first.
public enum AuditPage {
    /// The audit log page; `olderCursor` is the `before=` value for the next page, if any.
    public static func render(context: PageContext, campaignID: String, entries: [AuditEntry], olderCursor: String? = nil) -> String {
        var html = "<h1>Audit log</h1>\n"
        if entries.isEmpty {
            html += "<p class=\"empty\">Nothing recorded yet.</p>\n"
        } else {
            html += "<table class=\"audit\"><thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Actor</th><th scope=\"col\">Action</th>"
            html += "<th scope=\"col\">Subject</th><th scope=\"col\">Detail</th></tr></thead><tbody>\n"
            for entry in entries {
                html += "<tr><td>\(PageHTML.time(entry.at))</td><td>\(PageHTML.text(entry.actor, .name))</td>"
                html += "<td><code>\(PageHTML.text(entry.action, .name))</code></td><td>\(PageHTML.text(entry.subject, .line))</td>"
                html += "<td class=\"detail\">\(PageHTML.text(entry.detail, .text))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        if let olderCursor {
            let href = PageHTML.campaignPath(campaignID) + "/audit" + PageHTML.query([("before", olderCursor)])
            html += "<p class=\"pager\"><a rel=\"next\" href=\"\(PageHTML.esc(href))\">Older entries</a></p>\n"
        }
        return Layout.page(title: "Audit log", context: context, body: html)
    }
}
