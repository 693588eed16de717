import Foundation
import Hummingbird

/// `GET /campaigns/{id}/events`: the campaign's live events as Server-Sent Events.
struct EventRoutes {
    let hub: DeskHub

    func register(on router: Router<DeskRequestContext>) {
        router.get("/campaigns/:id/events") { _, context -> Response in
            _ = try context.require(.viewer)
            let desk = try hub.desk(context)
            let stream = desk.events.subscribe()
            let snapshot = await desk.snapshot()
            let hello = DeskEvent.json("health", ["health": snapshot.health.rawValue, "breaker": snapshot.breaker.state.rawValue])
            let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "retry: 3000\n\n" + hello.wireFormat))
                    for await event in stream {
                        try await writer.write(ByteBuffer(string: event.wireFormat))
                    }
                    try await writer.finish(nil)
                })
        }
    }
}
