import Foundation
import Testing

@testable import Firebreak

/// A batch of records, each either some posts or a rejection; decoding can be slowed down to shuffle completion order.
private struct TestBatch: DecodableBatch {
    var outcomes: [RecordOutcome]
    var delayMicroseconds: UInt32 = 0
    var recordCount: Int { outcomes.count }
    var inputErrors: [Rejection] = []
    var bytesConsumed = 0
    func decode() -> [RecordOutcome] {
        if delayMicroseconds > 0 { usleep(delayMicroseconds) }
        return outcomes
    }
}

private struct Batches: AsyncSequence, Sendable {
    typealias Element = TestBatch
    var batches: [TestBatch]
    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: [TestBatch]
        mutating func next() async throws -> TestBatch? { remaining.isEmpty ? nil : remaining.removeFirst() }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: batches) }
}

private struct Failing: AsyncSequence, Sendable {
    typealias Element = TestBatch
    struct Boom: Error {}
    struct AsyncIterator: AsyncIteratorProtocol {
        var sent = false
        mutating func next() async throws -> TestBatch? {
            if sent { throw Boom() }
            sent = true
            return TestBatch(outcomes: [.posts([makePost("1", text: "great")])])
        }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator() }
}

/// An assessor that marks every post critical when its text says so, to see which posts were assessed.
private struct ByText: Assessor {
    func assess(_ post: Post, in campaign: Campaign) -> Assessment {
        makeAssessment(post.text.contains("bad") ? .critical : .supportive)
    }
}

@Suite struct AssessmentPipelineTests {
    private func batches(_ count: Int, perBatch: Int = 5) -> [TestBatch] {
        (0..<count).map { b in
            var outcomes: [RecordOutcome] = (0..<perBatch).map { i in .posts([makePost("\(b * perBatch + i)", text: i.isMultiple(of: 2) ? "bad" : "good")]) }
            outcomes.append(.rejected(Rejection(file: "f.jsonl", record: b * 100, reason: "invalid JSON")))
            // Early batches are slow, so later ones finish first.
            return TestBatch(outcomes: outcomes, delayMicroseconds: UInt32((count - b) * 2_000), bytesConsumed: b * 10)
        }
    }

    @Test func keepsInputOrderAcrossParallelBatches() async throws {
        let pipeline = AssessmentPipeline(campaign: myNYPD(), assessor: ByText(), parallelism: 4)
        var ids: [String] = []
        var rejections: [Rejection] = []
        var bytes: [Int] = []
        var records = 0
        for try await processed in pipeline.run(Batches(batches: batches(25))) {
            ids += processed.assessed.map(\.post.nativeID)
            rejections += processed.rejections
            bytes.append(processed.bytesConsumed)
            records += processed.records
            // A slow consumer, so the stream's buffer fills up.
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        #expect(ids == (0..<125).map(String.init))
        #expect(rejections.map(\.record) == (0..<25).map { $0 * 100 })
        #expect(bytes == (0..<25).map { $0 * 10 })
        #expect(records == 25 * 6)
    }

    @Test func carriedPostsAreAssessedAfterTheirCarrier() {
        let original = makePost("orig", author: "victim", text: "bad things happened")
        let repost = makePost("rt", author: "fan", text: "RT bad things happened", kind: .repost, repostedID: "orig", carried: [original])
        let batch = TestBatch(outcomes: [.posts([repost]), .posts([]), .posts([makePost("x", text: "good")])], inputErrors: [Rejection(file: "missing.json", record: 0, reason: "cannot open")])
        let processed = AssessmentPipeline(campaign: myNYPD(), assessor: ByText()).process(batch)
        #expect(processed.assessed.map(\.post.nativeID) == ["rt", "orig", "x"])
        #expect(processed.assessed.map(\.assessment.stance) == [.critical, .critical, .supportive])
        #expect(processed.records == 3)
        #expect(processed.inputErrors.map(\.file) == ["missing.json"])
        #expect(processed.rejections.isEmpty)
    }

    @Test func emptySourceFinishes() async throws {
        var count = 0
        for try await _ in AssessmentPipeline(campaign: myNYPD(), assessor: ByText()).run(Batches(batches: [])) { count += 1 }
        #expect(count == 0)
    }

    @Test func sourceErrorsEndTheStream() async {
        let pipeline = AssessmentPipeline(campaign: myNYPD(), assessor: ByText(), parallelism: 2)
        await #expect(throws: Failing.Boom.self) {
            for try await _ in pipeline.run(Failing()) {}
        }
    }

    @Test func parallelismIsAtLeastOne() {
        #expect(AssessmentPipeline(campaign: myNYPD(), assessor: ByText(), parallelism: 0).parallelism == 1)
    }

    @Test func withLexiconAssessor() async throws {
        let pipeline = AssessmentPipeline(campaign: myNYPD(), assessor: LexiconAssessor(), parallelism: 3)
        var stances: [Stance] = []
        let source = Batches(batches: [
            TestBatch(outcomes: [.posts([makePost("1", text: "Thanks, great officers #myNYPD")])]),
            TestBatch(outcomes: [.posts([makePost("2", text: "Man beaten by police #myNYPD")])]),
        ])
        for try await batch in pipeline.run(source) { stances += batch.assessed.map(\.assessment.stance) }
        #expect(stances == [.supportive, .critical])
    }
}
