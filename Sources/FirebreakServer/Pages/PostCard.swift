import Firebreak
import FirebreakFormats
import FirebreakStore

/// One post as the posts list and the moderation queue show it: who, when, what, what Firebreak made of it, and why.
enum PostCard {
    /// The card; `selectable` adds the queue's checkbox (`name="keys"`), which belongs to the enclosing form.
    static func render(
        _ stored: StoredPost, selectable: Bool = false, warnings: [String] = [], replyBlockers: [String] = [], flagged: Bool = false
    ) -> String {
        let post = stored.post
        let assessment = stored.assessment
        let key = post.key.description
        var classes = "card post stance-\(assessment.stance.rawValue)"
        if assessment.isSarcastic { classes += " sarcastic" }
        var html = "<article class=\"\(classes)\" tabindex=\"0\" data-key=\"\(PageHTML.esc(key))\" "
        html += "aria-label=\"Post by @\(PageHTML.attr(post.author.handle, .name))\">\n"

        html += "<div class=\"card-head\">"
        if selectable {
            html += "<label class=\"pick\"><input type=\"checkbox\" name=\"keys\" value=\"\(PageHTML.esc(key))\">"
            html += "<span class=\"sr-only\">Select this post</span></label>"
        }
        html += "<span class=\"author\">"
        if let name = post.author.displayName, !name.isEmpty {
            html += "<span class=\"display-name\">\(PageHTML.text(name, .name))</span> "
        }
        html += "<span class=\"handle\">@\(PageHTML.text(post.author.handle, .name))</span></span>"
        if flagged { html += " <span class=\"tag flagged\">flagged</span>" }
        html += " <span class=\"meta\">\(post.platform.rawValue) · \(post.kind.rawValue) · "
        if let url = PostPermalink.url(for: post) {
            html += "<a href=\"\(PageHTML.esc(url))\" rel=\"noopener noreferrer nofollow ugc\" target=\"_blank\">\(PageHTML.time(post.createdAt))</a>"
        } else {
            html += PageHTML.time(post.createdAt)
        }
        html += "</span></div>\n"

        html += "<p class=\"text\">\(PageHTML.text(post.text, .text))</p>\n"
        if let carried = post.carried.first {
            html += "<blockquote class=\"carried\"><span class=\"handle\">@\(PageHTML.text(carried.author.handle, .name))</span>: "
            html += "\(PageHTML.text(carried.text, .line))</blockquote>\n"
        }
        if !post.links.isEmpty {
            html += "<ul class=\"links\">" + post.links.prefix(8).map { "<li>\(PageHTML.externalLink($0))</li>" }.joined() + "</ul>\n"
        }
        if !post.media.isEmpty {
            html += "<div class=\"media\">" + post.media.prefix(4).map(mediaItem).joined() + "</div>\n"
        }

        html += "<div class=\"scores\">\(PageHTML.stanceBadge(assessment.stance)) "
        html += "<span class=\"score\">p_critical \(PageHTML.decimal(assessment.pCritical))</span> "
        html += "<span class=\"score\">p_supportive \(PageHTML.decimal(assessment.pSupportive))</span> "
        html += "<span class=\"score\">irony \(PageHTML.decimal(assessment.irony))</span> "
        html += "<span class=\"score\">offensive \(PageHTML.decimal(assessment.offensive))</span> "
        if assessment.isSarcastic { html += "<span class=\"tag sarcastic\">sarcastic</span> " }
        if assessment.isOffensive { html += "<span class=\"tag offensive\">offensive</span> " }
        html += "<span class=\"moderation moderation-\(stored.moderation.rawValue)\">\(stored.moderation.rawValue)"
        if let by = stored.moderatedBy { html += " by \(PageHTML.text(by, .name))" }
        html += "</span>"
        if stored.featuredAt != nil { html += " <span class=\"tag featured\">featured</span>" }
        html += "</div>\n"

        if !warnings.isEmpty {
            html += "<ul class=\"warnings\">" + warnings.map { "<li>\(PageHTML.text($0, .line))</li>" }.joined() + "</ul>\n"
        }
        if !replyBlockers.isEmpty {
            html += "<ul class=\"blockers\" aria-label=\"Why no thank-you reply\">"
            html += replyBlockers.map { "<li>No reply: \(PageHTML.text($0, .line))</li>" }.joined() + "</ul>\n"
        }
        html += why(assessment)
        html += "</article>\n"
        return html
    }

    /// The assessment's reasons as a table inside a disclosure: the features that pushed each score.
    static func why(_ assessment: Assessment) -> String {
        var html = "<details class=\"why\"><summary>Why</summary>\n"
        guard !assessment.reasons.isEmpty else {
            return html + "<p class=\"note\">No reasons were recorded for this assessment.</p></details>\n"
        }
        html += "<table class=\"reasons\"><thead><tr><th scope=\"col\">Head</th><th scope=\"col\">Feature</th>"
        html += "<th scope=\"col\" class=\"num\">Weight</th></tr></thead><tbody>\n"
        for reason in assessment.reasons.prefix(30) {
            let direction = reason.weight >= 0 ? "pos" : "neg"
            html += "<tr><td>\(PageHTML.text(reason.head, .name))</td><td>\(PageHTML.text(reason.feature, .line))</td>"
            html += "<td class=\"num weight-\(direction)\">\(PageHTML.decimal(reason.weight, places: 3))</td></tr>\n"
        }
        return html + "</tbody></table></details>\n"
    }

    /// A thumbnail: only an `https` URL becomes an image, never sending a referrer; anything else is named in text.
    static func mediaItem(_ media: Media) -> String {
        let alt = media.altText ?? ""
        var html = "<figure class=\"thumb thumb-\(media.kind.rawValue)\">"
        if let raw = media.url, let url = PageHTML.httpsURL(raw) {
            html += "<img src=\"\(PageHTML.esc(url))\" alt=\"\(PageHTML.attr(alt, .text))\" loading=\"lazy\" referrerpolicy=\"no-referrer\">"
        } else {
            html += "<span class=\"no-preview\">\(media.kind.rawValue): no https preview</span>"
        }
        if media.kind != .photo { html += "<span class=\"kind\">\(media.kind.rawValue)</span>" }
        if !alt.isEmpty { html += "<figcaption>\(PageHTML.text(alt, .line))</figcaption>" }
        return html + "</figure>"
    }
}
