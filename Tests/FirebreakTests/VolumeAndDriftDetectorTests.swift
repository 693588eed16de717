import Foundation
import Testing

@testable import Firebreak

@Suite struct PoissonCUSUMTests {
    @Test func staysAtZeroAtTheBaselineRate() {
        var test = PoissonCUSUM(baselineRate: 20)
        for minute in 0..<600 { test.add(minute: minute, posts: 20 + (minute % 5) - 2) }
        #expect(test.statistic < 10)
    }

    @Test func firesSoonAfterTheRateTriples() throws {
        var test = PoissonCUSUM(baselineRate: 20)
        for minute in 0..<60 { test.add(minute: minute, posts: 20) }
        var firedAt: Int?
        for minute in 60..<80 where test.add(minute: minute, posts: 60) >= 10 && firedAt == nil { firedAt = minute }
        #expect(try #require(firedAt) - 60 <= 2)
        #expect(test.runStart == 60)
        test.reset()
        #expect(test.statistic == 0 && test.runStart == nil)
    }

    @Test func statisticIsTheLogLikelihoodRatio() {
        var test = PoissonCUSUM(baselineRate: 10, ratio: 3)
        let value = test.add(minute: 0, posts: 40)
        #expect(abs(value - (40 * log(3.0) - 20)) < 1e-9)
    }
}

@Suite struct ShareEWMATests {
    @Test func theBaselineStaysInsideTheLimit() {
        var ewma = ShareEWMA(baselineShare: 0.15)
        for minute in 0..<600 {
            ewma.add(minute: minute, critical: minute % 2 == 0 ? 2 : 4, total: 20)
            #expect(!ewma.isAboveLimit)
        }
    }

    @Test func aSlowRampCrossesTheLimit() throws {
        var ewma = ShareEWMA(baselineShare: 0.15)
        var crossedAt: Int?
        for minute in 0..<300 {
            let share = 0.15 + 0.001 * Double(minute)  // +6 points an hour
            ewma.add(minute: minute, critical: 20 * share, total: 20)
            if crossedAt == nil, ewma.isAboveLimit { crossedAt = minute }
        }
        let crossed = try #require(crossedAt)
        #expect(crossed > 60 && crossed < 200)
        #expect(try #require(ewma.excursionStart) < crossed)
    }

    @Test func aBusyCampaignNeedsTheMinimumShift() {
        var ewma = ShareEWMA(baselineShare: 0.15, minimumShift: 0.08)
        for minute in 0..<300 { ewma.add(minute: minute, critical: 1_900, total: 10_000) }  // 19 %, a wobble
        #expect(!ewma.isAboveLimit)
        for minute in 300..<600 { ewma.add(minute: minute, critical: 2_600, total: 10_000) }  // 26 %
        #expect(ewma.isAboveLimit)
    }
}

@Suite struct NewAuthorSurgeTests {
    @Test func needsAFullReferenceHour() {
        var surge = NewAuthorSurge()
        for _ in 0..<30 {
            let fired = surge.add(newAuthors: 100)
            #expect(!fired)
        }
    }

    @Test func aJumpOverTheReferenceRateIsASurge() {
        var surge = NewAuthorSurge(shortMinutes: 5, referenceMinutes: 60, ratio: 4, floor: 30)
        for _ in 0..<65 {
            let fired = surge.add(newAuthors: 3)
            #expect(!fired)
        }
        #expect(abs(surge.expected - 15) < 1e-9)
        var fired = false
        for _ in 0..<5 { fired = surge.add(newAuthors: 20) || fired }
        #expect(fired)
        #expect(surge.recent == 100)
    }

    @Test func aSteadyStreamOfNewcomersIsNot() {
        var surge = NewAuthorSurge()
        for minute in 0..<600 {
            let fired = surge.add(newAuthors: 40 + minute % 7)
            #expect(!fired)
        }
    }
}
