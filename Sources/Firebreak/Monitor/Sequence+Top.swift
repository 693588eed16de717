extension Sequence {
    /// The first `count` elements of `sorted(by:)`, in that order (stable too), in one pass over the sequence
    /// and O(count) memory: the report picks a few leaders among hundreds of thousands of accounts.
    func top(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        withoutActuallyEscaping(areInIncreasingOrder) { order in
            var best = TopList(count, by: order)
            for element in self { best.consider(element) }
            return best.elements
        }
    }
}

/// The first `count` elements, in `sorted(by:)` order, of those offered one at a time: for collections that hand
/// out their elements through a closure (`FingerprintTable.forEach`) rather than as a sequence.
struct TopList<Element> {
    /// The best elements so far, best first.
    private(set) var elements: [Element] = []
    private let count: Int
    private let areInIncreasingOrder: (Element, Element) -> Bool

    /// An empty list that keeps `count` elements.
    init(_ count: Int, by areInIncreasingOrder: @escaping (Element, Element) -> Bool) {
        self.count = max(0, count)
        self.areInIncreasingOrder = areInIncreasingOrder
        elements.reserveCapacity(self.count + 1)
    }

    /// Keeps `element` if it is among the best so far; after every kept element not ordered after it (stable).
    mutating func consider(_ element: Element) {
        guard count > 0 else { return }
        if elements.count == count, !areInIncreasingOrder(element, elements[count - 1]) { return }
        var position = elements.count
        while position > 0 && areInIncreasingOrder(element, elements[position - 1]) { position -= 1 }
        elements.insert(element, at: position)
        if elements.count > count { elements.removeLast() }
    }
}
