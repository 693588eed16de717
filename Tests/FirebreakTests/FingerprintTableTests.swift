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
}
