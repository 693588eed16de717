import Foundation
import Hummingbird

/// `/healthz`, `/metrics`, `/api/openapi.json` and the static assets.
struct OperationsRoutes {
    let hub: DeskHub

    func register(on router: Router<DeskRequestContext>) {
        router.get("/healthz") { _, _ -> Response in
            // Healthy when the store answers; the campaigns' own health is in /api and /metrics.
            _ = try await hub.store.users()
            return Responses.json(["status": "ok", "campaigns": "\(hub.desks.count)"])
        }
        router.get("/metrics") { _, _ -> Response in
            await hub.updateGauges()
            return Responses.text(hub.metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/api/openapi.json") { _, _ -> Response in
            Responses.text(OpenAPIDocument.json, contentType: "application/json; charset=utf-8", cache: "public, max-age=300")
        }
        router.get("/static/desk.css") { _, _ in Responses.text(DeskAssets.css, contentType: "text/css; charset=utf-8", cache: "public, max-age=300") }
        router.get("/static/desk.js") { _, _ in
            Responses.text(DeskAssets.js, contentType: "text/javascript; charset=utf-8", cache: "public, max-age=300")
        }
        router.get("/static/gallery.css") { _, _ in
            Responses.text(DeskAssets.galleryCSS, contentType: "text/css; charset=utf-8", cache: "public, max-age=300")
        }
    }
}
