import Firebreak
import Testing

@testable import FirebreakFormats

/// Search responses saved as they came from the API: each page holds several posts.
@Suite("Search response pages")
struct SearchPageTests {
    /// Every post and rejection reason of a fixture read as `analyze` reads it (`--format auto`).
    static func read(_ name: String) throws -> (reader: ArchiveReader, posts: [Post], rejected: [String]) {
        let reader = try ArchiveReader(path: SocialFixture.path(name))
        var posts: [Post] = []
        var rejected: [String] = []
        while let batch = try reader.nextBatch() {
            for outcome in reader.decoder.decode(batch) {
                switch outcome {
                case .posts(let found): posts += found
                case .rejected(let rejection): rejected.append(rejection.reason)
                }
            }
        }
        return (reader, posts, rejected)
    }

    @Test("X v1.1 standard search pages (statuses, search_metadata) give their statuses; an empty last page gives none")
    func standardSearch() throws {
        let (reader, posts, rejected) = try Self.read("x/v1-search-pages.jsonl")
        #expect(reader.detectedFormat == .xV1)
        #expect(rejected.isEmpty)
        #expect(posts.map(\.nativeID) == ["458650000000000001", "458650000000000002"])
        #expect(posts.first?.author.handle == "NYPDnews")
        #expect(posts.first?.origin == .file(SocialFixture.path("x/v1-search-pages.jsonl"), record: 1))
    }

    @Test("X premium and enterprise search (results, next), pretty-printed, gives its results")
    func premiumSearch() throws {
        let (reader, posts, rejected) = try Self.read("x/v1-premium-search.json")
        #expect(reader.detectedFormat == .xV1)
        #expect(rejected.isEmpty)
        #expect(posts.map(\.nativeID) == ["458650000000000003"])
    }

    @Test("a Mastodon v2 search response (accounts, statuses, hashtags) gives its statuses")
    func mastodonSearch() throws {
        let (reader, posts, rejected) = try Self.read("mastodon/search.json")
        #expect(reader.detectedFormat == .mastodon)
        #expect(rejected.isEmpty)
        #expect(posts.filter { $0.platform == .mastodon }.map(\.nativeID).prefix(2) == ["111111", "111112"])
    }

    @Test("a bad status in a page rejects the page, naming the status")
    func badStatusInPage() throws {
        let json = #"{"statuses": [{"id_str": "1", "text": "no date or user"}], "search_metadata": {"count": 1}}"#
        let reason = try XFixture.rejection(XV1Decoder(), json: json)
        #expect(reason?.hasPrefix("status 1 of 1: ") == true)
    }

    @Test("an object with results but no paging members is not taken for a search page")
    func resultsAlone() throws {
        let json = #"{"results": [{"id_str": "1"}]}"#
        #expect(try XFixture.rejection(XV1Decoder(), json: json) == "unknown record shape: not an X v1.1 status")
    }
}
