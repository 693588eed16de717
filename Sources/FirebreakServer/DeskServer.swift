import Firebreak
import FirebreakStore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// The web desk: the router with its middleware and routes, and the background work (replays, the outbox, the
/// clock that closes minutes and keeps event streams alive).
public struct DeskServer: Sendable {
    /// Shared state.
    public let hub: DeskHub
    /// Where outgoing items go.
    public let transport: any OutboxTransport
    let logger: Logger

    /// Creates a server over an opened hub.
    public init(hub: DeskHub, transport: any OutboxTransport = URLSessionTransport(), logger: Logger = Logger(label: "firebreak.server")) {
        self.hub = hub
        self.transport = transport
        self.logger = logger
    }

    /// The router: middleware in order (metrics, security headers, session), then every route.
    public func makeRouter() -> Router<DeskRequestContext> {
        let router = Router(context: DeskRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: RequestMetricsMiddleware(metrics: hub.metrics))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(store: hub.store))
        OperationsRoutes(hub: hub).register(on: router)
        AuthRoutes(hub: hub).register(on: router)
        PageRoutes(hub: hub).register(on: router)
        ActionRoutes(hub: hub).register(on: router)
        APIRoutes(hub: hub).register(on: router)
        IngestRoutes(hub: hub).register(on: router)
        EventRoutes(hub: hub).register(on: router)
        GalleryRoutes(hub: hub).register(on: router)
        return router
    }

    /// The application, with the background services; `replay` starts the configured archive replays.
    public func makeApplication(
        host: String, port: Int, replay: Bool = true, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var services: [any Service] = [
            BackgroundService(name: "outbox", logger: logger) { [hub, transport, logger] in
                await OutboxDispatcher(hub: hub, transport: transport, logger: logger).run()
            },
            BackgroundService(name: "clock", logger: logger) { [hub] in await Self.tick(hub) },
        ]
        if replay {
            for entry in hub.configuration.campaigns {
                guard let plan = entry.replay, let feeder = hub.feeders[entry.id] else { continue }
                services.append(
                    BackgroundService(name: "replay \(entry.id)", logger: logger) { [logger] in
                        do {
                            try await ArchiveReplay(feeder: feeder, replay: plan, logger: logger).run()
                        } catch is CancellationError {
                        } catch {
                            logger.error("replay failed", metadata: ["campaign": "\(entry.id)", "error": "\(error)"])
                        }
                    })
            }
        }
        return Application(
            router: makeRouter(), server: Self.http1,
            configuration: .init(address: .hostname(host, port: port), serverName: "firebreak"),
            services: services, onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    /// HTTP/1.1 with `Expect: 100-continue` answered.
    static var http1: HTTPServerBuilder { .http1(configuration: .init(additionalChannelHandlers: [ExpectContinueHandler()])) }

    /// Runs the desk until SIGINT or SIGTERM. Open event streams never end by themselves, and the HTTP server waits
    /// for its connections on shutdown, so an outer group first ends the streams, then stops the application.
    public func run(host: String, port: Int, replay: Bool = true, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = makeApplication(host: host, port: port, replay: replay, onServerRunning: onServerRunning)
        // No work of its own: like every background service it waits for the shutdown, then ends the streams.
        let streams = BackgroundService(name: "streams", logger: logger, onShutdown: { [hub] in hub.desks.values.forEach { $0.events.finish() } }) {}
        let group = ServiceGroup(
            configuration: .init(services: [app, streams], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Every 15 seconds: a heartbeat on every event stream (so dead connections are noticed), and campaigns fed over
    /// HTTP without a replay have their last minutes closed once their posts stop coming (up to two minutes past the
    /// newest post, and never past the wall clock).
    static func tick(_ hub: DeskHub) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(15))
            for entry in hub.configuration.campaigns {
                guard let desk = hub.desks[entry.id] else { continue }
                desk.events.publish(DeskEvent(name: "ping", data: "{}"))
                // Close the last minutes once posts stop coming, never past them: an archive of 2014 fed over HTTP
                // must not have every minute since then closed by the wall clock.
                if entry.replay == nil, let latest = await desk.snapshot().latestPostAt {
                    try? await desk.advance(to: min(Date(), latest.addingTimeInterval(120)))
                }
            }
        }
    }
}

/// A task run beside the HTTP server and cancelled when the server shuts down.
///
/// A body that ends by itself (a replay that has reached the end of its archive) leaves the service waiting for the
/// shutdown: a service group takes a service that returns early for a failure and stops the whole server, which
/// ended `firebreak demo` as soon as its replay did.
struct BackgroundService: Service {
    let name: String
    let logger: Logger
    var onShutdown: @Sendable () -> Void = {}
    let body: @Sendable () async -> Void

    init(name: String, logger: Logger, onShutdown: @escaping @Sendable () -> Void = {}, body: @escaping @Sendable () async -> Void) {
        self.name = name
        self.logger = logger
        self.onShutdown = onShutdown
        self.body = body
    }

    func run() async throws {
        await withGracefulShutdownHandler {
            await cancelWhenGracefulShutdown {
                await body()
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            }
        } onGracefulShutdown: {
            onShutdown()
        }
    }
}
