import Firebreak
import FirebreakStore
import Foundation

/// The featured gallery as RSS 2.0 and JSON Feed 1.1, for readers and for the owner's other channels.
///
/// Feeds are built from the posts passed in (featured, newest first) and carry no wall-clock time, so the same
/// gallery always gives the same bytes.
public enum GalleryFeeds {
    /// RSS 2.0; `baseURL` is the desk's public origin (`https://desk.example.org`).
    public static func rss(campaignID: String, campaign: Campaign, baseURL: String, posts: [StoredPost]) -> String {
        let links = Links(campaignID: campaignID, baseURL: baseURL)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
        xml += "<title>\(FeedText.xml(campaign.name, limit: 200))</title>\n"
        xml += "<link>\(FeedText.xml(links.home))</link>\n"
        xml += "<description>\(FeedText.xml(campaign.brief ?? "Featured posts from \(campaign.name)"))</description>\n"
        xml += "<atom:link href=\"\(FeedText.xml(links.rss))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        xml += "<generator>Firebreak</generator>\n"
        if let latest = posts.map({ $0.featuredAt ?? $0.post.createdAt }).max() {
            xml += "<lastBuildDate>\(rfc822(latest))</lastBuildDate>\n"
        }
        for stored in posts {
            let post = stored.post
            xml += "<item>\n"
            xml += "<title>\(FeedText.xml("@\(post.author.handle): \(post.text)", limit: 100))</title>\n"
            if let link = PostPermalink.url(for: post) { xml += "<link>\(FeedText.xml(link))</link>\n" }
            xml += "<guid isPermaLink=\"false\">\(FeedText.xml(post.key.description, limit: 300))</guid>\n"
            xml += "<pubDate>\(rfc822(post.createdAt))</pubDate>\n"
            xml += "<dc:creator>@\(FeedText.xml(post.author.handle, limit: 100))</dc:creator>\n"
            xml += "<description>\(FeedText.xml(post.text))</description>\n"
            if let image = image(post) {
                // Length is unknown without fetching the image, which the desk never does; 0 is the usual convention.
                xml += "<enclosure url=\"\(FeedText.xml(image))\" length=\"0\" type=\"\(mimeType(image))\"/>\n"
            }
            xml += "</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    /// JSON Feed 1.1.
    public static func jsonFeed(campaignID: String, campaign: Campaign, baseURL: String, posts: [StoredPost]) -> String {
        let links = Links(campaignID: campaignID, baseURL: baseURL)
        let feed = JSONFeed(
            version: "https://jsonfeed.org/version/1.1", title: FeedText.clean(campaign.name, limit: 200), homePageURL: links.home,
            feedURL: links.json, description: campaign.brief.map { FeedText.clean($0) },
            items: posts.map { stored in
                let post = stored.post
                return JSONFeed.Item(
                    id: post.key.description, url: PostPermalink.url(for: post), contentText: FeedText.clean(post.text),
                    datePublished: PageHTML.rfc3339(post.createdAt), image: image(post),
                    authors: [JSONFeed.Author(name: "@" + FeedText.clean(post.author.handle, limit: 100))])
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(feed) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The feed's own URLs under the desk's public origin.
    private struct Links {
        var home: String
        var rss: String
        var json: String

        init(campaignID: String, baseURL: String) {
            var origin = baseURL
            while origin.hasSuffix("/") { origin.removeLast() }
            home = origin + "/gallery/" + PageHTML.component(campaignID)
            rss = home + "/feed.rss"
            json = home + "/feed.json"
        }
    }

    private struct JSONFeed: Encodable {
        struct Author: Encodable {
            var name: String
        }

        struct Item: Encodable {
            var id: String
            var url: String?
            var contentText: String
            var datePublished: String
            var image: String?
            var authors: [Author]

            enum CodingKeys: String, CodingKey {
                case id, url, image, authors
                case contentText = "content_text"
                case datePublished = "date_published"
            }
        }

        var version: String
        var title: String
        var homePageURL: String
        var feedURL: String
        var description: String?
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    /// The first photo with an `https` URL: feeds are read everywhere and must not pull images over plain http.
    private static func image(_ post: Post) -> String? {
        post.media.lazy.filter { $0.kind == .photo }.compactMap { $0.url.flatMap(PageHTML.httpsURL) }.first
    }

    private static func mimeType(_ url: String) -> String {
        let path = (URL(string: url)?.path ?? "").lowercased()
        if path.hasSuffix(".png") { return "image/png" }
        if path.hasSuffix(".gif") { return "image/gif" }
        if path.hasSuffix(".webp") { return "image/webp" }
        return "image/jpeg"
    }

    /// `Tue, 22 Apr 2014 17:55:00 +0000`, as RSS 2.0 asks.
    static func rfc822(_ date: Date) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let f = PageHTML.fields(date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        let day = days[((f.weekday ?? 1) - 1 + 7) % 7]
        let month = months[((f.month ?? 1) - 1 + 12) % 12]
        return "\(day), \(two(f.day)) \(month) \(f.year ?? 1970) \(two(f.hour)):\(two(f.minute)):\(two(f.second)) +0000"
    }
}
