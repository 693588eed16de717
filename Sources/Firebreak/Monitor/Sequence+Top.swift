extension Sequence {
    /// The first `count` elements of `sorted(by:)`, in that order (stable too), in one pass over the sequence
    /// and O(count) memory: the report picks a few leaders among hundreds of thousands of accounts.
    func top(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        var best: [Element] = []
        best.reserveCapacity(count + 1)
        for element in self {
            if best.count == count, let last = best.last, !areInIncreasingOrder(element, last) { continue }
            // After every element that is not ordered after it, so equal elements keep their order.
            var position = best.count
            while position > 0 && areInIncreasingOrder(element, best[position - 1]) { position -= 1 }
            best.insert(element, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
