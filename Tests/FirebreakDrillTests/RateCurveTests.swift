import Testing

@testable import FirebreakDrill

@Suite struct RateCurveTests {
    @Test func constantRateIntegratesToItsHourlyCount() {
        let curve = RateCurve.constant(120)
        #expect(abs(curve.expectedPosts(fromMinute: 0, toMinute: 30) - 60) < 1e-9)
    }

    @Test func linearAndExponentialInterpolation() {
        let linear = RateCurve([(0, 100), (10, 300)])
        #expect(abs(linear.perHour(atMinute: 5) - 200) < 1e-9)
        #expect(linear.perHour(atMinute: -3) == 100)
        #expect(linear.perHour(atMinute: 99) == 300)
        let exponential = RateCurve([(0, 100), (10, 400)], interpolation: .exponential)
        #expect(abs(exponential.perHour(atMinute: 5) - 200) < 1e-9)
    }

    @Test func blendedMixMovesBetweenItsEnds() {
        let start = PostMix(voices: [.supportivePhoto: 1], repostShare: 0.2, replyShare: 0, quoteShare: 0)
        let end = PostMix(voices: [.critical: 1], repostShare: 0.6, replyShare: 0, quoteShare: 0)
        let middle = start.blended(toward: end, fraction: 0.5)
        #expect(abs(middle.criticalShare - 0.5) < 1e-9)
        #expect(abs(middle.repostShare - 0.4) < 1e-9)
    }
}
