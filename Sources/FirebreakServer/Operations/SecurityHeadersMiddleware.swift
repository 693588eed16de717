import HTTPTypes
import Hummingbird

/// Sets the security headers on every response: a strict Content-Security-Policy (no inline script or style, images
/// over https only), no sniffing, no referrer, no framing except the gallery's embeddable widget.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = DeskRequestContext

    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    static let embedPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors *"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let embed = request.uri.path.hasPrefix("/gallery/") && request.uri.path.hasSuffix("/embed")
        response.headers[.contentSecurityPolicy] = embed ? Self.embedPolicy : Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if !embed { response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
