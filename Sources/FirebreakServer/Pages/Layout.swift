import Firebreak

/// The desk's page frame: head, header with campaign switcher, navigation and logout, and the live banner.
///
/// Nothing inline: the desk's CSP is `script-src 'self'; style-src 'self'`, so all behaviour is in
/// `/static/desk.js` and all styling in `/static/desk.css`. Pages work without the script.
public enum Layout {
    /// The navigation items of a campaign: key (matched against `PageContext.active`), label and path suffix.
    static let navigation: [(key: String, label: String, suffix: String)] = [
        ("overview", "Overview", ""), ("posts", "Posts", "/posts"), ("queue", "Queue", "/queue"),
        ("replies", "Replies", "/replies"), ("outbox", "Outbox", "/outbox"), ("alerts", "Alerts", "/alerts"),
        ("settings", "Settings", "/settings"), ("audit", "Audit", "/audit"),
    ]

    /// A complete desk page around `body` (the content of `<main>`).
    public static func page(title: String, context: PageContext, body: String, scripts: Bool = true) -> String {
        var html = head(title: title, csrf: context.csrfToken, scripts: scripts)
        var bodyAttributes = " data-page=\"\(PageHTML.esc(context.active))\""
        if let id = context.campaignID {
            // Exact (not cut) so the script opens the right event stream; escaping keeps it inside the quotes.
            bodyAttributes += " data-campaign=\"\(PageHTML.esc(id))\""
        }
        html += "<body\(bodyAttributes)>\n"
        html += "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
        html += header(context)
        html += "<div id=\"live-banner\" class=\"banner live\" role=\"status\" aria-live=\"polite\" hidden></div>\n"
        html += "<main id=\"main\">\n\(body)\n</main>\n"
        html += "<footer class=\"foot\">Firebreak desk · times are UTC</footer>\n"
        html += "</body>\n</html>\n"
        return html
    }

    /// The document head shared by desk pages.
    static func head(title: String, csrf: String?, scripts: Bool, stylesheet: String = "/static/desk.css", extra: String = "") -> String {
        var html = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"referrer\" content=\"same-origin\">\n"
        if let csrf { html += "<meta name=\"csrf-token\" content=\"\(PageHTML.esc(csrf))\">\n" }
        html += "<title>\(PageHTML.attr(title, .line)) · Firebreak</title>\n"
        html += "<link rel=\"stylesheet\" href=\"\(PageHTML.esc(stylesheet))\">\n"
        if scripts { html += "<script src=\"/static/desk.js\" defer></script>\n" }
        html += extra
        html += "</head>\n"
        return html
    }

    private static func header(_ context: PageContext) -> String {
        var html = "<header class=\"top\">\n<a class=\"brand\" href=\"/\">Firebreak</a>\n"
        html += switcher(context)
        if let id = context.campaignID {
            let base = PageHTML.campaignPath(id)
            html += "<nav class=\"nav\" aria-label=\"Campaign\">\n"
            for item in navigation {
                let current = item.key == context.active
                html += "<a href=\"\(PageHTML.esc(base + item.suffix))\"\(current ? " class=\"active\" aria-current=\"page\"" : "")>\(item.label)</a>\n"
            }
            html += "<a href=\"/gallery/\(PageHTML.esc(PageHTML.component(id)))\" class=\"public\">Gallery (public)</a>\n"
            html += "</nav>\n"
        } else {
            html += "<nav class=\"nav\" aria-label=\"Desk\"><a href=\"/\"\(context.active == "campaigns" ? " class=\"active\" aria-current=\"page\"" : "")>Campaigns</a></nav>\n"
        }
        html += "<div class=\"who\"><span class=\"user\">\(PageHTML.text(context.user, .name))</span> "
        html += "<span class=\"role role-\(context.role.rawValue)\">\(context.role.rawValue)</span>\n"
        html += "<form method=\"post\" action=\"/logout\" class=\"logout\">\(PageHTML.csrfField(context.csrfToken))"
        html += "<button type=\"submit\">Log out</button></form></div>\n"
        html += "</header>\n"
        return html
    }

    /// A disclosure of links rather than a select: it works without the script and needs no extra route.
    private static func switcher(_ context: PageContext) -> String {
        guard !context.campaigns.isEmpty else { return "" }
        let current = context.campaignName.map { PageHTML.text($0, .name) } ?? "All campaigns"
        var html = "<details class=\"switcher\"><summary>\(current)</summary>\n<ul>\n"
        html += "<li><a href=\"/\">All campaigns</a></li>\n"
        for campaign in context.campaigns {
            let mark = campaign.id == context.campaignID ? " aria-current=\"true\"" : ""
            html += "<li><a href=\"\(PageHTML.esc(PageHTML.campaignPath(campaign.id)))\"\(mark)>\(PageHTML.text(campaign.name, .name))</a></li>\n"
        }
        return html + "</ul>\n</details>\n"
    }
}
