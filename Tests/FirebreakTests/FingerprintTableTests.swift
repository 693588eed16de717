import FirebreakLanguage
import Testing

@testable import Firebreak

@Suite struct FingerprintTableTests {
    @Test func storesUpdatesAndGrowsLikeADictionary() {
        var table = FingerprintTable<Int>(capacity: 4)
        var reference: [UInt64: Int] = [:]
        var state: UInt64 = 7
        for step in 0..<20_000 {
            state = StableHash.splitMix(state)
            let key = state % 3_000 + 1  // many repeats
            let isNew = table.update(key, insert: { 0 }) { $0 += step }
            #expect(isNew == (reference[key] == nil))
            reference[key, default: 0] += step
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        #expect(table[999_999] == nil)
        var seen = 0
        table.forEach { key, value in
            #expect(reference[key] == value)
            seen += 1
        }
        #expect(seen == reference.count)
    }

    @Test func keyZeroIsKeptAsOne() {
        var table = FingerprintTable<String>()
        table.set(0, "zero")
        #expect(table[0] == "zero")
        #expect(table[1] == "zero")
        #expect(table.count == 1)
    }

    @Test func removesWhatTheConditionNames() {
        var table = FingerprintTable<Int>()
        for key in 1...1_000 as ClosedRange<UInt64> { table.set(key, Int(key)) }
        table.removeAll { $0 % 2 == 0 }
        #expect(table.count == 500)
        #expect(table[3] == 3)
        #expect(table[4] == nil)
    }

    @Test func aCopyIsIndependentOfItsOriginal() {
        var original = FingerprintTable<[Int]>(capacity: 4)
        for key in 1...20 as ClosedRange<UInt64> { original.set(key, [Int(key)]) }
        var copy = original
        copy.update(5, insert: { [] }) { $0.append(50) }
        for key in 21...200 as ClosedRange<UInt64> { copy.set(key, [Int(key)]) }  // grows the copy only
        original.removeAll { $0[0] % 2 == 0 }
        #expect(original[5] == [5])
        #expect(original.count == 10)
        #expect(copy[5] == [5, 50])
        #expect(copy[4] == [4])
        #expect(copy.count == 200)
    }

    @Test func everyValueIsReleasedOnceWhateverPathItTook() {
        let counter = LifeCounter()
        do {
            var table = FingerprintTable<Tracked>(capacity: 4)
            for key in 1...3_000 as ClosedRange<UInt64> { table.set(key, Tracked(counter)) }  // grows many times
            #expect(counter.alive == 3_000)
            table.set(7, Tracked(counter))  // replaces one
            #expect(counter.alive == 3_000)
            table.removeAll { $0.id % 3 == 0 }
            #expect(counter.alive == table.count)
            let shared = table
            table.set(10_000, Tracked(counter))  // copies the shared slots: values retained, not duplicated
            #expect(counter.alive == shared.count + 1)
            var seen = 0
            shared.forEach { _, _ in seen += 1 }
            #expect(seen == shared.count)
        }
        #expect(counter.alive == 0)
    }
}

/// Counts the `Tracked` objects alive.
private final class LifeCounter: @unchecked Sendable {
    var alive = 0
    var made = 0
}

/// An object that counts itself in and out of life.
private final class Tracked: @unchecked Sendable {
    let counter: LifeCounter
    let id: Int

    init(_ counter: LifeCounter) {
        self.counter = counter
        counter.made += 1
        id = counter.made
        counter.alive += 1
    }

    deinit { counter.alive -= 1 }
}
