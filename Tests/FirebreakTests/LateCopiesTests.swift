import Foundation
import Testing

@testable import Firebreak

@Suite struct LateCopiesTests {
    /// Seconds since the reference date of a second of minute `minute` of the test clock.
    private func time(_ minute: Int, _ second: Double) -> Double { at(minute: minute, second: second).timeIntervalSinceReferenceDate }

    /// Copies in three minutes, several by one account, some minutes fuller than the cap.
    private let copies: [(time: Double, author: String)] = (0..<90).map { i in
        (at(minute: 10 + i % 3, second: Double((i * 37) % 60)).timeIntervalSinceReferenceDate, "acct\(i % 23)")
    }

    @Test func aMinuteKeepsTheEarliestSightingOfItsFirstAccountsAndCountsEveryCopy() throws {
        var late = LateCopies<String>()
        for copy in copies { late.add(time: copy.time, author: copy.author, cap: 4) }
        let minutes = late.counted
        #expect(minutes.map(\.count) == [30, 30, 30])
        for minute in minutes {
            // Distinct accounts, in time order, each at its earliest sighting in the minute, and no earlier one left out.
            let all = copies.filter { CopyBurst.minute($0.time) == minute.minute }
            var earliest: [String: Double] = [:]
            for copy in all { earliest[copy.author] = min(earliest[copy.author] ?? .infinity, copy.time) }
            let expected = earliest.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.prefix(4)
            #expect(minute.sightings.map(\.author) == expected.map(\.key))
            #expect(minute.sightings.map(\.time) == expected.map(\.value))
            #expect(minute.latest == all.map(\.time).max())
        }
    }

    @Test func anyArrivalOrderKeepsTheSame() {
        var inOrder = LateCopies<String>()
        for copy in copies.sorted(by: LateCopies<String>.precedes) { inOrder.add(time: copy.time, author: copy.author, cap: 4) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            var shuffled = LateCopies<String>()
            for copy in copies.shuffled(using: &generator) { shuffled.add(time: copy.time, author: copy.author, cap: 4) }
            #expect(shuffled.counted.map(\.minute) == inOrder.counted.map(\.minute))
            #expect(shuffled.counted.map(\.count) == inOrder.counted.map(\.count))
            #expect(shuffled.counted.map { $0.sightings.map(\.author) } == inOrder.counted.map { $0.sightings.map(\.author) })
        }
    }

    @Test func pastItsMinutesTheOldestAreFoldedIntoACount() {
        var late = LateCopies<String>()
        let minutes = LateCopies<String>.maxMinutes + 5
        for minute in 0..<minutes {
            late.add(time: time(minute, 1), author: "a", cap: 4)
            late.add(time: time(minute, 2), author: "b", cap: 4)
        }
        #expect(late.counted.count == LateCopies<String>.maxMinutes)
        #expect(late.folded == 10)
        // A copy older than every kept minute joins the folded ones.
        late.add(time: time(0, 30), author: "c", cap: 4)
        #expect(late.folded == 11)
        #expect(late.counted.map(\.count).reduce(0, +) == 2 * LateCopies<String>.maxMinutes)
    }

    @Test func theFirstBurstIsTheFirstMinuteOfEnoughAccountsAboveTheLinesShare() throws {
        // A line copied twice a minute for two hours in a campaign of 20 posts a minute, then 30 accounts in one minute.
        var late = LateCopies<String>()
        for minute in 0..<120 {
            late.add(time: time(minute, 10), author: "fan\(minute)a", cap: 20)
            late.add(time: time(minute, 40), author: "fan\(minute)b", cap: 20)
        }
        for i in 0..<30 { late.add(time: time(130, Double(i)), author: "bot\(i)", cap: 20) }
        let base = CopyBurst.minute(at(minute: 0).timeIntervalSinceReferenceDate)
        let burst = CopyBurst(postsIn: { range in range.reduce(0) { sum, minute in sum + (minute - base >= 130 ? 50 : 20) } })
        var tests = 0
        let found = try #require(late.firstBurst(earlier: 200, firstTime: time(-100, 0), minimumAccounts: 5, burst: burst, tests: &tests))
        #expect(found.minute == base + 130)
        #expect(found.count == 30)
        #expect(found.sightings.count == 20)
        #expect(found.latest == time(130, 29))
        #expect(tests == 1)
        // Two copies a minute by two accounts is the line's share: without the flood, nothing.
        var quiet = LateCopies<String>()
        for minute in 0..<120 { quiet.add(time: time(minute, 10), author: "fan\(minute)", cap: 20) }
        tests = 0
        #expect(quiet.firstBurst(earlier: 200, firstTime: time(-100, 0), minimumAccounts: 5, burst: burst, tests: &tests) == nil)
    }

    @Test func twentyPostersOfALineThatBusyAreNotAFlood() {
        // A line posted 25 times a minute by 25 accounts for an hour, in a campaign of 100 posts a minute: the flood
        // shortcut of a group's earliest sightings does not apply past them.
        var late = LateCopies<String>()
        for minute in 0..<60 { for i in 0..<25 { late.add(time: time(minute, Double(i * 2)), author: "p\(minute)-\(i)", cap: 20) } }
        let burst = CopyBurst(postsIn: { $0.count * 100 })
        var tests = 0
        #expect(late.firstBurst(earlier: 200, firstTime: time(-8, 0), minimumAccounts: 5, burst: burst, tests: &tests) == nil)
        #expect(tests == 60)
    }

    @Test func addSaysHowManyMoreSightingsAreKeptAndACapOfZeroOnlyCounts() {
        var late = LateCopies<String>()
        var kept = 0
        for minute in 0..<(LateCopies<String>.maxMinutes + 3) {
            for i in 0..<6 { kept += late.add(time: time(minute, Double(5 - i)), author: "a\(i % 4)", cap: 3) }
        }
        #expect(kept == late.counted.reduce(0) { $0 + $1.sightings.count })
        #expect(late.counted.allSatisfy { $0.sightings.count == 3 && $0.count == 6 })
        var counting = LateCopies<String>()
        for i in 0..<50 { #expect(counting.add(time: time(i % 7, Double(i % 60)), author: "b\(i)", cap: 0) == 0) }
        #expect(counting.counted.map(\.count).reduce(0, +) == 50)
        #expect(counting.counted.allSatisfy { $0.sightings.isEmpty })
    }
}
