import Foundation
import Testing

@testable import FirebreakDrill

@Suite struct BaselineRuleTests {
    private let t0 = Date(timeIntervalSince1970: 1_500_000_000 - 1_500_000_000.truncatingRemainder(dividingBy: 60))

    /// `perMinute` posts in every minute of `[from, to)` (minutes from t0), evenly spaced.
    private func posts(_ perMinute: Int, from: Int, to: Int) -> [Date] {
        (from..<to).flatMap { minute in
            (0..<perMinute).map { t0.addingTimeInterval(Double(minute * 60) + Double($0) * 60 / Double(perMinute)) }
        }
    }

    @Test func aMinuteSeriesKeepsADayOfAQuietSpellAndNoMore() {
        // Two busy minutes, a post three days later and one dated in the year 9000.
        let far = Date(timeIntervalSince1970: 221_845_392_000)
        let times = posts(2, from: 0, to: 2) + [t0.addingTimeInterval(3 * 86_400 + 30), far]
        let series = MinuteSeries(times: times)
        let first = MinuteSeries.minute(of: t0)
        #expect(series.minutes.count == 2 + 1440 + 1 + 1440 + 1)
        #expect(series.minutes.map(\.posts).reduce(0, +) == times.count)
        #expect(series.minutes.map(\.index) == series.minutes.map(\.index).sorted())
        #expect(series.minutes[2 + 1440].index == first + 3 * 1440)
        #expect(series.minutes[2 + 1440].posts == 1)
        #expect(series.minutes.last?.index == MinuteSeries.minute(of: far))
        // Spells of up to a day are kept whole: every minute from the first post to the last.
        let dense = MinuteSeries(times: posts(1, from: 0, to: 1) + posts(1, from: 1441, to: 1442))
        #expect(dense.minutes.map(\.index) == Array(first...(first + 1441)))
    }

    @Test func volumeRuleFiresWhenTheLastHourTriplesTheHistory() throws {
        let times = posts(1, from: 0, to: 180) + posts(5, from: 180, to: 240)
        let alerts = VolumeRule().alerts(in: MinuteSeries(times: times))
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        // History 60/h; the window reaches 180 posts (3x) once it holds 30 busy minutes: 30 + 30*5 = 180.
        #expect(alert > t0.addingTimeInterval(205 * 60) && alert < t0.addingTimeInterval(211 * 60), "\(alert.timeIntervalSince(t0) / 60)")
    }

    @Test func volumeRuleIsQuietOnASteadyStreamAndBeforeItHasHistory() {
        #expect(VolumeRule().alerts(in: MinuteSeries(times: posts(5, from: 0, to: 600))).isEmpty)
        // A launch from nothing: no baseline hour yet, so no alert in the first two hours.
        let launch = posts(10, from: 0, to: 119)
        #expect(VolumeRule().alerts(in: MinuteSeries(times: launch)).isEmpty)
    }

    @Test func volumeRuleNeedsTheMinimumPosts() {
        // Ratio 5 on tiny numbers: 1 post every 10 minutes, then 1 every 2 minutes (30 < 50 posts an hour).
        let quiet =
            (0..<18).map { t0.addingTimeInterval(Double($0) * 600) }
            + (0..<30).map { t0.addingTimeInterval(10_800 + Double($0) * 120) }
        #expect(VolumeRule().alerts(in: MinuteSeries(times: quiet)).isEmpty)
        var rule = VolumeRule()
        rule.minimumPosts = 10
        // Once, although the sparse count dips under 3x and back as posts leave the window: re-arming needs < 2x.
        #expect(rule.alerts(in: MinuteSeries(times: quiet)).count == 1)
        rule.rearmRatio = 3
        #expect(rule.alerts(in: MinuteSeries(times: quiet)).count > 1)
    }

    @Test func volumeRuleRearmsAfterTheRatioFalls() {
        let times =
            posts(1, from: 0, to: 180) + posts(6, from: 180, to: 240) + posts(1, from: 240, to: 900)
            + posts(12, from: 900, to: 960)
        #expect(VolumeRule().alerts(in: MinuteSeries(times: times)).count == 2)
    }

    /// Times with their sentiment scores.
    private func scored(_ perMinute: Int, _ score: Double, from: Int, to: Int) -> [(Date, Double)] {
        posts(perMinute, from: from, to: to).map { ($0, score) }
    }

    private func sentimentAlerts(_ items: [(Date, Double)], rule: SentimentRule = SentimentRule()) -> [Date] {
        rule.alerts(in: MinuteSeries(times: items.map(\.0), values: items.map(\.1)))
    }

    @Test func sentimentRuleFiresWhenTheMeanTurnsNegative() throws {
        let items = scored(4, 0.3, from: 0, to: 60) + scored(4, -0.6, from: 60, to: 90)
        let alerts = sentimentAlerts(items)
        #expect(alerts.count == 1)
        // The 15-minute mean crosses -0.05 once negative posts outnumber positive ones 0.35:0.65 by weight:
        // after about 6 negative minutes of 15.
        let minute = try #require(alerts.first).timeIntervalSince(t0) / 60
        #expect((64...68).contains(minute), "\(minute)")
    }

    @Test func sentimentRuleMissesSarcasmThatReadsAsPraise() {
        // A hijack carried by sarcasm: the lexicon scores the posts positive, so the mean never drops.
        let items = scored(4, 0.3, from: 0, to: 60) + scored(4, 0.45, from: 60, to: 120)
        #expect(sentimentAlerts(items).isEmpty)
        let lexicon = SentimentRule.score(
            pSentiment: LexiconProbe.pSentiment("So nice of them to help this old man lie down. Great campaign, love it"))
        #expect(lexicon > 0.5)
    }

    @Test func sentimentRuleNeedsEnoughPostsAndRearms() {
        // Two posts a minute for 5 minutes: under the 20-post minimum, whatever their score.
        #expect(sentimentAlerts(scored(2, -1, from: 0, to: 5)).isEmpty)
        let items = scored(4, -0.5, from: 0, to: 20) + scored(4, 0.5, from: 20, to: 50) + scored(4, -0.5, from: 50, to: 80)
        #expect(sentimentAlerts(items).count == 2)
    }

    @Test func scoreIsPositiveMinusNegative() {
        #expect(SentimentRule.score(pSentiment: [0.7, 0.2, 0.1]) == 0.1 - 0.7)
        #expect(SentimentRule.score(pSentiment: []) == 0)
    }
}
