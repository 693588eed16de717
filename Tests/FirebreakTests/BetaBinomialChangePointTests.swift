import Foundation
import Testing

@testable import Firebreak

@Suite struct BetaBinomialChangePointTests {
    @Test func aSteadyShareKeepsTheMassOnLongRuns() {
        var detector = BetaBinomialChangePoint(baselineShare: 0.15)
        for minute in 0..<300 { detector.add(minute: minute, critical: minute % 3 == 0 ? 4 : 3, total: 25) }
        #expect(detector.changeProbability(within: 30) < 0.2)
        #expect((detector.mapRunLength ?? 0) > 30)
        #expect(abs((detector.mapShare ?? 0) - 0.1467) < 0.03)
    }

    @Test func aJumpIsFoundWithItsOnset() throws {
        var detector = BetaBinomialChangePoint(baselineShare: 0.15)
        for minute in 0..<120 { detector.add(minute: minute, critical: 3, total: 20) }
        var firedAt: Int?
        for minute in 120..<140 {
            detector.add(minute: minute, critical: 9, total: 20)
            if firedAt == nil, detector.changeProbability(within: 30) >= 0.95 { firedAt = minute }
        }
        let fired = try #require(firedAt)
        #expect(fired - 120 <= 3)
        #expect(detector.onset == 120)
        #expect(try #require(detector.mapShare) > 0.35)
        #expect(try #require(detector.longestRunShare) < 0.25)
    }

    @Test func memoryIsBoundedByTheLongestRunKept() {
        var detector = BetaBinomialChangePoint(baselineShare: 0.15, maxRunLength: 50)
        for minute in 0..<2_000 { detector.add(minute: minute, critical: 3, total: 20) }
        // The posterior sums to one over at most 50 run lengths.
        #expect(abs(detector.changeProbability(within: Int.max) - 1) < 1e-9)
        #expect((detector.mapRunLength ?? 0) >= 50)
        #expect(detector.changeProbability(within: 49) < 0.5)
    }

    @Test func busyMinutesAreTempered() {
        // 10,000 posts in a minute weigh as `effectiveCap`: a share of 17 % against 15 % is not a change.
        var detector = BetaBinomialChangePoint(baselineShare: 0.15)
        for minute in 0..<60 { detector.add(minute: minute, critical: 1_500, total: 10_000) }
        for minute in 60..<70 { detector.add(minute: minute, critical: 1_700, total: 10_000) }
        #expect(detector.changeProbability(within: 30) < 0.5)
    }

    @Test func emptyMinutesCarryNoEvidence() {
        var detector = BetaBinomialChangePoint(baselineShare: 0.15)
        for minute in 0..<60 { detector.add(minute: minute, critical: 3, total: 20) }
        let before = detector.changeProbability(within: 30)
        for minute in 60..<70 { detector.add(minute: minute, critical: 0, total: 0) }
        #expect(detector.changeProbability(within: 30) <= before + 0.1)
        #expect(detector.lastMinute == 69)
    }

    @Test func thePredictiveIsABetaBinomial() {
        // P(k = 1 of 2 | Beta(1, 1)) = 1/3, and the coefficient C(2,1) = 2 is left out.
        let value = BetaBinomialChangePoint.logPredictive(k: 1, n: 2, alpha: 1, beta: 1)
        #expect(abs(exp(value) * 2 - 1.0 / 3) < 1e-12)
    }
}
