import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends one HTTP POST for the outbox; a protocol so tests can watch what would go out.
public protocol OutboxTransport: Sendable {
    /// Posts `body` to `url`; returns the HTTP status.
    func post(url: URL, contentType: String, body: Data) async throws -> Int
}

/// The real transport: URLSession with short timeouts, no cookies, no redirects followed to other hosts.
public struct URLSessionTransport: OutboxTransport {
    /// Creates the transport.
    public init() {}

    public func post(url: URL, contentType: String, body: Data) async throws -> Int {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.setValue("firebreak-desk", forHTTPHeaderField: "User-Agent")
        request.httpBody = body
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 15
        configuration.httpShouldSetCookies = false
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (_, response) = try await session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
