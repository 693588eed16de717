import Firebreak
import FirebreakFormats
import FirebreakStore
import Foundation

/// One alert with the evidence behind it, shared by the overview and the alerts page.
enum AlertEvidenceView {
    /// Open alerts first, then acknowledged, then resolved; newest first within each.
    static func ordered(_ records: [AlertRecord]) -> [AlertRecord] {
        func rank(_ status: AlertRecord.Status) -> Int {
            switch status {
            case .open: 0
            case .acknowledged: 1
            case .resolved: 2
            }
        }
        return records.sorted {
            rank($0.status) != rank($1.status) ? rank($0.status) < rank($1.status) : $0.alert.raisedAt > $1.alert.raisedAt
        }
    }

    /// The alert as an `<article>`; `actions` adds the team's forms (acknowledge, resolve, annotate).
    static func render(_ record: AlertRecord, campaignID: String, context: PageContext, actions: Bool) -> String {
        let alert = record.alert
        var html = "<article class=\"alert-card level-\(alert.level.rawValue) status-\(record.status.rawValue)\" "
        html += "id=\"alert-\(PageHTML.esc(PageHTML.component(alert.id)))\">\n"
        html += "<h3><span class=\"alert-id\">\(PageHTML.text(alert.id, .name))</span> "
        html += "<span class=\"level level-\(alert.level.rawValue)\">\(alert.level.rawValue)</span> "
        html += "<span class=\"kind\">\(alert.kind.rawValue)</span> "
        html += "<span class=\"alert-status status-\(record.status.rawValue)\">\(record.status.rawValue)</span></h3>\n"
        html += "<p class=\"summary\">\(PageHTML.text(alert.summary, .text))</p>\n"
        html += "<dl class=\"facts\"><dt>Raised</dt><dd>\(PageHTML.time(alert.raisedAt))</dd>"
        html += "<dt>Onset (estimate)</dt><dd>\(PageHTML.time(alert.onsetEstimate))</dd>"
        if let by = record.acknowledgedBy { html += "<dt>Acknowledged by</dt><dd>\(PageHTML.text(by, .name))</dd>" }
        if let by = record.resolvedBy { html += "<dt>Resolved by</dt><dd>\(PageHTML.text(by, .name))</dd>" }
        html += "</dl>\n"

        if !alert.figures.isEmpty {
            html += "<table class=\"figures\"><caption>Figures</caption><tbody>"
            for (name, value) in alert.figures.sorted(by: { $0.key < $1.key }) {
                html += "<tr><th scope=\"row\">\(PageHTML.text(name, .name))</th><td class=\"num\">\(PageHTML.decimal(value, places: 3))</td></tr>"
            }
            html += "</tbody></table>\n"
        }
        html += list("Themes", alert.themes, limit: .name, className: "terms")
        html += list("Accounts", alert.accounts, limit: .name, className: "accounts")
        html += list("Example posts", alert.examplePostIDs, limit: .name, className: "examples")
        html += list("Recommended actions", alert.recommendedActions, limit: .line, className: "actions")
        if !alert.clusters.isEmpty {
            html += "<h4>Coordinated accounts</h4>" + ClusterTable.render(alert.clusters)
        }
        if !record.notes.isEmpty {
            html += "<h4>Notes</h4><ol class=\"notes\">"
            for note in record.notes {
                html += "<li><span class=\"note-author\">\(PageHTML.text(note.author, .name))</span>, \(PageHTML.time(note.at)): "
                html += "<span class=\"note-text\">\(PageHTML.text(note.text, .text))</span></li>"
            }
            html += "</ol>\n"
        }
        if actions { html += forms(record, campaignID: campaignID, context: context) }
        return html + "</article>\n"
    }

    private static func list(_ title: String, _ items: [String], limit: TextLimit, className: String) -> String {
        guard !items.isEmpty else { return "" }
        var html = "<h4>\(title)</h4><ul class=\"\(className)\">"
        for item in items.prefix(50) { html += "<li>\(PageHTML.text(item, limit))</li>" }
        return html + "</ul>\n"
    }

    private static func forms(_ record: AlertRecord, campaignID: String, context: PageContext) -> String {
        let allowed = context.role.allows(.moderator)
        let base = PageHTML.campaignPath(campaignID) + "/alerts/" + PageHTML.component(record.alert.id)
        let csrf = PageHTML.csrfField(context.csrfToken)
        var html = "<div class=\"alert-actions\">"
        html += "<fieldset\(PageHTML.disabled(unless: allowed))><legend class=\"sr-only\">Handle this alert</legend>"
        if record.status == .open {
            html += "<form method=\"post\" action=\"\(PageHTML.esc(base + "/acknowledge"))\" class=\"inline\">\(csrf)"
            html += "<button type=\"submit\">Acknowledge</button></form>"
        }
        if record.status != .resolved {
            html += "<form method=\"post\" action=\"\(PageHTML.esc(base + "/resolve"))\" class=\"inline\">\(csrf)"
            html += "<button type=\"submit\">Resolve</button></form>"
        }
        html += "<form method=\"post\" action=\"\(PageHTML.esc(base + "/annotate"))\" class=\"annotate\">\(csrf)"
        html += "<label>Note <textarea name=\"text\" rows=\"2\" maxlength=\"2000\" required></textarea></label>"
        html += "<button type=\"submit\">Add note</button></form>"
        html += "</fieldset>"
        html += PageHTML.roleNote(.moderator, context)
        return html + "</div>\n"
    }
}

/// Coordination clusters as a table: kind, accounts, posts, span and what was shared.
enum ClusterTable {
    /// The table, or a short note when there are no clusters.
    static func render(_ clusters: [CoordinationCluster]) -> String {
        guard !clusters.isEmpty else { return "<p class=\"empty\">No coordinated accounts found.</p>\n" }
        var html = "<table class=\"clusters\"><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Accounts</th>"
        html += "<th scope=\"col\" class=\"num\">Posts</th><th scope=\"col\" class=\"num\">Within</th><th scope=\"col\">Shared</th></tr></thead><tbody>\n"
        for cluster in clusters.prefix(50) {
            let accounts = cluster.accounts.prefix(20).map { PageHTML.text($0, .name) }.joined(separator: ", ")
            let more = cluster.accounts.count > 20 ? " and \(cluster.accounts.count - 20) more" : ""
            html += "<tr><td>\(PageHTML.text(cluster.kind, .name))</td><td>\(accounts)\(more)</td>"
            html += "<td class=\"num\">\(PageHTML.count(cluster.posts))</td><td class=\"num\">\(duration(cluster.windowSeconds))</td>"
            html += "<td class=\"shared\">\(PageHTML.text(cluster.shared, .line))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// `45 s`, `12 min`, `3.5 h`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 120 { return "\(Int(seconds.rounded())) s" }
        if seconds < 7200 { return "\(Int((seconds / 60).rounded())) min" }
        return "\(PageHTML.decimal(seconds / 3600, places: 1)) h"
    }
}
