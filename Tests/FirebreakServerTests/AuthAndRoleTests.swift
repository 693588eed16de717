import Firebreak
import FirebreakStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FirebreakServer

@Suite struct AuthAndRoleTests {
    /// Pulls the login form's CSRF token out of the page.
    private func loginCSRF(_ client: some TestClientProtocol) async throws -> String {
        let page = try await client.execute(uri: "/login", method: .get)
        let html = String(buffer: page.body)
        let marker = try #require(html.range(of: "name=\"csrf\" value=\""))
        return String(html[marker.upperBound...].prefix { $0 != "\"" })
    }

    @Test func passwordLoginSetsAStrictHttpOnlyCookie() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        _ = try await fixture.login(.moderator, name: "ana")
        try await fixture.application().test(.router) { client in
            let csrf = try await loginCSRF(client)
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: formBody([("username", "ana"), ("password", "wrong password!"), ("csrf", csrf)]))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            // The login CSRF token is single-use: a fresh one is needed.
            let reused = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: formBody([("username", "ana"), ("password", "correct horse battery"), ("csrf", csrf)]))
            #expect(reused.status == .forbidden)
            let right = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: formBody([("username", "ana"), ("password", "correct horse battery"), ("csrf", try await loginCSRF(client))]))
            #expect(right.status == .seeOther)
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
            let value = String(cookie.split(separator: ";")[0])
            let overview = try await client.execute(uri: "/campaigns/mynypd", method: .get, headers: [.cookie: value])
            #expect(overview.status == .ok)
            #expect(String(buffer: overview.body).contains("myNYPD"))
        }
        let audit = try await fixture.store.audit(campaignID: nil, limit: 10).map(\.action)
        #expect(audit.contains("session.login") && audit.contains("session.login_failed"))
    }

    @Test func oneTimeTokensWorkOnce() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        _ = try await fixture.login(.admin, name: "admin")
        let token = fixture.hub.issueOneTimeLogin(user: "admin")
        try await fixture.application().test(.router) { client in
            let first = try await client.execute(
                uri: "/login/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: formBody([("token", token), ("csrf", try await loginCSRF(client))]))
            #expect(first.status == .seeOther)
            let second = try await client.execute(
                uri: "/login/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: formBody([("token", token), ("csrf", try await loginCSRF(client))]))
            #expect(second.status == .unauthorized)
        }
    }

    @Test func loginAttemptsAreRateLimited() async throws {
        let fixture = try await DeskFixture.make(limits: .init(loginAttemptsPerMinute: 3))
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 {
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: formBody([("username", "nobody"), ("password", "guess guess guess"), ("csrf", try await loginCSRF(client))]))
                statuses.append(response.status)
            }
            #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .tooManyRequests, .tooManyRequests])
        }
    }

    @Test func pagesNeedASessionAndAPIsSayWhy() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            let page = try await client.execute(uri: "/campaigns/mynypd/queue", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
            let api = try await client.execute(uri: "/api/campaigns/mynypd/posts", method: .get)
            #expect(api.status == .unauthorized)
            let forged = try await client.execute(uri: "/api/campaigns/mynypd/posts", method: .get, headers: [.cookie: "firebreak_session=forged"])
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func rolesAndCSRFGuardEveryWrite() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        let viewer = try await fixture.login(.viewer)
        let moderator = try await fixture.login(.moderator)
        let post = StoredPostFactory.assessed("5", .supportive)
        _ = try await fixture.desk.ingest(ProcessedBatch(records: 1, assessed: [post], rejections: [], inputErrors: []))
        let body = ByteBuffer(string: #"{"keys": ["x:5"], "status": "approved"}"#)
        try await fixture.application().test(.router) { client in
            let read = try await client.execute(uri: "/api/campaigns/mynypd/posts", method: .get, headers: .session(viewer.cookie))
            #expect(read.status == .ok)
            let viewerWrite = try await client.execute(uri: "/api/campaigns/mynypd/moderation", method: .post, headers: .session(viewer.cookie, csrf: viewer.csrf, json: true), body: body)
            #expect(viewerWrite.status == .forbidden)
            let noCSRF = try await client.execute(uri: "/api/campaigns/mynypd/moderation", method: .post, headers: .session(moderator.cookie, json: true), body: body)
            #expect(noCSRF.status == .forbidden)
            let otherCSRF = try await client.execute(uri: "/api/campaigns/mynypd/moderation", method: .post, headers: .session(moderator.cookie, csrf: viewer.csrf, json: true), body: body)
            #expect(otherCSRF.status == .forbidden)
            #expect(try await fixture.store.post(campaignID: "mynypd", key: PostKey(platform: .x, nativeID: "5"))?.moderation == .pending)
            let formNoCSRF = try await client.execute(
                uri: "/campaigns/mynypd/moderation", method: .post, headers: .session(moderator.cookie, form: true),
                body: formBody([("keys", "x:5"), ("status", "approved")]))
            #expect(formNoCSRF.status == .forbidden)
            let ok = try await client.execute(uri: "/api/campaigns/mynypd/moderation", method: .post, headers: .session(moderator.cookie, csrf: moderator.csrf, json: true), body: body)
            #expect(ok.status == .ok)
            // Policy and breaker need an admin.
            let policy = try await client.execute(
                uri: "/campaigns/mynypd/settings/policy", method: .post, headers: .session(moderator.cookie, form: true),
                body: formBody([("csrf", moderator.csrf), ("auto_reply", "true")]))
            #expect(policy.status == .forbidden)
        }
        let stored = try await fixture.store.post(campaignID: "mynypd", key: PostKey(platform: .x, nativeID: "5"))
        #expect(stored?.moderation == .approved && stored?.moderatedBy == "moderator")
        #expect(stored?.featuredAt != nil)
        #expect(await fixture.desk.policy.autoReply == false)
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            for uri in ["/login", "/gallery/mynypd", "/api/openapi.json", "/nope"] {
                let response = try await client.execute(uri: uri, method: .get)
                let csp = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            let embed = try await client.execute(uri: "/gallery/mynypd/embed", method: .get)
            #expect(embed.headers[.contentSecurityPolicy]?.contains("frame-ancestors *") == true)
            #expect(embed.headers[.contentSecurityPolicy]?.contains("script-src") == false)
        }
    }
}
