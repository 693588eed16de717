import Firebreak
import FirebreakStore

/// `GET /gallery/{id}` and `/gallery/{id}/embed`: the public featured gallery. No login, no navigation, no script.
public enum GalleryPage {
    /// The gallery of `posts` (already approved and featured); `frozen` shows the pause notice, `embed` the compact
    /// variant for an iframe (no header, links open outside the frame).
    public static func render(campaignID: String, campaign: Campaign, posts: [StoredPost], frozen: Bool, embed: Bool = false) -> String {
        let base = "/gallery/" + PageHTML.component(campaignID)
        var extra = "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"\(PageHTML.esc(base))/feed.rss\">\n"
        extra += "<link rel=\"alternate\" type=\"application/feed+json\" title=\"JSON Feed\" href=\"\(PageHTML.esc(base))/feed.json\">\n"
        // In a frame, a click should never navigate the host page's frame.
        if embed { extra += "<base target=\"_blank\">\n" }
        var html = Layout.head(title: campaign.name, csrf: nil, scripts: false, stylesheet: "/static/gallery.css", extra: extra)
        html += "<body class=\"gallery\(embed ? " embed" : "")\">\n"
        if !embed {
            html += "<header class=\"g-head\"><h1>\(PageHTML.text(campaign.name, .name))</h1>\n"
            if let brief = campaign.brief { html += "<p class=\"brief\">\(PageHTML.text(brief, .text))</p>\n" }
            html += "<p class=\"tags\">\(campaign.hashtags.map { PageHTML.text($0, .name) }.joined(separator: " "))</p></header>\n"
        }
        if frozen { html += "<p class=\"paused\" role=\"status\">The gallery is paused.</p>\n" }
        html += "<main id=\"main\">\n"
        if posts.isEmpty {
            html += "<p class=\"empty\">Nothing featured yet.</p>\n"
        } else {
            html += "<ul class=\"grid\">\n" + posts.map(item).joined() + "</ul>\n"
        }
        html += "</main>\n<footer class=\"g-foot\">"
        if embed {
            html += "<a href=\"\(PageHTML.esc(base))\">\(PageHTML.text(campaign.name, .name)) gallery</a>"
        } else {
            html += "<a href=\"\(PageHTML.esc(base))/feed.rss\">RSS</a> · <a href=\"\(PageHTML.esc(base))/feed.json\">JSON Feed</a> · "
            html += "<a href=\"\(PageHTML.esc(base))/embed\">Embed</a>"
        }
        html += "</footer>\n</body>\n</html>\n"
        return html
    }

    private static func item(_ stored: StoredPost) -> String {
        let post = stored.post
        var html = "<li class=\"g-item\"><figure>"
        if let media = post.media.first(where: { $0.url.flatMap(PageHTML.httpsURL) != nil }), let url = media.url.flatMap(PageHTML.httpsURL) {
            html += "<img src=\"\(PageHTML.esc(url))\" alt=\"\(PageHTML.attr(media.altText ?? "", .text))\" loading=\"lazy\" referrerpolicy=\"no-referrer\">"
        }
        html += "<figcaption><p class=\"text\">\(PageHTML.text(post.text, .text))</p>"
        html += "<p class=\"by\"><span class=\"handle\">@\(PageHTML.text(post.author.handle, .name))</span> · "
        if let link = PostPermalink.url(for: post) {
            html += "<a href=\"\(PageHTML.esc(link))\" rel=\"noopener noreferrer nofollow ugc\" target=\"_blank\">\(PageHTML.time(post.createdAt))</a>"
        } else {
            html += PageHTML.time(post.createdAt)
        }
        return html + "</p></figcaption></figure></li>\n"
    }
}
