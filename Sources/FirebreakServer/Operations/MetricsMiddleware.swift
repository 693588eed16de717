import Foundation
import Hummingbird

/// Counts requests and times them by route (the route's pattern, never the raw path, so ids do not explode the
/// label space).
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = DeskRequestContext
    let metrics: DeskMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let route = context.endpointPath ?? "unmatched"
            metrics.increment("firebreak_http_requests_total", labels: ["route": route, "method": request.method.rawValue, "status": "\(status / 100)xx"])
            metrics.observe("firebreak_http_request_seconds", seconds: seconds, labels: ["route": route])
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}
