import Firebreak
import FirebreakStore
import Foundation
import Testing

/// One filter, the posts of `corpus` it should list (newest first).
struct FilterCase: Sendable, CustomTestStringConvertible {
    let name: String
    let query: PostQuery
    let expected: [String]
    var testDescription: String { name }
}

/// Ten posts, one second apart (p0 oldest), differing in every filterable field.
let corpus: [AssessedPost] = [
    assessed("p0", .supportive, author: "Fan", at: 0, text: "Proud of our officers"),
    assessed("p1", .critical, author: "Occupy", at: 1, text: "Batons everywhere", media: [Media(kind: .photo)], irony: 0.9),
    assessed("p2", .neutral, author: "@ignored", at: 2, text: "Just a photo", kind: .reply),
    assessed("p3", .critical, author: "occupy", at: 3, text: "Nice BATON, #myNYPD", offensive: 0.8),
    assessed("p4", .supportive, author: "Fan", at: 4, text: "Thank you", kind: .repost, media: [Media(kind: .video)]),
    assessed("p5", .critical, author: "Other", at: 5, text: "Kettled at the march", kind: .quote, irony: 0.7, offensive: 0.7),
    assessed("p6", .supportive, author: "Fan", at: 6, text: "Officers helped my cat"),
    assessed("p7", .neutral, author: "Else", at: 7, text: "What is this hashtag", irony: 0.69, offensive: 0.69),
    assessed("p8", .critical, author: "OCCUPY", at: 8, text: "baton round two", kind: .reply, media: [Media(kind: .gif)]),
    assessed("p9", .supportive, author: "Fan", at: 9, text: "Go team"),
]

@Suite("Querying posts")
struct PostQueryTests {
    static let cases: [FilterCase] = [
        FilterCase(name: "everything", query: PostQuery(), expected: ["p9", "p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1", "p0"]),
        FilterCase(name: "stance", query: PostQuery(stance: .critical), expected: ["p8", "p5", "p3", "p1"]),
        FilterCase(name: "sarcastic", query: PostQuery(sarcastic: true), expected: ["p5", "p1"]),
        FilterCase(name: "not sarcastic", query: PostQuery(sarcastic: false), expected: ["p9", "p8", "p7", "p6", "p4", "p3", "p2", "p0"]),
        FilterCase(name: "offensive", query: PostQuery(offensive: true), expected: ["p5", "p3"]),
        FilterCase(name: "not offensive", query: PostQuery(offensive: false), expected: ["p9", "p8", "p7", "p6", "p4", "p2", "p1", "p0"]),
        FilterCase(name: "media", query: PostQuery(media: true), expected: ["p8", "p4", "p1"]),
        FilterCase(name: "no media", query: PostQuery(media: false), expected: ["p9", "p7", "p6", "p5", "p3", "p2", "p0"]),
        FilterCase(name: "author, any case, with @", query: PostQuery(author: "@OcCuPy"), expected: ["p8", "p3", "p1"]),
        FilterCase(name: "author without @", query: PostQuery(author: "fan"), expected: ["p9", "p6", "p4", "p0"]),
        FilterCase(name: "stored handle is normalised", query: PostQuery(author: "ignored"), expected: ["p2"]),
        FilterCase(name: "since is inclusive", query: PostQuery(since: at(7)), expected: ["p9", "p8", "p7"]),
        FilterCase(name: "until is exclusive", query: PostQuery(until: at(2)), expected: ["p1", "p0"]),
        FilterCase(name: "since and until", query: PostQuery(since: at(3), until: at(5)), expected: ["p4", "p3"]),
        FilterCase(name: "kinds", query: PostQuery(kinds: [.reply, .quote]), expected: ["p8", "p5", "p2"]),
        FilterCase(name: "one kind", query: PostQuery(kinds: [.repost]), expected: ["p4"]),
        FilterCase(name: "text, case-insensitive", query: PostQuery(text: "Baton"), expected: ["p8", "p3", "p1"]),
        FilterCase(name: "text with a hashtag", query: PostQuery(text: "#mynypd"), expected: ["p3"]),
        FilterCase(name: "after sequence", query: PostQuery(afterSequence: 7), expected: ["p9", "p8", "p7"]),
        FilterCase(name: "limit", query: PostQuery(limit: 2), expected: ["p9", "p8"]),
        FilterCase(
            name: "filters combine", query: PostQuery(stance: .critical, media: false, author: "occupy", text: "baton"), expected: ["p3"]),
        FilterCase(name: "nothing matches", query: PostQuery(stance: .neutral, sarcastic: true), expected: []),
    ]

    @Test(arguments: cases)
    func eachFilterSelectsItsPostsAndCountAgrees(_ filter: FilterCase) async throws {
        try await withStore { store in
            // Inserted one by one so post pN gets sequence N + 1.
            for post in corpus { _ = try await store.insert([post], campaignID: campaign, receivedAt: base) }
            _ = try await store.insert([assessed("elsewhere", .critical, author: "occupy", text: "baton")], campaignID: "other", receivedAt: base)
            #expect(try await ids(store.posts(campaignID: campaign, matching: filter.query)) == filter.expected)
            var unlimited = filter.query
            unlimited.limit = 1000
            let all = try await store.posts(campaignID: campaign, matching: unlimited)
            #expect(try await store.count(campaignID: campaign, matching: filter.query) == all.count)
        }
    }

    @Test func moderationAndFeaturedFilters() async throws {
        try await withStore { store in
            _ = try await store.insert(corpus, campaignID: campaign, receivedAt: base)
            _ = try await store.setModeration(campaignID: campaign, keys: [key("p1"), key("p2")], status: .rejected, actor: "ana", at: at(60))
            _ = try await store.setModeration(campaignID: campaign, keys: [key("p6")], status: .approved, actor: "auto", at: at(61))
            _ = try await store.setFeatured(campaignID: campaign, keys: [key("p6")], at: at(62))
            #expect(try await ids(store.posts(campaignID: campaign, matching: PostQuery(moderation: .rejected))) == ["p2", "p1"])
            #expect(try await ids(store.posts(campaignID: campaign, matching: PostQuery(moderation: .approved))) == ["p6"])
            #expect(try await store.count(campaignID: campaign, matching: PostQuery(moderation: .pending)) == 7)
            #expect(try await ids(store.posts(campaignID: campaign, matching: PostQuery(featured: true))) == ["p6"])
            #expect(try await store.count(campaignID: campaign, matching: PostQuery(featured: false)) == 9)
        }
    }

    @Test func theKeysetCursorPagesThroughEveryPostOnceInOrder() async throws {
        try await withStore { store in
            // 25 posts, several sharing a creation time (so the sequence breaks ties), inserted out of time order.
            let posts = (0..<25).map { assessed("\($0)", at: Double(($0 * 7) % 25 / 3)) }
            _ = try await store.insert(Array(posts[12...]), campaignID: campaign, receivedAt: base)
            _ = try await store.insert(Array(posts[..<12]), campaignID: campaign, receivedAt: base)
            let everything = try await store.posts(campaignID: campaign, matching: PostQuery(limit: 100))
            #expect(everything.count == 25)
            let expectedOrder = everything.sorted { a, b in
                (a.post.createdAt, a.sequence) > (b.post.createdAt, b.sequence)
            }
            #expect(ids(everything) == ids(expectedOrder))

            var pages: [[StoredPost]] = []
            var cursor: (createdAt: Date, sequence: Int64)?
            repeat {
                let page = try await store.posts(campaignID: campaign, matching: PostQuery(before: cursor, limit: 10))
                // Counting ignores the cursor.
                #expect(try await store.count(campaignID: campaign, matching: PostQuery(before: cursor, limit: 10)) == 25)
                pages.append(page)
                cursor = page.last.map { ($0.post.createdAt, $0.sequence) }
            } while pages.last?.count == 10
            #expect(pages.map(\.count) == [10, 10, 5])
            #expect(ids(pages.flatMap { $0 }) == ids(everything))
            #expect(Set(pages.flatMap { ids($0) }).count == 25)
        }
    }

    @Test func textSearchTakesWildcardsLiterally() async throws {
        try await withStore { store in
            let texts = [
                "percent": "Now 50% off", "digits": "Now 500 off", "underscore": "a snake_case word", "letter": "a snakeXcase word",
                "backslash": #"a back\slash"#, "plain": "a backslash", "mixed": "Ünïcode ÇAFÉ",
            ]
            _ = try await store.insert(texts.map { assessed($0.key, text: $0.value) }, campaignID: campaign, receivedAt: base)
            func search(_ text: String) async throws -> Set<String> {
                Set(try await ids(store.posts(campaignID: campaign, matching: PostQuery(text: text))))
            }
            #expect(try await search("50%") == ["percent"])
            #expect(try await search("%") == ["percent"])
            #expect(try await search("e_c") == ["underscore"])
            #expect(try await search("_") == ["underscore"])
            #expect(try await search(#"\"#) == ["backslash"])
            #expect(try await search(#"k\s"#) == ["backslash"])
            // Non-ASCII case folding is Swift's (SQLite's LIKE folds ASCII only): both sides are lower-cased before they meet.
            #expect(try await search("çafé") == ["mixed"])
            #expect(try await search("NOW") == ["percent", "digits"])
            #expect(try await store.count(campaignID: campaign, matching: PostQuery(text: "_")) == 1)
        }
    }

    @Test func allPostsPagesThroughACampaignInEventTimeOrder() async throws {
        try await withStore { store in
            // Inserted newest first, two pairs sharing a time: the order must come from created_at, then sequence.
            let times: [Double] = [9, 8, 7, 7, 6, 5, 4, 3, 3, 2, 1]
            _ = try await store.insert(times.enumerated().map { assessed("\($0.offset)", at: $0.element) }, campaignID: campaign, receivedAt: base)
            _ = try await store.insert([assessed("x", at: 0)], campaignID: "other", receivedAt: base)
            let pages = Pages()
            try await store.allPosts(campaignID: campaign, pageSize: 3) { pages.append($0) }
            let collected = pages.all
            #expect(collected.map(\.count) == [3, 3, 3, 2])
            let posts = collected.flatMap { $0 }
            #expect(ids(posts) == ["10", "9", "7", "8", "6", "5", "4", "2", "3", "1", "0"])

            let empty = Pages()
            try await store.allPosts(campaignID: "nobody", pageSize: 3) { empty.append($0) }
            #expect(empty.all.isEmpty)

            // A page size dividing the count exactly ends without an empty page.
            let exact = Pages()
            try await store.allPosts(campaignID: campaign, pageSize: 11) { exact.append($0) }
            #expect(exact.all.map(\.count) == [11])
        }
    }
}

/// Collects the pages `allPosts` hands over (its body is `@Sendable`).
final class Pages: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [[StoredPost]] = []
    func append(_ page: [StoredPost]) { lock.withLock { pages.append(page) } }
    var all: [[StoredPost]] { lock.withLock { pages } }
}
