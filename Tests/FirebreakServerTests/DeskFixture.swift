import Firebreak
import FirebreakStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers

@testable import FirebreakServer

/// 2014-04-22T17:55:00Z, the #myNYPD launch.
let launch = Date(timeIntervalSince1970: 1_398_189_300)

/// A desk over a fresh SQLite file with one #myNYPD campaign, users of every role and a recording transport.
struct DeskFixture {
    static let ingestToken = "test-ingest-token-0123456789"
    let folder: URL
    let store: SQLiteStore
    let hub: DeskHub
    let server: DeskServer
    let transport: RecordingTransport

    static func make(
        policy: DeskPolicy = DeskPolicy(), ingestToken: String? = DeskFixture.ingestToken, limits: DeskConfiguration.Limits = .init(),
        monitor: MonitorConfiguration = MonitorConfiguration()
    ) async throws -> DeskFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder.appendingPathComponent("desk.sqlite").path)
        let campaign = Campaign(
            name: "myNYPD", hashtags: ["#myNYPD"], owners: ["@NYPDnews"], target: .init(name: "NYPD", aliases: ["police", "cops"]), launchedAt: launch,
            brief: "Tweet us a photo with an officer.")
        let entry = DeskConfiguration.CampaignEntry(
            id: "mynypd", campaign: campaign, ingestToken: ingestToken, policy: policy,
            notify: .init(webhook: "https://hooks.example.org/firebreak", slack: "https://hooks.slack.example/T0/B0"), monitor: monitor)
        let configuration = DeskConfiguration(database: "", campaigns: [entry], limits: limits)
        let hub = try await DeskHub(configuration: configuration, store: store, assessor: LexiconAssessor())
        let transport = RecordingTransport()
        return DeskFixture(folder: folder, store: store, hub: hub, server: DeskServer(hub: hub, transport: transport), transport: transport)
    }

    var desk: CampaignDesk { hub.desks["mynypd"]! }

    /// A router-only application (no replays or background loops), for HummingbirdTesting.
    func application() -> some ApplicationProtocol { Application(router: server.makeRouter()) }

    /// Creates a user of `role` with a session; returns the Cookie header value and the CSRF token.
    func login(_ role: DeskRole, name: String? = nil) async throws -> (cookie: String, csrf: String) {
        let user = name ?? role.rawValue
        try await store.save(user: UserRecord(name: user, passwordHash: await Passwords.hash("correct horse battery", cost: 4), role: role, createdAt: Date()))
        let token = Tokens.random()
        let csrf = Tokens.random(bytes: 24)
        try await store.save(
            session: SessionRecord(tokenDigest: Tokens.digest(token), user: user, csrfToken: csrf, createdAt: Date(), expiresAt: Date().addingTimeInterval(3600)))
        return ("\(SessionMiddleware.cookie)=\(token)", csrf)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

/// Remembers what the outbox would have sent.
final class RecordingTransport: OutboxTransport {
    struct Sent: Sendable {
        var url: URL
        var contentType: String
        var body: String
    }

    private let box = NIOLockedValueBox([Sent]())
    var sent: [Sent] { box.withLockedValue { $0 } }

    func post(url: URL, contentType: String, body: Data) async throws -> Int {
        box.withLockedValue { $0.append(Sent(url: url, contentType: contentType, body: String(decoding: body, as: UTF8.self))) }
        return 200
    }
}

/// One flattened X v2 post as a JSON line (the shape twarc writes), with the fields the tests vary.
func flattenedPost(
    id: String, text: String, handle: String = "fan", at time: Date = launch.addingTimeInterval(60), photo: Bool = false, links: [String] = []
) -> String {
    var object: [String: Any] = [
        "id": id, "text": text, "created_at": ISO8601DateFormatter().string(from: time), "author_id": "u-\(handle)", "lang": "en",
        "author": ["id": "u-\(handle)", "name": handle.capitalized, "username": handle],
    ]
    var entities: [String: Any] = ["hashtags": [["start": 0, "end": 7, "tag": "myNYPD"]]]
    if !links.isEmpty { entities["urls"] = links.map { ["start": 0, "end": 1, "url": $0, "expanded_url": $0] } }
    object["entities"] = entities
    if photo {
        object["attachments"] = [
            "media_keys": ["3_\(id)"], "media": [["media_key": "3_\(id)", "type": "photo", "url": "https://pbs.twimg.com/media/\(id).jpg", "alt_text": "a photo"]],
        ]
    }
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

extension HTTPFields {
    /// Headers for an ingest request with a bearer token.
    static func bearer(_ token: String, contentType: String = "application/x-ndjson") -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: contentType]
    }

    /// Headers for a logged-in request.
    static func session(_ cookie: String, csrf: String? = nil, form: Bool = false, json: Bool = false) -> HTTPFields {
        var fields: HTTPFields = [.cookie: cookie]
        if let csrf { fields[HTTPField.Name("X-CSRF-Token")!] = csrf }
        if form { fields[.contentType] = "application/x-www-form-urlencoded" }
        if json { fields[.contentType] = "application/json" }
        return fields
    }
}

/// Percent-encodes form fields.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
        .joined(separator: "&")
    return ByteBuffer(string: text)
}
