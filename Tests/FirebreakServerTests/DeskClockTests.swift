import Firebreak
import FirebreakStore
import Foundation
import Testing

@testable import FirebreakServer

@Suite struct DeskClockTests {
    @Test func aPostDatedAheadDoesNotCloseTheMinutesStillToCome() async throws {
        let fixture = try await DeskFixture.make()
        defer { fixture.cleanUp() }
        // A desk whose wall clock is ten minutes after the launch, as if the campaign were live.
        let clock = launch.addingTimeInterval(600)
        let desk = try await CampaignDesk.open(entry: fixture.hub.configuration.campaigns[0], store: fixture.store, now: { clock })
        func ingest(_ posts: [AssessedPost]) async throws {
            _ = try await desk.ingest(ProcessedBatch(records: posts.count, assessed: posts, rejections: [], inputErrors: []))
        }
        let minute = { (m: Int) in launch.addingTimeInterval(Double(m) * 60 + 10) }
        try await ingest((0..<9).map { StoredPostFactory.assessed("fan\($0)", .supportive, author: "fan\($0)", at: minute($0)) })
        #expect(await desk.snapshot().closedThrough == minute(7).addingTimeInterval(-10))

        // A client's clock a day ahead: the monitor may run a few minutes past the wall clock, no further.
        try await ingest([StoredPostFactory.assessed("ahead", .critical, author: "clockless", at: launch.addingTimeInterval(86_400))])
        let closed = try #require(await desk.snapshot().closedThrough)
        #expect(closed <= clock.addingTimeInterval(CampaignDesk.clockLead))
        #expect(closed > minute(8))

        // The posts that then arrive in the open minutes are read by the live monitor.
        let closedMinute = Int(closed.timeIntervalSince1970 / 60)
        let next = Date(timeIntervalSince1970: Double(closedMinute * 60 + 20))
        try await ingest([StoredPostFactory.assessed("on-time", .supportive, author: "fan20", at: next)])
        try await desk.advance(to: next.addingTimeInterval(180))
        let rows = try await fixture.store.minutes(campaignID: "mynypd", from: closedMinute, to: closedMinute + 1)
        #expect(rows.map(\.posts) == [1])
    }
}
