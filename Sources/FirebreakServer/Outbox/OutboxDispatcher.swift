import Firebreak
import FirebreakStore
import Foundation
import Logging

/// Sends what waits in the outbox: notifications always, replies and Facebook photo posts only while the campaign's
/// breaker lets them, replies under the policy's hourly limit. Without credentials (no platform connector for
/// replies, no Page token for Facebook) an item is marked `dry_run` with the exact request it would have made.
public actor OutboxDispatcher {
    private let hub: DeskHub
    private let transport: any OutboxTransport
    private let logger: Logger
    private var replyLimits: [String: (perHour: Int, limiter: RateLimiter)] = [:]
    /// Attempts before a notification is given up as failed.
    static let maxAttempts = 3

    /// Creates a dispatcher.
    public init(hub: DeskHub, transport: any OutboxTransport = URLSessionTransport(), logger: Logger = Logger(label: "firebreak.outbox")) {
        self.hub = hub
        self.transport = transport
        self.logger = logger
    }

    /// Runs until cancelled, looking at the outbox every `interval`.
    public func run(interval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            do {
                try await dispatchOnce()
            } catch {
                logger.error("outbox pass failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// One pass over every campaign's queued items; returns how many were handled.
    @discardableResult
    public func dispatchOnce(now: Date = Date()) async throws -> Int {
        var handled = 0
        for desk in hub.desks.values {
            let queued = try await hub.store.outbox(campaignID: desk.id, status: .queued, kind: nil, limit: 100)
            for item in queued.reversed() {
                guard await desk.mayDispatch(item.kind) else { continue }
                if item.kind == .reply, !(await takeReplyToken(desk: desk, now: now)) { continue }
                try await handle(item, desk: desk, now: now)
                handled += 1
            }
        }
        return handled
    }

    private func takeReplyToken(desk: CampaignDesk, now: Date) async -> Bool {
        let perHour = await desk.policy.repliesPerHour
        var entry = replyLimits[desk.id]
        if entry == nil || entry!.perHour != perHour { entry = (perHour, RateLimiter.perHour(perHour)) }
        let allowed = entry!.limiter.take(at: now)
        replyLimits[desk.id] = entry
        return allowed
    }

    private func handle(_ item: OutboxItem, desk: CampaignDesk, now: Date) async throws {
        var item = item
        item.attempts += 1
        item.updatedAt = now
        switch item.kind {
        case .reply:
            // No platform connector posts replies yet: the reply is recorded exactly as it would be sent.
            item.status = .dryRun
            item.error = nil
        case .facebookPhoto:
            guard let page = desk.entry.facebook, let token = page.accessToken, let payload = FacebookPhotoPayload.decode(item.payload),
                let url = URL(string: "https://graph.facebook.com/\(page.graphVersion)/\(page.pageID)/photos")
            else {
                item.status = .dryRun
                item.destination = desk.entry.facebook.map { "https://graph.facebook.com/\($0.graphVersion)/\($0.pageID)/photos" }
                break
            }
            item.destination = url.absoluteString
            let form = [("url", payload.url), ("caption", payload.caption), ("access_token", token)]
                .map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&")
            await send(&item, url: url, contentType: "application/x-www-form-urlencoded", body: Data(form.utf8))
        case .webhook, .slack:
            guard let destination = item.destination, let url = URL(string: destination) else {
                item.status = .failed
                item.error = "no destination"
                break
            }
            await send(&item, url: url, contentType: "application/json", body: Data(item.payload.utf8))
        }
        try await hub.store.update(item)
        hub.metrics.increment("firebreak_outbox_sent_total", labels: ["kind": item.kind.rawValue, "status": item.status.rawValue])
        desk.events.publish(DeskEvent.json("outbox", OutboxEvent(id: item.id, status: item.status.rawValue)))
    }

    private func send(_ item: inout OutboxItem, url: URL, contentType: String, body: Data) async {
        do {
            let status = try await transport.post(url: url, contentType: contentType, body: body)
            if (200..<300).contains(status) {
                item.status = .sent
                item.error = nil
            } else {
                item.error = "HTTP \(status)"
                item.status = item.attempts >= Self.maxAttempts ? .failed : .queued
            }
        } catch {
            item.error = "\(error)"
            item.status = item.attempts >= Self.maxAttempts ? .failed : .queued
        }
        if item.status == .failed { logger.warning("outbox item failed", metadata: ["id": "\(item.id)", "kind": "\(item.kind.rawValue)", "error": "\(item.error ?? "")"]) }
    }

    private static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
