import FirebreakLanguage
import Foundation
import Testing

@testable import Firebreak

/// The mean p_critical test inside the monitor: a turn that the labels under-read but the probabilities show.
@Suite struct HealthMonitorMeanShiftTests {
    /// One minute of `posts` posts: each critical with probability `criticalShare` (p_critical 0.55–0.95), otherwise
    /// supportive or neutral with p_critical drawn around `otherMean` (±0.1). Critical authors are new each time.
    private static func minute(
        _ minute: Int, posts: Int, criticalShare: Double, otherMean: Double, random: inout SeededRandom, author: inout Int
    ) -> HealthMonitor.MinuteFigures {
        var critical = 0
        var supportive = 0
        var sum = 0.0
        var squares = 0.0
        var authors: [String] = []
        for _ in 0..<posts {
            let p: Double
            if Double.random(in: 0..<1, using: &random) < criticalShare {
                critical += 1
                author += 1
                authors.append("critic\(author)")
                p = Double.random(in: 0.55...0.95, using: &random)
            } else {
                if Bool.random(using: &random) { supportive += 1 }
                p = min(max(otherMean + Double.random(in: -0.1...0.1, using: &random), 0), 0.5)
            }
            sum += p
            squares += p * p
        }
        var sketch = SmallDistinctCounter()
        for a in authors { sketch.insert(hash: StableHash.fnv1a(a)) }
        return HealthMonitor.MinuteFigures(
            minute: minute, posts: posts, critical: critical, criticalAuthors: authors.count,
            lastPostAt: Date(timeIntervalSince1970: TimeInterval(minute * 60 + 57)),
            criticalExamples: critical > 0 ? ["c\(minute)"] : [], criticalAuthorSketch: sketch, supportive: supportive,
            neutral: posts - critical - supportive, sumPCritical: sum, sumPCriticalSquares: squares,
            criticalAuthorHashes: authors.map { StableHash.fnv1a($0) })
    }

    /// Runs 90 minutes at the baseline mix, then `turnMinutes` of the turned mix (17 posts a minute, about 1,000 an
    /// hour); returns the minute of the first hijack alert counted from the turn, if any.
    private static func firstHijack(
        meanShiftTest: Bool, turned: (share: Double, otherMean: Double), turnMinutes: Int = 60, seed: UInt64
    ) -> Int? {
        var configuration = MonitorConfiguration()
        configuration.meanShiftTest = meanShiftTest
        // Only the label CUSUM and the mean test read composition here: the change-point detector, which also reads
        // the probabilities, and the balance of opinion are off, so each run shows what its own test sees.
        configuration.changePointProbability = 2
        configuration.opinionatedFloor = .max
        var monitor = HealthMonitor(start: launch, configuration: configuration)
        var random = SeededRandom(seed: seed)
        var author = 0
        for m in 0..<90 {
            monitor.close(minute(launchMinute + m, posts: 17, criticalShare: 0.15, otherMean: 0.15, random: &random, author: &author))
        }
        for m in 0..<turnMinutes {
            let figures = minute(
                launchMinute + 90 + m, posts: 17, criticalShare: turned.share, otherMean: turned.otherMean, random: &random,
                author: &author)
            if monitor.close(figures) == .hijacked { return m }
        }
        return nil
    }

    @Test func aTurnTheLabelsUnderReadIsCaughtSoonerByTheMeanOfTheProbabilities() throws {
        // The critical labels go from 15 % to 28 %, and the rest of the posts lean further towards critical
        // (p_critical 0.15 → 0.3): the share of labels alone needs long to clear its guards.
        for seed: UInt64 in [1, 2, 3] {
            let with = try #require(Self.firstHijack(meanShiftTest: true, turned: (0.28, 0.3), seed: seed))
            let without = Self.firstHijack(meanShiftTest: false, turned: (0.28, 0.3), seed: seed)
            #expect(with <= 15)
            #expect(with < (without ?? .max))
        }
    }

    @Test func aCampaignThatKeepsItsMixRaisesNoHijack() {
        // Six hours at the baseline mix, probabilities and all.
        for seed: UInt64 in [4, 5, 6] {
            #expect(Self.firstHijack(meanShiftTest: true, turned: (0.15, 0.15), turnMinutes: 360, seed: seed) == nil)
        }
    }
}
