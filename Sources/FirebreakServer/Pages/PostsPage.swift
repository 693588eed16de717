import Firebreak
import FirebreakStore

/// The posts list's filter as the reader typed it, echoed back into the form (raw query values, not parsed).
public struct PostsPageFilter: Sendable, Hashable {
    /// `supportive`, `neutral`, `critical`, or nil/empty for any.
    public var stance: String?
    /// `yes`, `no`, or nil/empty for any.
    public var sarcastic: String?
    /// `yes`, `no`, or nil/empty for any.
    public var media: String?
    /// An author handle.
    public var author: String?
    /// A `datetime-local` value (UTC).
    public var since: String?
    /// A `datetime-local` value (UTC).
    public var until: String?
    /// Text the post contains.
    public var q: String?

    /// Creates a filter; all nil means every post.
    public init(
        stance: String? = nil, sarcastic: String? = nil, media: String? = nil, author: String? = nil, since: String? = nil,
        until: String? = nil, q: String? = nil
    ) {
        self.stance = stance
        self.sarcastic = sarcastic
        self.media = media
        self.author = author
        self.since = since
        self.until = until
        self.q = q
    }

    /// The filter as query pairs, so "Older posts" keeps it.
    var pairs: [(String, String?)] {
        [("stance", stance), ("sarcastic", sarcastic), ("media", media), ("author", author), ("since", since), ("until", until), ("q", q)]
    }
}

/// `GET /campaigns/{id}/posts`: a filter form, the matching posts newest first, and a link to older ones.
public enum PostsPage {
    /// The posts page; `olderCursor` is the `before=` value for the next page (nil when there are no more posts).
    public static func render(
        context: PageContext, campaignID: String, posts: [StoredPost], filter: PostsPageFilter = PostsPageFilter(), olderCursor: String? = nil,
        flagged: [String] = []
    ) -> String {
        let base = PageHTML.campaignPath(campaignID)
        var html = "<h1>Posts</h1>\n"
        html += form(action: base + "/posts", filter: filter)
        html += "<p id=\"new-posts\" class=\"banner new-posts\" hidden><span id=\"new-posts-text\"></span> "
        html += "<a href=\"\(PageHTML.esc(base + "/posts" + PageHTML.query(filter.pairs)))\">reload</a></p>\n"
        let flaggedSet = Set(flagged.map(OverviewPage.normalised))
        if posts.isEmpty {
            html += "<p class=\"empty\">No posts match.</p>\n"
        } else {
            html += "<div class=\"cards\" id=\"posts\">\n"
            for stored in posts {
                html += PostCard.render(stored, flagged: flaggedSet.contains(OverviewPage.normalised(stored.post.author.handle)))
            }
            html += "</div>\n"
        }
        if let olderCursor {
            let href = base + "/posts" + PageHTML.query(filter.pairs + [("before", olderCursor)])
            html += "<p class=\"pager\"><a rel=\"next\" href=\"\(PageHTML.esc(href))\">Older posts</a></p>\n"
        }
        return Layout.page(title: "Posts", context: context, body: html)
    }

    private static func form(action: String, filter: PostsPageFilter) -> String {
        var html = "<form method=\"get\" action=\"\(PageHTML.esc(action))\" class=\"filters\" role=\"search\">\n"
        html += select("stance", "Stance", [("", "any"), ("supportive", "supportive"), ("neutral", "neutral"), ("critical", "critical")], filter.stance)
        html += select("sarcastic", "Sarcastic", [("", "any"), ("yes", "yes"), ("no", "no")], filter.sarcastic)
        html += select("media", "Media", [("", "any"), ("yes", "yes"), ("no", "no")], filter.media)
        html += input("author", "Author", type: "text", filter.author, extra: " placeholder=\"handle\" maxlength=\"100\"")
        html += input("since", "Since (UTC)", type: "datetime-local", filter.since)
        html += input("until", "Until (UTC)", type: "datetime-local", filter.until)
        html += input("q", "Text", type: "search", filter.q, extra: " maxlength=\"200\"")
        html += "<button type=\"submit\">Filter</button> <a href=\"\(PageHTML.esc(action))\">Clear</a>\n</form>\n"
        return html
    }

    private static func select(_ name: String, _ label: String, _ options: [(String, String)], _ current: String?) -> String {
        var html = "<label>\(label) <select name=\"\(name)\">"
        for (value, text) in options {
            let selected = (current ?? "") == value ? " selected" : ""
            html += "<option value=\"\(value)\"\(selected)>\(text)</option>"
        }
        return html + "</select></label>\n"
    }

    private static func input(_ name: String, _ label: String, type: String, _ value: String?, extra: String = "") -> String {
        "<label>\(label) <input type=\"\(type)\" name=\"\(name)\" value=\"\(PageHTML.attr(value ?? "", .line))\"\(extra)></label>\n"
    }
}
