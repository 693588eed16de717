import Firebreak
import FirebreakStore
import Hummingbird

extension DeskRequestContext {
    /// The logged-in user with at least `role`; 401 when nobody is logged in, 403 when the role is too low.
    func require(_ role: DeskRole) throws -> UserRecord {
        guard let user else { throw HTTPError(.unauthorized, message: "log in first") }
        guard user.role.allows(role) else { throw HTTPError(.forbidden, message: "this needs the \(role.rawValue) role") }
        return user
    }

    /// Checks a form's or header's CSRF token against the session's; 403 when missing or wrong.
    func checkCSRF(_ token: String?) throws {
        guard let session, let token, Tokens.equal(token, session.csrfToken) else {
            throw HTTPError(.forbidden, message: "missing or wrong CSRF token; reload the page and try again")
        }
    }
}

extension DeskHub {
    /// The desk for a route's `:id`; 404 when there is no such campaign.
    func desk(_ context: DeskRequestContext) throws -> CampaignDesk {
        guard let id = context.parameters.get("id"), let desk = desks[id] else { throw HTTPError(.notFound, message: "no such campaign") }
        return desk
    }
}

/// Reads a small form body (at most 256 KB).
func readForm(_ request: Request) async throws -> FormData {
    var request = request
    let buffer = try await request.collectBody(upTo: 256 * 1024)
    return FormData(String(buffer: buffer))
}
