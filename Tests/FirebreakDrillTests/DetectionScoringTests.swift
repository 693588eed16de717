import Foundation
import Testing

@testable import FirebreakDrill

@Suite struct DetectionScoringTests {
    private let t0 = Date(timeIntervalSince1970: 1_400_000_000)
    private func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    /// One post a minute for three hours.
    private var posts: [Date] { (0..<180).map { at(Double($0)) } }

    @Test func delayIsFromTheOnsetToTheFirstAlertAtOrAfterIt() {
        let outcome = DetectionOutcome.score(alerts: [at(95.5), at(130)], onset: at(90), postTimes: posts)
        #expect(outcome.delayMinutes == 5.5)
        // Posts at 90, 91, ..., 95: six posts from the onset up to the alert.
        #expect(outcome.delayPosts == 6)
        #expect(outcome.falseAlerts == 0)
        #expect(!outcome.missed)
    }

    @Test func alertsBeforeTheOnsetAreFalseAndDoNotCount() {
        let outcome = DetectionOutcome.score(alerts: [at(100), at(20), at(45)], onset: at(90), postTimes: posts)
        #expect(outcome.falseAlerts == 2)
        #expect(outcome.delayMinutes == 10)
        #expect(outcome.delayPosts == 11)
        #expect(outcome.alerts == [at(20), at(45), at(100)])
    }

    @Test func anAlertOnTheOnsetPostItselfHasZeroDelayAndOnePost() {
        let outcome = DetectionOutcome.score(alerts: [at(90)], onset: at(90), postTimes: posts)
        #expect(outcome.delayMinutes == 0)
        #expect(outcome.delayPosts == 1)
    }

    @Test func noAlertAfterTheOnsetIsAMiss() {
        let outcome = DetectionOutcome.score(alerts: [at(30)], onset: at(90), postTimes: posts)
        #expect(outcome.missed)
        #expect(outcome.falseAlerts == 1)
        #expect(outcome.delayMinutes == nil)
        #expect(outcome.delayPosts == nil)
    }

    @Test func everyAlertOnABenignStreamIsFalseAndNothingIsMissed() {
        let outcome = DetectionOutcome.score(alerts: [at(30), at(150)], onset: nil, postTimes: posts)
        #expect(outcome.falseAlerts == 2)
        #expect(!outcome.missed)
        #expect(outcome.delayMinutes == nil)
        let quiet = DetectionOutcome.score(alerts: [], onset: nil, postTimes: posts)
        #expect(quiet.falseAlerts == 0 && !quiet.missed)
    }

    private func result(_ stream: String, _ detector: Detector, _ rate: Double, onset: Date?, alerts: [Date]) -> DetectionResult {
        DetectionResult(
            stream: stream, detector: detector, onset: onset, start: t0, rateClass: RateClass(postsPerHour: rate),
            postsPerHour: rate, outcome: .score(alerts: alerts, onset: onset, postTimes: posts))
    }

    @Test func tableTakesMediansPerRateClassAndCountsMissesAndFalseAlerts() {
        let evaluation = StreamEvaluation(
            stream: "all", posts: 180,
            results: [
                result("a", .firebreak, 2_000, onset: at(60), alerts: [at(62)]),
                result("b", .firebreak, 5_000, onset: at(60), alerts: [at(70)]),
                result("c", .firebreak, 1_500, onset: at(60), alerts: [at(64)]),
                result("d", .firebreak, 1_200, onset: at(60), alerts: [at(10)]),
                result("e", .firebreak, 100, onset: at(60), alerts: [at(72)]),
                result("f", .firebreak, 3_000, onset: nil, alerts: [at(100), at(120)]),
                result("a", .volumeRule, 2_000, onset: at(60), alerts: []),
            ],
            monitorAlerts: [], lexicon: nil)
        let table = DetectionTable(evaluations: [evaluation])
        // Caught at 2, 10 and 4 minutes; d is a miss, not a delay.
        #expect(table.medianDelay(.firebreak, .large) == 4)
        #expect(table.hijacks(.firebreak, .large) == (4, 1))
        #expect(table.medianDelay(.firebreak, .small) == 12)
        #expect(table.medianDelay(.firebreak, .medium) == nil)
        #expect(table.falseAlerts(.firebreak) == (benign: 2, early: 1))
        #expect(table.medianDelay(.volumeRule, .large) == nil)
        #expect(table.hijacks(.volumeRule, .large) == (1, 1))
        let text = table.text()
        #expect(text.contains("MISSED"))
        #expect(text.contains("FALSE ALARM"))
        #expect(text.contains("4.0 min (3/4 caught)"))
        let markdown = table.markdown()
        #expect(markdown.contains("| f | 3000 | benign | Firebreak (hijack alert) | – | – | 2 | FALSE ALARM | +100.0 +120.0 |"))
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(DetectionTable.median([4, 1, 3, 2]) == 2.5)
        #expect(DetectionTable.median([]) == nil)
    }

    @Test func rateClassBoundaries() {
        #expect(RateClass(postsPerHour: 1_000) == .large)
        #expect(RateClass(postsPerHour: 999) == .medium)
        #expect(RateClass(postsPerHour: 300) == .medium)
        #expect(RateClass(postsPerHour: 120) == .small)
    }

    @Test func minuteSeriesFillsEmptyMinutesAndKeepsTheLastPostTime() {
        let series = MinuteSeries(times: [at(0.5), at(0.2), at(3.1)], values: [1, 2, 3])
        #expect(series.minutes.map(\.posts) == [2, 0, 0, 1])
        #expect(series.minutes[0].sum == 3)
        #expect(series.minutes[0].lastPostAt == at(0.5))
        #expect(series.minutes[3].lastPostAt == at(3.1))
    }
}
