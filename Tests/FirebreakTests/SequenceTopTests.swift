import Testing

@testable import Firebreak

@Suite("Top of a sequence")
struct SequenceTopTests {
    @Test("top(k) equals the first k of a stable sort, ties included")
    func matchesStableSort() {
        var generator = SeededRandom(seed: 2014)
        for round in 0..<200 {
            // Pairs (key, arrival): few distinct keys, so ties are common; arrival shows stability.
            let size = Int.random(in: 0...60, using: &generator)
            let values = (0..<size).map { (key: Int.random(in: 0...7, using: &generator), arrival: $0) }
            let k = round % 12
            let expected = Array(values.sorted { $0.key > $1.key }.prefix(k))
            let actual = values.top(k) { $0.key > $1.key }
            #expect(actual.map(\.key) == expected.map(\.key))
            #expect(actual.map(\.arrival) == expected.map(\.arrival))
        }
    }

    @Test("a limit of zero or past the end")
    func limits() {
        #expect([3, 1, 2].top(0, by: <).isEmpty)
        #expect([3, 1, 2].top(10, by: <) == [1, 2, 3])
        #expect([Int]().top(3, by: <).isEmpty)
    }
}
