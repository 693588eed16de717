import Foundation
import Testing

@testable import Firebreak

@Suite struct CompositionCUSUMTests {
    @Test func alternativeIsAboveTheBaselineAndClamped() {
        let ten = CompositionCUSUM(baselineShare: 0.1)
        #expect(ten.p0 == 0.1)
        #expect(abs(ten.p1 - 0.3) < 1e-12)
        let zero = CompositionCUSUM(baselineShare: 0)
        #expect(zero.p0 == 0.02)
        #expect(abs(zero.p1 - 0.22) < 1e-12)
        let high = CompositionCUSUM(baselineShare: 0.9)
        #expect(high.p0 == 0.6)
        #expect(high.p1 == 0.95)
        let forty = CompositionCUSUM(baselineShare: 0.4)
        #expect(forty.p1 == 0.95)  // 2.5 × 0.4 = 1.0, capped
        #expect(high.p1 > high.p0 && zero.p1 > zero.p0)
    }

    @Test func staysAtZeroOnBaselineLikeMinutes() {
        var test = CompositionCUSUM(baselineShare: 0.1)
        for minute in 0..<600 {
            // Exactly 10 %, and a little less.
            test.add(minute: minute, critical: minute % 3 == 0 ? 1 : 2, total: 20)
            #expect(test.statistic == 0)
            #expect(test.runStart == nil)
        }
    }

    @Test func crossesTheThresholdSoonAfterTheShareJumps() throws {
        var test = CompositionCUSUM(baselineShare: 0.1)
        for minute in 0..<60 { test.add(minute: minute, critical: 2, total: 20) }
        #expect(test.statistic == 0)
        var crossedAt: Int?
        for minute in 60..<90 {
            let value = test.add(minute: minute, critical: 12, total: 20)
            if value >= 8, crossedAt == nil { crossedAt = minute }
        }
        let crossed = try #require(crossedAt)
        #expect(crossed - 60 <= 3)
        let start = try #require(test.runStart)
        #expect(abs(start - 60) <= 1)
    }

    @Test func runStartIsTheFirstMinuteOfTheCurrentRun() {
        var test = CompositionCUSUM(baselineShare: 0.1)
        test.add(minute: 10, critical: 5, total: 20)  // a blip above zero
        #expect(test.statistic > 0)
        #expect(test.runStart == 10)
        test.add(minute: 11, critical: 0, total: 100)  // back to zero
        #expect(test.statistic == 0)
        #expect(test.runStart == nil)
        test.add(minute: 12, critical: 10, total: 20)
        test.add(minute: 13, critical: 10, total: 20)
        #expect(test.runStart == 12)
    }

    @Test func emptyMinutesLeaveTheStatisticAlone() {
        var test = CompositionCUSUM(baselineShare: 0.1)
        test.add(minute: 0, critical: 10, total: 20)
        let before = test.statistic
        test.add(minute: 1, critical: 0, total: 0)
        #expect(test.statistic == before)
        #expect(test.runStart == 0)
    }

    @Test func statisticIsTheLogLikelihoodRatio() {
        var test = CompositionCUSUM(baselineShare: 0.1)
        let value = test.add(minute: 0, critical: 6, total: 10)
        let expected = 6 * log(0.3 / 0.1) + 4 * log(0.7 / 0.9)
        #expect(abs(value - expected) < 1e-9)
    }

    @Test func resetStartsAgain() {
        var test = CompositionCUSUM(baselineShare: 0.1)
        test.add(minute: 0, critical: 20, total: 20)
        test.reset()
        #expect(test.statistic == 0)
        #expect(test.runStart == nil)
    }
}

@Suite struct CompositionCUSUMRunShareTests {
    @Test func runShareCountsOnlyTheCurrentRun() {
        var test = CompositionCUSUM(baselineShare: 0.1)
        test.add(minute: 0, critical: 1, total: 50)
        #expect(test.runShare == 0)
        test.add(minute: 1, critical: 6, total: 10)
        test.add(minute: 2, critical: 4, total: 10)
        #expect(abs(test.runShare - 0.5) < 1e-12)
        test.reset()
        #expect(test.runShare == 0 && test.runTotal == 0)
    }

    @Test func theRunsLowerBoundIsZBinomialStandardErrorsBelowItsShare() {
        var test = CompositionCUSUM(baselineShare: 0.1)
        test.add(minute: 0, critical: 50, total: 100)
        // 0.5 − 3 · √(0.25 / 100) = 0.35, whether read from the run or from any counts.
        #expect(abs(test.runShareLowerBound(z: 3) - 0.35) < 1e-12)
        #expect(abs(CompositionCUSUM.shareLowerBound(critical: 50, total: 100, z: 3) - 0.35) < 1e-12)
        #expect(CompositionCUSUM.shareLowerBound(critical: 0, total: 0, z: 3) == 0)
        // The same share from four times the posts is twice as sure.
        #expect(abs(CompositionCUSUM.shareLowerBound(critical: 200, total: 400, z: 3) - 0.425) < 1e-12)
    }
}
