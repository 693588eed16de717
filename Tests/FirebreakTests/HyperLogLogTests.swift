import FirebreakLanguage
import Testing

@testable import Firebreak

@Suite struct HyperLogLogTests {
    private func hash(_ i: Int, _ prefix: String = "item") -> UInt64 { StableHash.fnv1a("\(prefix)\(i)") }

    @Test func emptyIsZero() {
        #expect(HyperLogLog().estimate == 0)
    }

    @Test func smallSetsAreNearlyExact() {
        var sketch = HyperLogLog()
        for i in 1...1000 {
            sketch.insert(hash: hash(i))
            if i <= 100 { #expect(abs(sketch.estimate - i) <= 1, "after \(i)") }
        }
        #expect(abs(sketch.estimate - 1000) <= 10)
    }

    @Test func repeatsAreNotCounted() {
        var sketch = HyperLogLog()
        for _ in 0..<50 { for i in 0..<20 { sketch.insert(hash: hash(i)) } }
        #expect(sketch.estimate == 20)
    }

    @Test func within3PercentAt100000() {
        var sketch = HyperLogLog()
        for i in 0..<100_000 { sketch.insert(hash: hash(i)) }
        let error = abs(Double(sketch.estimate) - 100_000) / 100_000
        #expect(error < 0.03, "estimate \(sketch.estimate)")
    }

    @Test func unionIsTheDistinctCountOfBoth() {
        var a = HyperLogLog()
        var b = HyperLogLog()
        for i in 0..<30_000 { a.insert(hash: hash(i)) }
        for i in 20_000..<50_000 { b.insert(hash: hash(i)) }
        var both = a
        both.formUnion(b)
        #expect(abs(Double(both.estimate) - 50_000) / 50_000 < 0.03)
        var direct = HyperLogLog()
        for i in 0..<50_000 { direct.insert(hash: hash(i)) }
        #expect(both == direct)
        var idempotent = both
        idempotent.formUnion(both)
        #expect(idempotent == both)
    }
}

@Suite struct SmallDistinctCounterTests {
    private func hash(_ i: Int) -> UInt64 { StableHash.fnv1a("author\(i)") }

    @Test func closeForOneToFifty() {
        var counter = SmallDistinctCounter()
        #expect(counter.estimate == 0)
        for i in 1...50 {
            counter.insert(hash: hash(i))
            let tolerance = max(1, i / 10)
            #expect(abs(counter.estimate - i) <= tolerance, "after \(i): \(counter.estimate)")
        }
    }

    @Test func exactForAFewItems() {
        for n in 1...10 {
            var counter = SmallDistinctCounter()
            for i in 0..<n { counter.insert(hash: hash(i)); counter.insert(hash: hash(i)) }
            #expect(counter.estimate == n)
        }
    }

    @Test func within15PercentAt5000() {
        var counter = SmallDistinctCounter()
        for i in 0..<5_000 { counter.insert(hash: hash(i)) }
        let error = abs(Double(counter.estimate) - 5_000) / 5_000
        #expect(error < 0.15, "estimate \(counter.estimate)")
    }

    @Test func unionOfDisjointAndOverlappingSets() {
        var a = SmallDistinctCounter()
        var b = SmallDistinctCounter()
        for i in 0..<20 { a.insert(hash: hash(i)) }
        for i in 10..<40 { b.insert(hash: hash(i)) }
        var both = a
        both.formUnion(b)
        #expect(abs(both.estimate - 40) <= 4)
        var trolls = SmallDistinctCounter()
        for _ in 0..<15 {
            var minute = SmallDistinctCounter()
            for i in 0..<3 { minute.insert(hash: hash(1000 + i)) }
            trolls.formUnion(minute)
        }
        #expect(trolls.estimate == 3)
    }
}
