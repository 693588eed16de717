import Foundation
import Testing

@testable import Firebreak

@Suite struct AccountRepeatCapTests {
    /// A minute with the given critical authors (repeats allowed), `extra` non-critical posts and p_critical 0.8 each.
    private func minute(_ m: Int, critical authors: [String], extra: Int = 10) -> MinuteSummary {
        var f = figures(minute: m, posts: authors.count + extra, critical: authors.count, criticalAuthors: authors)
        f.sumPCritical = 0.8 * Double(authors.count)
        f.sumPCriticalSquares = 0.64 * Double(authors.count)
        return f
    }

    @Test func anAccountCountsUpToTheCapWithinTheWindow() {
        var cap = AccountRepeatCap(cap: 3, minutes: 15)
        // Two posts a minute from one account: the first minute holds two, the second one more, then none.
        let first = cap.admit(minute(0, critical: ["troll", "troll"]))
        #expect(first.critical == 2 && first.posts == 12)
        let second = cap.admit(minute(1, critical: ["troll", "troll"]))
        #expect(second.critical == 1 && second.posts == 11)
        #expect(abs((second.sumPCritical ?? 0) - 0.8) < 1e-9)
        #expect(abs((second.sumPCriticalSquares ?? 0) - 0.64) < 1e-9)
        for m in 2..<15 {
            let later = cap.admit(minute(m, critical: ["troll", "troll"]))
            #expect(later.critical == 0 && later.posts == 10)
        }
        #expect(cap.leftOut == 27)
        // Minutes 0 and 1 fall out of the window: the account's count drops from 30 to 26, still over the cap.
        #expect(cap.admit(minute(15, critical: ["troll"])).critical == 0)
    }

    @Test func theCapResetsOnceTheAccountsPostsLeaveTheWindow() {
        var cap = AccountRepeatCap(cap: 2, minutes: 5)
        #expect(cap.admit(minute(0, critical: ["a", "a", "a"])).critical == 2)
        for m in 1..<5 { #expect(cap.admit(minute(m, critical: [])).critical == 0) }
        #expect(cap.leftOut == 1)
        // Minute 0 has fallen out: the account starts again, and what was left out is no longer in the window.
        #expect(cap.admit(minute(5, critical: ["a", "a", "a"])).critical == 2)
        #expect(cap.leftOut == 1)
        #expect(cap.admit(minute(6, critical: [])).critical == 0)
    }

    @Test func aCrowdIsNeverCappedAndAnAccountInItIs() {
        // 100 new people a minute for an hour (enough departed authors to compact the table several times) and one
        // account posting twice a minute: the crowd counts in full, the account once per five minutes.
        var cap = AccountRepeatCap(cap: 1, minutes: 5)
        for m in 0..<60 {
            let crowd = (0..<100).map { "person\(m)-\($0)" }
            let admitted = cap.admit(minute(m, critical: crowd + ["troll", "troll"]))
            #expect(admitted.critical == (m == 0 ? 101 : 100))
        }
        #expect(cap.leftOut == 10)
    }

    @Test func authorsInAnyOrderAreCountedTogether() {
        // Handed over with an author's posts apart, they are still counted as one account's.
        var cap = AccountRepeatCap(cap: 2, minutes: 5)
        let apart = MinuteSummary(
            minute: 0, posts: 14, critical: 4, criticalAuthors: 2, lastPostAt: launch, criticalExamples: [],
            criticalAuthorHashes: [9, 3, 9, 9])
        #expect(apart.criticalAuthorHashes == [3, 9, 9, 9])
        #expect(cap.admit(apart).critical == 3)
        #expect(cap.leftOut == 1)
    }

    @Test func minutesWithoutAuthorsPassUnchanged() {
        // Figures from a source that does not know the authors (labels only) are not capped.
        var cap = AccountRepeatCap(cap: 1, minutes: 15)
        let bare = MinuteSummary(minute: 7, posts: 50, critical: 30, criticalAuthors: 3, lastPostAt: launch, criticalExamples: [])
        #expect(cap.admit(bare) == bare)
    }
}
