import Firebreak
import FirebreakFormats
import Foundation
import Hummingbird

/// `POST /api/campaigns/{id}/posts`: one post or a batch in any format the readers accept, gzip or not,
/// authenticated by the campaign's ingest token, idempotent on post id.
struct IngestRoutes {
    let hub: DeskHub

    func register(on router: Router<DeskRequestContext>) {
        router.post("/api/campaigns/:id/posts") { request, context in try await ingest(request, context) }
    }

    private func ingest(_ request: Request, _ context: DeskRequestContext) async throws -> Response {
        let desk = try hub.desk(context)
        guard let expected = desk.entry.ingestToken else {
            return Responses.error(.forbidden, "HTTP ingest is not enabled for this campaign (set ingest_token in the configuration)")
        }
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.hasPrefix("Bearer "), Tokens.equal(String(authorization.dropFirst(7)), expected) else {
            var response = Responses.error(.unauthorized, "missing or wrong ingest token (Authorization: Bearer <token>)")
            response.headers[.wwwAuthenticate] = "Bearer realm=\"firebreak-ingest\""
            return response
        }
        guard hub.ingestLimiter.take(desk.id) else {
            var response = Responses.error(.tooManyRequests, "too many ingest requests for this campaign; slow down")
            response.headers[.retryAfter] = "1"
            return response
        }
        let limits = hub.configuration.limits
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxIngestBytes {
            return Responses.error(.contentTooLarge, "the body is larger than \(limits.maxIngestBytes) bytes; split it into smaller batches")
        }
        let format: InputFormat
        if let name = request.uri.queryParameters.get("format") {
            guard let requested = InputFormat(rawValue: name) else {
                return Responses.error(.badRequest, "unknown format \"\(name)\"; use one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            format = requested
        } else {
            let type = (request.headers[.contentType] ?? "").lowercased()
            format = type.hasPrefix("text/csv") ? .csv : type.hasPrefix("text/plain") ? .text : .auto
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limits.maxIngestBytes)
        } catch {
            return Responses.error(.contentTooLarge, "the body is larger than \(limits.maxIngestBytes) bytes; split it into smaller batches")
        }
        let batches: [ArchiveBatch]
        do {
            batches = try IngestBody.batches(Array(buffer: body), name: "request \(context.id)", format: format, maxRecords: limits.maxIngestRecords)
        } catch {
            let status: HTTPResponse.Status =
                switch error {
                case .tooManyRecords, .tooLargeInflated: .contentTooLarge
                case .empty, .unreadable: .badRequest
                }
            return Responses.error(status, error.description)
        }
        guard let feeder = hub.feeders[desk.id] else { throw HTTPError(.notFound) }
        let result = try await feeder.feed(batches)
        context.logger.info(
            "ingest", metadata: ["campaign": "\(desk.id)", "records": "\(result.records)", "inserted": "\(result.inserted)", "rejected": "\(result.rejected)"])
        // Nothing readable at all is the client's error; a batch with some bad records is accepted with the rejections listed.
        return Responses.json(result, status: result.posts == 0 && result.rejected > 0 ? .unprocessableContent : .ok)
    }
}
