import FirebreakStore
import Foundation
import Hummingbird

/// Starts and ends browser sessions: a random cookie (only its digest is stored), a CSRF token per session.
struct SessionStarter {
    let hub: DeskHub
    /// How long a session lasts.
    static let lifetime: TimeInterval = 12 * 3600

    /// Creates a session for `user` and returns the redirect that sets its cookie.
    func start(user: String, redirectTo path: String = "/") async throws -> Response {
        let token = Tokens.random()
        let now = Date()
        try await hub.store.save(
            session: SessionRecord(
                tokenDigest: Tokens.digest(token), user: user, csrfToken: Tokens.random(bytes: 24), createdAt: now,
                expiresAt: now.addingTimeInterval(Self.lifetime)))
        try await hub.store.append(audit: AuditEntry(at: now, actor: user, campaignID: nil, action: "session.login", subject: user))
        var response = Responses.redirect(path)
        response.setCookie(cookie(token, maxAge: Int(Self.lifetime)))
        return response
    }

    /// Ends the session behind `context` and returns the redirect that clears its cookie.
    func end(_ context: DeskRequestContext) async throws -> Response {
        if let session = context.session {
            try await hub.store.deleteSession(digest: session.tokenDigest)
            try await hub.store.append(audit: AuditEntry(at: Date(), actor: session.user, campaignID: nil, action: "session.logout", subject: session.user))
        }
        var response = Responses.redirect("/login")
        response.setCookie(cookie("", maxAge: 0))
        return response
    }

    private func cookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: SessionMiddleware.cookie, value: value, maxAge: maxAge, path: "/", secure: hub.configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }
}
