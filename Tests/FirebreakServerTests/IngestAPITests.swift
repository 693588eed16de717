import Firebreak
import FirebreakStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FirebreakServer

@Suite struct IngestAPITests {
    private let path = "/api/campaigns/mynypd/posts"

    private func batch(_ range: Range<Int>) -> String {
        range.map { flattenedPost(id: "\(1000 + $0)", text: "Proud of officer \($0) #myNYPD", handle: "fan\($0)") }.joined(separator: "\n") + "\n"
    }

    private func decode(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func aBatchIsStoredOnceHoweverOftenItIsSent() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            let body = ByteBuffer(string: batch(0..<25))
            let first = try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: body)
            #expect(first.status == .ok)
            let result = try decode(first)
            #expect(result["inserted"] as? Int == 25)
            #expect(result["duplicates"] as? Int == 0)
            let again = try decode(try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: body))
            #expect(again["inserted"] as? Int == 0)
            #expect(again["duplicates"] as? Int == 25)
            // Overlapping batch: 5 old, 5 new.
            let overlap = try decode(try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: batch(20..<30))))
            #expect(overlap["inserted"] as? Int == 5)
        }
        #expect(try await fixture.store.count(campaignID: "mynypd", matching: PostQuery()) == 30)
        #expect(await fixture.desk.snapshot().posts == 30)
    }

    @Test func oneJSONPostAndAGzipBodyAreAccepted() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            let single = flattenedPost(id: "77", text: "Officer Ruiz at the fair #myNYPD", photo: true)
            let response = try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken, contentType: "application/json"), body: ByteBuffer(string: single))
            #expect(try decode(response)["inserted"] as? Int == 1)
            let gzipped = try gzip(batch(0..<3))
            let zipped = try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(bytes: gzipped))
            #expect(try decode(zipped)["inserted"] as? Int == 3)
        }
        let stored = try #require(try await fixture.store.post(campaignID: "mynypd", key: PostKey(platform: .x, nativeID: "77")))
        #expect(stored.post.media.first?.url == "https://pbs.twimg.com/media/77.jpg")
    }

    @Test func wrongOrMissingTokensAreRefused() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            let body = ByteBuffer(string: batch(0..<2))
            let missing = try await client.execute(uri: path, method: .post, headers: [.contentType: "application/x-ndjson"], body: body)
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let wrong = try await client.execute(uri: path, method: .post, headers: .bearer("test-ingest-token-0123456780"), body: body)
            #expect(wrong.status == .unauthorized)
            let unknown = try await client.execute(uri: "/api/campaigns/nope/posts", method: .post, headers: .bearer(DeskFixture.ingestToken), body: body)
            #expect(unknown.status == .notFound)
            // A logged-in session is not an ingest token.
            let session = try await fixture.login(.admin)
            let cookie = try await client.execute(uri: path, method: .post, headers: .session(session.cookie, csrf: session.csrf), body: body)
            #expect(cookie.status == .unauthorized)
        }
        #expect(try await fixture.store.count(campaignID: "mynypd", matching: PostQuery()) == 0)
    }

    @Test func ingestIsOffWithoutAToken() async throws {
        let fixture = try await DeskFixture.make(ingestToken: nil)
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: path, method: .post, headers: .bearer(""), body: ByteBuffer(string: batch(0..<1)))
            #expect(response.status == .forbidden)
        }
    }

    @Test func malformedRecordsAreListedAndTheRestKept() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            let mixed = batch(0..<2) + "{\"id\": \"9\", \"text\": \n" + "not json at all\n" + batch(2..<3)
            let response = try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: mixed))
            #expect(response.status == .ok)
            let result = try decode(response)
            #expect(result["inserted"] as? Int == 3)
            #expect((result["rejected"] as? Int ?? 0) >= 1)
            let rejections = try #require(result["rejections"] as? [[String: Any]])
            #expect(rejections.allSatisfy { ($0["record"] as? Int ?? 0) > 0 && !($0["reason"] as? String ?? "").isEmpty })
            let nothing = try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken, contentType: "application/json"), body: ByteBuffer(string: "{\"hello\": 1}"))
            #expect(nothing.status == .unprocessableContent)
            let empty = try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: ""))
            #expect(empty.status == .badRequest)
            let format = try await client.execute(uri: path + "?format=myspace", method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: batch(0..<1)))
            #expect(format.status == .badRequest)
        }
        #expect(try await fixture.store.count(campaignID: "mynypd", matching: PostQuery()) == 3)
    }

    /// Plain text and date-less CSV carry no post times, and text's ids are line numbers: stored, two requests' first lines
    /// would be one post at 1970. Each such post is rejected with the reason; dated posts in the same body are kept.
    @Test func postsWithoutATimeAreRejectedOneByOne() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            for text in ["Proud of our officers #myNYPD\nSecond line #myNYPD", "A different first line #myNYPD"] {
                let response = try await client.execute(
                    uri: path + "?format=text", method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: text))
                #expect(response.status == .unprocessableContent)
                let result = try decode(response)
                #expect(result["inserted"] as? Int == 0 && result["duplicates"] as? Int == 0)
                let rejections = try #require(result["rejections"] as? [[String: Any]])
                #expect(rejections.count == text.split(separator: "\n").count)
                #expect(rejections.allSatisfy { ($0["reason"] as? String)?.hasPrefix("no post time") == true })
                #expect(rejections.first?["record"] as? Int == 1)
            }
            let csv = "id,text\n1,Proud of our officers #myNYPD\n"
            let undatedCSV = try decode(
                try await client.execute(
                    uri: path + "?format=csv", method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: csv)))
            #expect(undatedCSV["rejected"] as? Int == 1 && undatedCSV["inserted"] as? Int == 0)
            let dated = try decode(
                try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: batch(0..<2))))
            #expect(dated["inserted"] as? Int == 2 && dated["rejected"] as? Int == 0)
        }
        #expect(try await fixture.store.count(campaignID: "mynypd", matching: PostQuery()) == 2)
        #expect(await fixture.desk.snapshot().posts == 2)
    }

    @Test func oversizedBodiesAndBatchesAreRefusedWhole() async throws {
        let fixture = try await DeskFixture.make(limits: .init(maxIngestBytes: 4096, maxIngestRecords: 5))
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            let big = ByteBuffer(string: String(repeating: "x", count: 5000))
            let tooBig = try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: big)
            #expect(tooBig.status == .contentTooLarge)
            let many = (0..<6).map { "line \($0)" }.joined(separator: "\n")
            let tooMany = try await client.execute(uri: path + "?format=text", method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: many))
            #expect(tooMany.status == .contentTooLarge)
        }
        #expect(try await fixture.store.count(campaignID: "mynypd", matching: PostQuery()) == 0)
    }

    @Test func ingestIsRateLimitedPerCampaign() async throws {
        let fixture = try await DeskFixture.make(limits: .init(ingestRequestsPerMinute: 3))
        defer { fixture.cleanUp() }
        try await fixture.application().test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for i in 0..<5 {
                let response = try await client.execute(uri: path, method: .post, headers: .bearer(DeskFixture.ingestToken), body: ByteBuffer(string: batch(i..<(i + 1))))
                statuses.append(response.status)
                if response.status == .tooManyRequests { #expect(response.headers[.retryAfter] != nil) }
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
        }
    }
}

/// Gzips text with the system's gzip (the format readers must accept on any input).
func gzip(_ text: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}
