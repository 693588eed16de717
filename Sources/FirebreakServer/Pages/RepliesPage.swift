import Firebreak
import FirebreakStore
import Foundation

/// `GET /campaigns/{id}/replies`: thank-you drafts waiting for a person, queued replies, and the reply policy.
public enum RepliesPage {
    /// A reply's payload as the outbox stores it (`{"in_reply_to","platform","handle","text"}`).
    private struct Reply: Decodable {
        var inReplyTo: String
        var platform: String
        var handle: String
        var text: String
    }

    private static func decode(_ payload: String) -> Reply? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(Reply.self, from: Data(payload.utf8))
    }

    /// The replies page; `items` may hold any outbox items (only replies are shown), `sentLastHour` feeds the rate line.
    public static func render(
        context: PageContext, campaignID: String, items: [OutboxItem], policy: DeskPolicy, breaker: CircuitBreaker, sentLastHour: Int? = nil
    ) -> String {
        let replies = items.filter { $0.kind == .reply }
        var html = "<h1>Replies</h1>\n"
        if breaker.repliesPaused {
            html += "<p class=\"banner paused\" role=\"note\">Replies are paused: the circuit breaker is tripped. Approved replies wait in the queue "
            html += "until a person re-arms or overrides it.</p>\n"
        }
        html += "<section class=\"panel policy\"><h2>Reply policy</h2><ul>"
        html += "<li>At most \(PageHTML.count(policy.repliesPerHour)) replies in any hour"
        if let sentLastHour { html += " (\(PageHTML.count(sentLastHour)) sent in the last hour)" }
        html += ".</li>"
        html += "<li>Automatic replies: \(policy.autoReply ? "on (while the breaker is armed)" : "off: every reply needs a person's approval").</li>"
        html += "<li>Drafted only for original posts and replies (not reposts) with a photo, p_supportive ≥ "
        html += "\(PageHTML.decimal(policy.replyMinSupportive)), irony ≤ \(PageHTML.decimal(policy.maxIrony)), offensive ≤ "
        html += "\(PageHTML.decimal(policy.maxOffensive)), from authors nobody flagged, never to the campaign's owner.</li>"
        html += "<li>Template: <q>\(PageHTML.text(policy.replyTemplate, .line))</q></li></ul></section>\n"

        let drafts = replies.filter { $0.status == .draft }
        let queued = replies.filter { $0.status == .queued }
        let others = replies.filter { $0.status != .draft && $0.status != .queued }.sorted { $0.updatedAt > $1.updatedAt }
        html += "<section class=\"panel\"><h2>Drafts <span class=\"count\">\(drafts.count)</span></h2>\n"
        html += PageHTML.roleNote(.moderator, context)
        html += drafts.isEmpty ? "<p class=\"empty\">No drafts.</p>\n" : drafts.map { card($0, campaignID: campaignID, context: context) }.joined()
        html += "</section>\n"
        html += "<section class=\"panel\"><h2>Queued <span class=\"count\">\(queued.count)</span></h2>\n"
        html += queued.isEmpty ? "<p class=\"empty\">Nothing queued.</p>\n" : queued.map { card($0, campaignID: campaignID, context: context) }.joined()
        html += "</section>\n"
        if !others.isEmpty {
            html += "<section class=\"panel\"><h2>Recent</h2>\n"
            html += others.prefix(20).map { card($0, campaignID: campaignID, context: context) }.joined()
            html += "</section>\n"
        }
        return Layout.page(title: "Replies", context: context, body: html)
    }

    private static func card(_ item: OutboxItem, campaignID: String, context: PageContext) -> String {
        let allowed = context.role.allows(.moderator)
        let base = PageHTML.campaignPath(campaignID)
        let itemID = String(item.id)
        var html = "<article class=\"reply-card status-\(item.status.rawValue)\" id=\"outbox-\(itemID)\" data-outbox-id=\"\(itemID)\">\n"
        html += "<p class=\"meta\">#\(itemID) · <span class=\"status\" id=\"outbox-\(itemID)-status\">\(item.status.rawValue)</span> · "
        html += "created \(PageHTML.time(item.createdAt))"
        if let by = item.approvedBy { html += " · approved by \(PageHTML.text(by, .name))" }
        if item.attempts > 0 { html += " · \(item.attempts) attempts" }
        html += "</p>\n"
        if let error = item.error { html += "<p class=\"error\">\(PageHTML.text(error, .line))</p>\n" }
        let reply = decode(item.payload)
        if let reply {
            html += "<p>In reply to <span class=\"handle\">@\(PageHTML.text(reply.handle, .name))</span> "
            html += "(\(PageHTML.text(reply.platform, .name)) post \(PageHTML.text(reply.inReplyTo, .name)))</p>\n"
        } else {
            html += "<p class=\"note\">The payload could not be read as a reply; shown as stored:</p><pre>\(PageHTML.text(item.payload, .text))</pre>\n"
        }
        if item.status == .draft, let reply {
            html += "<form method=\"post\" action=\"\(PageHTML.esc(base))/replies/\(itemID)/approve\" class=\"reply-approve\">"
            html += "<fieldset\(PageHTML.disabled(unless: allowed))><legend class=\"sr-only\">Approve reply \(itemID)</legend>"
            html += PageHTML.csrfField(context.csrfToken)
            // A textarea holds text only (no `<bdi>`), so the attribute form: escaped, with any bidi control shown as
            // `[U+202E]` — what the moderator sees is what goes out under the owner's name. 280 fits the `.text` limit.
            html += "<label>Reply text <textarea name=\"text\" rows=\"3\" maxlength=\"280\" required>\(PageHTML.attr(reply.text, .text))</textarea></label>"
            html += "<button type=\"submit\">Approve and queue</button></fieldset></form>\n"
        } else if let reply {
            html += "<blockquote class=\"reply-text\">\(PageHTML.text(reply.text, .text))</blockquote>\n"
        }
        if item.status == .draft || item.status == .queued {
            html += "<form method=\"post\" action=\"\(PageHTML.esc(base))/outbox/\(itemID)/cancel\" class=\"inline cancel\">"
            html += "<fieldset\(PageHTML.disabled(unless: allowed))><legend class=\"sr-only\">Cancel reply \(itemID)</legend>"
            html += PageHTML.csrfField(context.csrfToken) + "<button type=\"submit\">Cancel</button></fieldset></form>\n"
        }
        return html + "</article>\n"
    }
}
