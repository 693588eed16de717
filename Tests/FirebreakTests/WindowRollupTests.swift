import FirebreakLanguage
import Foundation
import Testing

@testable import Firebreak

@Suite struct WindowRollupTests {
    private func minute(_ m: Int, posts: Int, critical: Int, authors: [String]) -> MinuteSummary {
        var sketch = SmallDistinctCounter()
        for a in authors { sketch.insert(hash: StableHash.fnv1a(a)) }
        return MinuteSummary(
            minute: m, posts: posts, critical: critical, criticalAuthors: authors.count, lastPostAt: at(minute: m), criticalExamples: ["c\(m)"],
            criticalAuthorSketch: sketch, sarcastic: m % 3, sumPCritical: Double(critical) * 0.8, originals: posts - 1, reposts: 1,
            withMedia: m % 2, newAuthors: m % 4, authorSketch: sketch)
    }

    @Test func totalsMatchTheLastMinutesWhateverTheLength() {
        var windows = MinuteWindows()
        var all: [MinuteSummary] = []
        for m in 0..<200 {
            let s = minute(m, posts: 10 + m % 7, critical: m % 5, authors: ["a\(m % 9)"])
            all.append(s)
            windows.close(s)
            for length in [5, 15, 60] {
                let rollup = windows.rollup(minutes: length)!
                let last = all.suffix(length)
                #expect(rollup.totals.posts == last.reduce(0) { $0 + $1.posts })
                #expect(rollup.totals.critical == last.reduce(0) { $0 + $1.critical })
                #expect(rollup.totals.sarcastic == last.reduce(0) { $0 + $1.sarcastic })
                #expect(rollup.totals.newAuthors == last.reduce(0) { $0 + $1.newAuthors })
                #expect(rollup.totals.withMedia == last.reduce(0) { $0 + $1.withMedia })
                #expect(abs(rollup.totals.sumPCritical - last.reduce(0) { $0 + $1.softCritical }) < 1e-6)
                #expect(rollup.totals.minutes == last.count)
                #expect(rollup.firstMinute == last.first?.minute)
                #expect(rollup.minutes.map(\.minute) == last.map(\.minute))
            }
        }
        #expect(windows.rollup(minutes: 7) == nil)
    }

    @Test func distinctAuthorsCountTheSameAuthorOnce() {
        var rollup = WindowRollup(length: 15)
        for m in 0..<15 { rollup.close(minute(m, posts: 3, critical: 3, authors: ["troll1", "troll2", "troll3"])) }
        #expect(rollup.distinctCriticalAuthors == 3)
        #expect(rollup.distinctAuthors == 3)
        for m in 15..<30 { rollup.close(minute(m, posts: 1, critical: 1, authors: ["crowd\(m)"])) }
        #expect(rollup.distinctCriticalAuthors == 15)
    }

    @Test func sinceAMinuteReadsOnlyTheMinutesFromIt() {
        var rollup = WindowRollup(length: 60)
        for m in 0..<90 { rollup.close(minute(m, posts: 10, critical: m >= 80 ? 4 : 1, authors: m >= 80 ? ["t\(m)", "u\(m)"] : ["crowd"])) }
        // The hour held is minutes 30-89; from 80 on, ten minutes of 4 critical posts by two new authors each.
        let run = rollup.since(80)
        #expect(run.totals.minutes == 10 && run.totals.posts == 100 && run.totals.critical == 40)
        #expect(abs(run.distinctCriticalAuthors - 20) <= 1)
        // Earlier than the oldest minute held: the whole window, where "crowd" counts once.
        let all = rollup.since(0)
        #expect(all.totals.minutes == 60 && all.totals.posts == rollup.totals.posts && all.totals.critical == rollup.totals.critical)
        #expect(all.distinctCriticalAuthors == rollup.distinctCriticalAuthors)
        #expect(abs(all.distinctCriticalAuthors - 21) <= 1)
    }

    @Test func withoutSketchesAuthorsAddUp() {
        var rollup = WindowRollup(length: 5)
        for m in 0..<5 {
            rollup.close(MinuteSummary(minute: m, posts: 5, critical: 2, criticalAuthors: 2, lastPostAt: at(minute: m), criticalExamples: []))
        }
        #expect(rollup.distinctCriticalAuthors == 10)
        #expect(rollup.distinctAuthors == nil)
    }

    @Test func sharesAreOverPosts() {
        var rollup = WindowRollup(length: 5)
        rollup.close(minute(1, posts: 10, critical: 4, authors: ["a"]))
        #expect(abs(rollup.totals.criticalShare - 0.4) < 1e-12)
        #expect(abs(rollup.totals.meanPCritical - 0.32) < 1e-12)
        #expect(abs(rollup.totals.mediaShare - 0.1) < 1e-12)
        #expect(WindowTotals().criticalShare == 0)
    }

    @Test func aSummaryOfAnAbsentBucketIsAnEmptyMinute() {
        let empty = MinuteSummary(minute: launchMinute, bucket: nil, newAuthors: 0)
        #expect(empty.posts == 0 && empty.softCritical == 0)
        #expect(empty.lastPostAt == at(minute: 0, second: 59))
    }
}
