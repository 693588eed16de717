import Firebreak
import FirebreakStore
import Foundation
import Testing

@Suite("Outbox")
struct OutboxTests {
    @Test func anItemGoesFromDraftToSentAndIsFoundByStatusAndKind() async throws {
        try await withStore { store in
            let draft = try await store.enqueue(
                OutboxItem(
                    id: 999, campaignID: campaign, kind: .reply, status: .draft, postKey: "x:1",
                    payload: "Thank you for taking part in myNYPD, @Fan!", destination: "x:1", createdAt: at(1)))
            #expect(draft.id > 0 && draft.id != 999)
            #expect(draft.updatedAt == at(1))
            #expect(try await store.outboxItem(id: draft.id) == draft)
            #expect(try await store.hasOutboxItem(campaignID: campaign, kind: .reply, postKey: "x:1"))
            #expect(try await !store.hasOutboxItem(campaignID: campaign, kind: .facebookPhoto, postKey: "x:1"))
            #expect(try await !store.hasOutboxItem(campaignID: "other", kind: .reply, postKey: "x:1"))

            var item = draft
            item.status = .queued
            item.approvedBy = "ana"
            item.updatedAt = at(2)
            try await store.update(item)
            item.status = .failed
            item.attempts = 1
            item.error = "HTTP 503"
            item.updatedAt = at(3)
            try await store.update(item)
            #expect(try await store.outboxItem(id: draft.id) == item)
            item.status = .sent
            item.attempts = 2
            item.error = nil
            try await store.update(item)
            #expect(try await store.outboxItem(id: draft.id) == item)

            let hook = try await store.enqueue(
                OutboxItem(campaignID: campaign, kind: .webhook, status: .queued, payload: #"{"alert":"A1"}"#, createdAt: at(4)))
            let photo = try await store.enqueue(
                OutboxItem(campaignID: campaign, kind: .facebookPhoto, status: .queued, postKey: "x:2", payload: "{}", createdAt: at(5)))
            _ = try await store.enqueue(OutboxItem(campaignID: "other", kind: .webhook, status: .queued, payload: "{}", createdAt: at(6)))
            #expect(hook.id > draft.id && photo.id > hook.id)

            func listed(_ status: OutboxItem.Status?, _ kind: OutboxItem.Kind?, limit: Int = 50) async throws -> [Int64] {
                try await store.outbox(campaignID: campaign, status: status, kind: kind, limit: limit).map(\.id)
            }
            #expect(try await listed(nil, nil) == [photo.id, hook.id, draft.id])
            #expect(try await listed(nil, nil, limit: 2) == [photo.id, hook.id])
            #expect(try await listed(.queued, nil) == [photo.id, hook.id])
            #expect(try await listed(nil, .webhook) == [hook.id])
            #expect(try await listed(.queued, .facebookPhoto) == [photo.id])
            #expect(try await listed(.sent, .reply) == [draft.id])
            #expect(try await listed(.draft, nil) == [])
        }
    }

    @Test func aCancelledItemDoesNotCountAsExisting() async throws {
        try await withStore { store in
            var item = try await store.enqueue(
                OutboxItem(campaignID: campaign, kind: .facebookPhoto, status: .queued, postKey: "x:7", payload: "{}", createdAt: at(1)))
            #expect(try await store.hasOutboxItem(campaignID: campaign, kind: .facebookPhoto, postKey: "x:7"))
            item.status = .cancelled
            try await store.update(item)
            #expect(try await !store.hasOutboxItem(campaignID: campaign, kind: .facebookPhoto, postKey: "x:7"))
            _ = try await store.enqueue(
                OutboxItem(campaignID: campaign, kind: .facebookPhoto, status: .dryRun, postKey: "x:7", payload: "{}", createdAt: at(2)))
            #expect(try await store.hasOutboxItem(campaignID: campaign, kind: .facebookPhoto, postKey: "x:7"))
        }
    }

    @Test func updatingAnItemThatIsNotStoredThrows() async throws {
        try await withStore { store in
            let ghost = OutboxItem(id: 42, campaignID: campaign, kind: .slack, status: .queued, payload: "{}", createdAt: at(1))
            await #expect(throws: SQLiteStoreError.outboxItemNotFound(id: 42)) { try await store.update(ghost) }
            let stored = try await store.outboxItem(id: 42)
            #expect(stored == nil)
        }
    }
}
