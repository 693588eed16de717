import Firebreak
import Foundation
import Testing

@testable import FirebreakDrill

@Suite struct DetectionHarnessTests {
    @Test func harnessScoresEveryDetectorAgainstTheStreamsTruth() async throws {
        let scenario = try #require(try ScenarioLibrary.scenario(named: "small-campaign-hijack"))
        let stream = EvaluationStream(scenario: scenario)
        let evaluation = try await DetectionHarness(assessor: LexiconAssessor(), parallelism: 2).evaluate(stream)
        #expect(evaluation.results.map(\.detector) == [.firebreak, .volumeRule, .sentimentRule])
        #expect(evaluation.posts == stream.posts.count)
        for result in evaluation.results {
            #expect(result.onset == scenario.onset)
            #expect(result.rateClass == .small)
            #expect(result.start == stream.posts.first?.createdAt)
        }
        // The baselines' outcomes are the rules applied to the stream's own posts.
        let times = stream.times
        let volume = VolumeRule().alerts(in: MinuteSeries(times: times))
        #expect(evaluation.results[1].outcome == .score(alerts: volume, onset: scenario.onset, postTimes: times))
        let lexicon = LexiconAssessor()
        let scores = stream.posts.map { SentimentRule.score(pSentiment: lexicon.assess($0, in: scenario.campaign).pSentiment) }
        let sentiment = SentimentRule().alerts(in: MinuteSeries(times: times, values: scores))
        #expect(evaluation.results[2].outcome == .score(alerts: sentiment, onset: scenario.onset, postTimes: times))
        // Generated streams carry the truth behind the sarcasm and stance tables.
        let reading = try #require(evaluation.assessorReading)
        #expect(reading.critical == zip(stream.posts, stream.voices!).filter { $0.1.stance == .critical }.count)
        let breakdown = try #require(evaluation.lexicon)
        #expect(breakdown.sarcasticShare > 0.1)
        #expect((breakdown.sarcasticMean ?? 0) > 0, "the lexicon reads sarcasm as praise")
    }

    @Test func streamsAreSortedByTimeWithTheirVoices() {
        let t0 = Date(timeIntervalSince1970: 1_400_000_000)
        let author = Author(id: "1", handle: "a")
        let late = Post(platform: .x, nativeID: "2", author: author, createdAt: t0.addingTimeInterval(60), text: "late")
        let early = Post(platform: .x, nativeID: "1", author: author, createdAt: t0, text: "early")
        let stream = EvaluationStream(
            name: "s", campaign: Campaign(name: "c", hashtags: ["#c"]), posts: [late, early], onset: nil,
            voices: [.critical, .supportive])
        #expect(stream.posts.map(\.nativeID) == ["1", "2"])
        #expect(stream.voices == [.supportive, .critical])
        #expect(stream.isBenign)
    }

    @Test func assessorReadingCountsRecallAndFalseCriticals() {
        let reading = AssessorReading(
            truth: [.critical, .critical, .critical, .critical, .supportive, .neutral],
            assessed: [.critical, .critical, .neutral, nil, .critical, .neutral])
        #expect(reading.critical == 3)
        #expect(abs(reading.criticalRecall - 2.0 / 3) < 1e-12)
        #expect(reading.falseCriticalRate == 0.5)
    }
}
