import FirebreakStore
import Hummingbird
import Logging
import NIOCore

/// The per-request context: who is logged in (if anyone) and where the request came from.
public struct DeskRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's core storage.
    public var coreContext: CoreRequestContextStorage
    /// The logged-in user, set by the session middleware.
    public var user: UserRecord?
    /// The session, set by the session middleware.
    public var session: SessionRecord?
    /// The peer's address.
    public let remoteAddress: SocketAddress?

    /// Creates a context for a request on a channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address as text, for rate limits and logs (`local` in tests without a socket).
    public var clientAddress: String { remoteAddress?.ipAddress ?? "local" }

    /// Ingest bodies are read with their own limit; other bodies (forms, JSON) stay small.
    public var maxUploadSize: Int { 1 << 20 }
}
