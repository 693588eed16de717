import Testing

@testable import Firebreak

@Suite struct HourHistogramTests {
    @Test func countsHoursInAnyOrder() {
        var forward = HourHistogram(startingAt: 100)
        var backward = HourHistogram(startingAt: 110)
        let hours = [100, 101, 101, 105, 110, 103]
        for hour in hours { forward.add(hour: hour) }
        for hour in hours.reversed() { backward.add(hour: hour) }
        #expect(forward.slots.reduce(0, +) == 6)
        #expect(backward.slots.reduce(0, +) == 6)
        #expect(forward.base == 100)
        #expect(backward.base == 100)
        #expect(forward.slots[1] == 2)
        #expect(Array(forward.slots.prefix(11)) == Array(backward.slots.prefix(11)))
    }

    @Test func staysBoundedOverAYear() {
        var histogram = HourHistogram(startingAt: 0)
        for hour in stride(from: 0, to: 24 * 365, by: 3) { histogram.add(hour: hour) }
        histogram.add(hour: -500)
        #expect(histogram.slots.count <= HourHistogram.maxSlots)
        #expect(histogram.width > 1)
        #expect(histogram.slots.reduce(0, +) == UInt32(24 * 365 / 3 + 1))
    }

    @Test func oneHourIsCountedInPlaceUntilAnotherHourArrives() {
        var histogram = HourHistogram(startingAt: 400)
        for _ in 0..<3 { histogram.add(hour: 400) }
        #expect(histogram.slots == [3])
        #expect(histogram.base == 400)
        histogram.add(hour: 398)
        #expect(histogram.slots == [1, 0, 3])
        #expect(histogram.base == 398)
        histogram.add(hour: 400)
        #expect(histogram.slots == [1, 0, 4])
        var other = HourHistogram(startingAt: 398)
        other.add(hour: 398)
        for _ in 0..<4 { other.add(hour: 400) }
        #expect(other == histogram)
        #expect(other.hashValue == histogram.hashValue)
    }

    @Test func eachHourLandsInTheSlotThatHoldsItWhateverTheWidthAndSign() {
        // Hours either side of zero, spanning more than `maxSlots`, so the slots widen; in a scrambled order.
        var hours: [Int] = []
        var state: UInt64 = 11
        for _ in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            hours.append(Int(state >> 33) % 1_500 - 700)
        }
        var histogram = HourHistogram(startingAt: hours[0])
        for hour in hours { histogram.add(hour: hour) }
        #expect(histogram.width >= 8)
        #expect(histogram.base % histogram.width == 0)
        // The slot of an hour by real-valued floor division, the rule the shifts must follow below zero too.
        var expected = [UInt32](repeating: 0, count: histogram.slots.count)
        for hour in hours {
            let slot = Int((Double(hour - histogram.base) / Double(histogram.width)).rounded(.down))
            expected[slot] += 1
        }
        #expect(histogram.slots == expected)
    }
}
