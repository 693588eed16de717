import FirebreakStore
import Foundation
import Hummingbird

/// Reads the session cookie and puts the logged-in user, if any, into the request's context.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = DeskRequestContext
    /// The session cookie's name.
    static let cookie = "firebreak_session"
    let store: any FirebreakStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookie]?.value, token.count <= 128,
            let session = try await store.session(digest: Tokens.digest(token), now: Date()),
            let user = try await store.user(named: session.user), !user.disabled
        {
            context.session = session
            context.user = user
        }
        return try await next(request, context)
    }
}
