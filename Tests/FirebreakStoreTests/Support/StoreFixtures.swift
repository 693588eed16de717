import Firebreak
import FirebreakStore
import Foundation

/// 2023-11-14T22:13:20Z: a whole second, so dates survive the REAL columns and JSON exactly.
let base = Date(timeIntervalSince1970: 1_700_000_000)

/// `base` plus `seconds`.
func at(_ seconds: Double) -> Date { base.addingTimeInterval(seconds) }

/// Runs `body` with a fresh scratch directory, removed afterwards (database, WAL and shared-memory files with it).
func withScratchDirectory(_ body: (URL) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try await body(directory)
}

/// Runs `body` with a new file-backed store (a WAL pool, as in production) in a scratch directory.
func withStore(_ body: (SQLiteStore) async throws -> Void) async throws {
    try await withScratchDirectory { directory in
        try await body(SQLiteStore(path: directory.appendingPathComponent("desk.sqlite").path))
    }
}

/// A post on X by `author`, `seconds` after `base`.
func makePost(
    _ id: String, author: String = "Fan", at seconds: Double = 0, text: String = "Proud of our officers #myNYPD",
    kind: PostKind = .original, media: [Media] = [], platform: Platform = .x
) -> Post {
    Post(
        platform: platform, nativeID: id, kind: kind, author: Author(id: "u-\(author)", handle: author), createdAt: at(seconds),
        text: text, hashtags: ["#myNYPD"], media: media)
}

/// An assessment of `stance` with the given irony and offence.
func makeAssessment(_ stance: Stance = .supportive, irony: Double = 0.1, offensive: Double = 0.05) -> Assessment {
    Assessment(
        stance: stance, pCritical: stance == .critical ? 0.9 : 0.05, pSupportive: stance == .supportive ? 0.9 : 0.05,
        sentiment: stance == .critical ? .negative : .positive, pSentiment: [0.1, 0.3, 0.6], irony: irony, offensive: offensive,
        mentionsTarget: true)
}

/// A post with its assessment.
func assessed(
    _ id: String, _ stance: Stance = .supportive, author: String = "Fan", at seconds: Double = 0,
    text: String = "Proud of our officers #myNYPD", kind: PostKind = .original, media: [Media] = [], irony: Double = 0.1,
    offensive: Double = 0.05
) -> AssessedPost {
    AssessedPost(
        post: makePost(id, author: author, at: seconds, text: text, kind: kind, media: media),
        assessment: makeAssessment(stance, irony: irony, offensive: offensive))
}

/// The key of post `id` on X.
func key(_ id: String) -> PostKey { PostKey(platform: .x, nativeID: id) }

/// The native ids of stored posts, in order.
func ids(_ posts: [StoredPost]) -> [String] { posts.map(\.post.nativeID) }

/// A campaign's id in the tests.
let campaign = "mynypd"
