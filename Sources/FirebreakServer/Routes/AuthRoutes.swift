import FirebreakStore
import Foundation
import Hummingbird

/// Logging in (password or one-time token) and out. Failed attempts are rate-limited per client address.
struct AuthRoutes {
    let hub: DeskHub

    func register(on router: Router<DeskRequestContext>) {
        let sessions = SessionStarter(hub: hub)
        router.get("/login") { request, context -> Response in
            if context.user != nil { return Responses.redirect("/") }
            let token = request.uri.queryParameters.get("token").map { String($0.prefix(128)) }
            return Responses.html(LoginPage.render(csrf: hub.issueLoginToken(), offerToken: true, token: token))
        }
        router.post("/login") { request, context -> Response in
            let form = try await readForm(request)
            guard hub.spendLoginToken(form["csrf"] ?? "") else { return refuse("The login form expired; try again.", status: .forbidden) }
            guard hub.loginLimiter.take(context.clientAddress) else {
                return refuse("Too many login attempts from your address; wait a minute.", status: .tooManyRequests)
            }
            let name = form["username"] ?? ""
            let password = form["password"] ?? ""
            guard name.count <= 40, password.utf8.count <= 1024, let user = try await hub.store.user(named: name), !user.disabled,
                await Passwords.verify(password, hash: user.passwordHash)
            else {
                try await hub.store.append(
                    audit: AuditEntry(at: Date(), actor: "anonymous", campaignID: nil, action: "session.login_failed", subject: String(name.prefix(40)), detail: context.clientAddress))
                return refuse("Wrong user name or password.", status: .unauthorized)
            }
            return try await sessions.start(user: user.name)
        }
        router.post("/login/token") { request, context -> Response in
            let form = try await readForm(request)
            guard hub.spendLoginToken(form["csrf"] ?? "") else { return refuse("The login form expired; try again.", status: .forbidden) }
            guard hub.loginLimiter.take(context.clientAddress) else {
                return refuse("Too many login attempts from your address; wait a minute.", status: .tooManyRequests)
            }
            guard let token = form["token"], token.count <= 128, let user = hub.redeemOneTimeLogin(token) else {
                return refuse("That one-time token is wrong, expired or already used.", status: .unauthorized)
            }
            return try await sessions.start(user: user)
        }
        router.post("/logout") { request, context -> Response in
            let form = try await readForm(request)
            try context.checkCSRF(form["csrf"])
            return try await sessions.end(context)
        }
    }

    private func refuse(_ message: String, status: HTTPResponse.Status) -> Response {
        Responses.html(LoginPage.render(csrf: hub.issueLoginToken(), error: message, offerToken: true), status: status)
    }
}
