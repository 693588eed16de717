import Firebreak
import FirebreakStore

/// A post in the moderation queue with what the desk wants the moderator to notice.
public struct QueueEntry: Sendable, Hashable {
    /// The post.
    public var post: StoredPost
    /// Reasons to look twice (flagged author, coordinated, offensive, sarcastic, ...).
    public var warnings: [String]
    /// Why no thank-you reply would be drafted for it.
    public var replyBlockers: [String]

    /// Creates an entry.
    public init(post: StoredPost, warnings: [String] = [], replyBlockers: [String] = []) {
        self.post = post
        self.warnings = warnings
        self.replyBlockers = replyBlockers
    }
}

/// `GET /campaigns/{id}/queue?status=...`: tabs per moderation status and one bulk form over the cards.
public enum QueuePage {
    /// The tabs, in the order a moderator works through them.
    static let tabs: [ModerationStatus] = [.pending, .held, .approved, .rejected]

    /// The queue for `status`; `counts` fills the tab labels, `olderCursor` is the `before=` value for the next page.
    public static func render(
        context: PageContext, campaignID: String, status: ModerationStatus, counts: [ModerationStatus: Int], entries: [QueueEntry],
        galleryFrozen: Bool, olderCursor: String? = nil, flagged: [String] = []
    ) -> String {
        let base = PageHTML.campaignPath(campaignID)
        let allowed = context.role.allows(.moderator)
        var html = "<h1>Moderation queue</h1>\n<nav class=\"tabs\" aria-label=\"Queue status\">"
        for tab in tabs {
            let current = tab == status ? " class=\"active\" aria-current=\"page\"" : ""
            html += "<a href=\"\(PageHTML.esc(base))/queue?status=\(tab.rawValue)\"\(current)>\(tab.rawValue) "
            html += "<span class=\"count\" id=\"queue-count-\(tab.rawValue)\">\(PageHTML.count(counts[tab] ?? 0))</span></a>"
        }
        html += "</nav>\n"
        if galleryFrozen {
            html += "<p class=\"banner frozen\" role=\"note\">Approved posts wait: the gallery is frozen (the circuit breaker is tripped).</p>\n"
        }
        html += help()
        html += "<form method=\"post\" action=\"\(PageHTML.esc(base))/moderation\" id=\"queue-form\" class=\"queue\">\n"
        html += PageHTML.csrfField(context.csrfToken)
        html += "<input type=\"hidden\" name=\"tab\" value=\"\(status.rawValue)\">\n"
        html += "<fieldset class=\"toolbar\"\(PageHTML.disabled(unless: allowed))><legend class=\"sr-only\">Moderate the selected posts</legend>"
        html += "<button type=\"submit\" name=\"status\" value=\"approved\" class=\"approve\">Approve (a)</button> "
        html += "<button type=\"submit\" name=\"status\" value=\"rejected\" class=\"reject\">Reject (r)</button> "
        html += "<button type=\"submit\" name=\"status\" value=\"held\" class=\"hold\">Hold (h)</button>"
        html += "</fieldset>\n"
        html += PageHTML.roleNote(.moderator, context)
        let flaggedSet = Set(flagged.map(OverviewPage.normalised))
        if entries.isEmpty {
            html += "<p class=\"empty\">Nothing \(status.rawValue).</p>\n"
        } else {
            html += "<div class=\"cards\" id=\"queue-cards\">\n"
            for entry in entries {
                html += PostCard.render(
                    entry.post, selectable: allowed, warnings: entry.warnings, replyBlockers: entry.replyBlockers,
                    flagged: flaggedSet.contains(OverviewPage.normalised(entry.post.post.author.handle)))
            }
            html += "</div>\n"
        }
        html += "</form>\n"
        if let olderCursor {
            let href = base + "/queue" + PageHTML.query([("status", status.rawValue), ("before", olderCursor)])
            html += "<p class=\"pager\"><a rel=\"next\" href=\"\(PageHTML.esc(href))\">Older posts</a></p>\n"
        }
        return Layout.page(title: "Queue", context: context, body: html)
    }

    /// The shortcuts `desk.js` handles, shown on the page so nobody has to guess them.
    static func help() -> String {
        """
        <details id="keyboard-help" class="help"><summary>Keyboard shortcuts (?)</summary>
        <dl class="keys">
        <dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>next / previous post</dd>
        <dt><kbd>x</kbd></dt><dd>select or unselect the focused post</dd>
        <dt><kbd>a</kbd></dt><dd>approve the selected posts (or the focused one)</dd>
        <dt><kbd>r</kbd></dt><dd>reject the selected posts (or the focused one)</dd>
        <dt><kbd>h</kbd></dt><dd>hold the selected posts (or the focused one)</dd>
        <dt><kbd>?</kbd></dt><dd>show or hide this help</dd>
        </dl>
        <p class="note">Shortcuts need the desk script; without it, tick the boxes and use the buttons.</p>
        </details>

        """
    }
}
