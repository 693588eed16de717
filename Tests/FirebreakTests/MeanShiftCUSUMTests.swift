import Foundation
import Testing

@testable import Firebreak

@Suite struct MeanShiftCUSUMTests {
    /// A baseline of `n` posts, `critical` of them at p = 0.6 and the rest at p = 0.1.
    private func baseline(posts n: Int, critical: Int, shift: Double = 0.07) -> MeanShiftCUSUM {
        let sum = 0.6 * Double(critical) + 0.1 * Double(n - critical)
        let squares = 0.36 * Double(critical) + 0.01 * Double(n - critical)
        return MeanShiftCUSUM(baseline: .init(posts: n, sum: sum, squares: squares), shift: shift)
    }

    @Test func baselineMeanAndVarianceComeFromTheSums() {
        let test = baseline(posts: 100, critical: 20)
        #expect(abs(test.mean0 - 0.2) < 1e-12)
        // E[p²] − mean² = (0.2 · 0.36 + 0.8 · 0.01) − 0.04 = 0.04.
        #expect(abs(test.variance0 - 0.04) < 1e-12)
        #expect(test.shift == 0.07)
    }

    @Test func aBaselineOfAlikePostsIsGivenTheVarianceFloor() {
        let test = MeanShiftCUSUM(baseline: .init(posts: 50, sum: 10, squares: 2), shift: 0.07)  // every post at 0.2
        #expect(abs(test.mean0 - 0.2) < 1e-12)
        #expect(test.variance0 == MeanShiftCUSUM.minimumVariance)
    }

    @Test func staysAtZeroOnBaselineLikeMinutes() {
        var test = baseline(posts: 100, critical: 20)
        for minute in 0..<600 {
            // 20 posts at the baseline mix, or one critical post fewer.
            let critical = minute % 3 == 0 ? 3 : 4
            test.add(minute: minute, .init(posts: 20, sum: 0.6 * Double(critical) + 0.1 * Double(20 - critical), squares: 0))
            #expect(test.statistic == 0)
            #expect(test.runStart == nil)
        }
    }

    @Test func crossesTheThresholdSoonAfterTheMeanRises() throws {
        var test = baseline(posts: 600, critical: 120)
        for minute in 0..<60 { test.add(minute: minute, .init(posts: 20, sum: 4 * 0.6 + 16 * 0.1, squares: 4 * 0.36 + 16 * 0.01)) }
        #expect(test.statistic == 0)
        var crossedAt: Int?
        // The mean moves from 0.2 to 0.3: 8 posts in 20 at 0.6 instead of 4.
        for minute in 60..<120 {
            let value = test.add(minute: minute, .init(posts: 20, sum: 8 * 0.6 + 12 * 0.1, squares: 8 * 0.36 + 12 * 0.01))
            if value >= 8, crossedAt == nil { crossedAt = minute }
        }
        let crossed = try #require(crossedAt)
        #expect(crossed - 60 <= 5)
        #expect(try #require(test.runStart) == 60)
        #expect(abs(test.runMean - 0.3) < 1e-9)
        // 1,200 posts at a variance of 0.06: the bound is 3 · √(0.06 / 1200) ≈ 0.021 below the mean.
        #expect(abs(test.runMeanLowerBound(z: 3) - (0.3 - 3 * (0.06 / 1200).squareRoot())) < 1e-9)
    }

    @Test func aShortRunOfAlikePostsIsNotTakenAsCertain() {
        var test = baseline(posts: 100, critical: 20)
        test.add(minute: 0, .init(posts: 4, sum: 4 * 0.95, squares: 4 * 0.95 * 0.95))
        #expect(test.statistic > 0)
        #expect(abs(test.runMean - 0.95) < 1e-12)
        // The run's own variance is zero; the baseline's (0.04) is used: 3 · √(0.04 / 4) = 0.3.
        #expect(abs(test.runMeanLowerBound(z: 3) - 0.65) < 1e-9)
        // Any posts' sums take the same bound: 100 posts at 0.5 with a spread of 0.09 (larger than the baseline's).
        let sums = MeanShiftCUSUM.Sums(posts: 100, sum: 50, squares: 100 * (0.25 + 0.09))
        #expect(abs(test.meanLowerBound(sums, z: 3) - (0.5 - 3 * 0.03)) < 1e-9)
        #expect(test.meanLowerBound(.init(), z: 3) == 0)
    }

    @Test func aRunEndsWhenTheStatisticFallsToZero() {
        var test = baseline(posts: 100, critical: 20)
        test.add(minute: 10, .init(posts: 5, sum: 3, squares: 1.8))
        #expect(test.runStart == 10)
        test.add(minute: 11, .init(posts: 100, sum: 10, squares: 1))
        #expect(test.statistic == 0)
        #expect(test.runStart == nil)
        #expect(test.runSums == MeanShiftCUSUM.Sums())
        #expect(test.runMeanLowerBound(z: 3) == 0)
    }

    @Test func emptyMinutesLeaveTheStatisticAlone() {
        var test = baseline(posts: 100, critical: 20)
        test.add(minute: 0, .init(posts: 5, sum: 3, squares: 1.8))
        let before = test.statistic
        test.add(minute: 1, .init(posts: 0, sum: 0, squares: 0))
        #expect(test.statistic == before)
        #expect(test.runSums.posts == 5)
    }

    @Test func rebasingKeepsTheRunAndTakesTheNewBaseline() {
        var test = baseline(posts: 100, critical: 20)
        test.add(minute: 0, .init(posts: 10, sum: 5, squares: 3))
        let rebased = test.rebased(on: .init(posts: 200, sum: 60, squares: 26))
        #expect(abs(rebased.mean0 - 0.3) < 1e-12)
        #expect(abs(rebased.variance0 - 0.04) < 1e-12)
        #expect(rebased.statistic == test.statistic)
        #expect(rebased.runStart == 0 && rebased.runSums == .init(posts: 10, sum: 5, squares: 3))
        #expect(rebased.shift == test.shift)
    }
}
