import Firebreak
import FirebreakStore
import Foundation
import Hummingbird

/// The public featured gallery: page, embeddable widget, RSS and JSON Feed. No login; only featured posts.
struct GalleryRoutes {
    let hub: DeskHub

    func register(on router: Router<DeskRequestContext>) {
        router.get("/gallery/:id") { request, context -> Response in
            let (desk, posts, frozen) = try await featured(context)
            return Responses.html(GalleryPage.render(campaignID: desk.id, campaign: desk.entry.campaign, posts: posts, frozen: frozen))
        }
        router.get("/gallery/:id/embed") { request, context -> Response in
            let (desk, posts, frozen) = try await featured(context)
            return Responses.html(GalleryPage.render(campaignID: desk.id, campaign: desk.entry.campaign, posts: posts, frozen: frozen, embed: true))
        }
        router.get("/gallery/:id/feed.rss") { request, context -> Response in
            let (desk, posts, _) = try await featured(context)
            let xml = GalleryFeeds.rss(campaignID: desk.id, campaign: desk.entry.campaign, baseURL: baseURL(request), posts: posts)
            return Responses.text(xml, contentType: "application/rss+xml; charset=utf-8", cache: "public, max-age=60")
        }
        router.get("/gallery/:id/feed.json") { request, context -> Response in
            let (desk, posts, _) = try await featured(context)
            let json = GalleryFeeds.jsonFeed(campaignID: desk.id, campaign: desk.entry.campaign, baseURL: baseURL(request), posts: posts)
            return Responses.text(json, contentType: "application/feed+json; charset=utf-8", cache: "public, max-age=60")
        }
    }

    private func featured(_ context: DeskRequestContext) async throws -> (CampaignDesk, [StoredPost], Bool) {
        let desk = try hub.desk(context)
        let posts = try await hub.store.posts(campaignID: desk.id, matching: PostQuery(featured: true, limit: 60))
        return (desk, posts, await desk.snapshot().breaker.galleryFrozen)
    }

    /// The feeds' absolute links: the request's own host (a Host header with anything but host characters is ignored).
    private func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        let safe = host.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:[]".unicodeScalars.contains($0)) }
        return "http://" + (safe && host.count <= 255 ? host : "localhost")
    }
}
