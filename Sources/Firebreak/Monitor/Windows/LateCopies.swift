import Foundation

/// The copies of one thing (a text, link, photo or post) past the earliest ones a coordination group keeps, minute by
/// minute: how many there were, and the earliest sighting of each of the first accounts. Without them a flood of a
/// line that had already been copied a few hundred times (copypasta, or bots reposting a popular post hours later)
/// was invisible, since a group kept only its earliest sightings.
///
/// Independent of arrival order like the groups themselves: a minute keeps, of its accounts, the `cap` (given by the
/// owner) whose earliest sighting in it came first (time, then account), so a shuffled archive keeps what a live run
/// keeps. Memory is at most `maxMinutes` minutes of `cap` sightings; past it the oldest minute is folded into a count.
/// O(log m + cap) per copy at worst, O(1) for a copy in the latest minute that is not among its first accounts.
struct LateCopies<Author: Comparable & Sendable>: Sendable {
    /// One minute of copies.
    struct Minute: Sendable {
        /// Minutes since 1970.
        var minute: Int
        /// Copies in the minute.
        var count: Int
        /// The latest copy's time (seconds since the reference date): when the minute's count was complete.
        var latest: Double
        /// The earliest sighting (seconds since the reference date) of each of the minute's first accounts, in time
        /// order, at most `cap`.
        var sightings: [(time: Double, author: Author)]
    }

    /// Minutes kept; older ones are folded into `folded`.
    static var maxMinutes: Int { 1_440 }

    /// The minutes with copies, oldest first; the latest one's count and time lag by `pending` (read `counted`).
    private var minutes: [Minute] = []
    /// Copies of minutes folded away (all earlier than the kept minutes).
    private(set) var folded = 0
    // Most copies of a popular line are in its latest minute and after that minute's first accounts: they are only
    // counted, here in the table's slot, without reaching the minutes' arrays (two more cache misses a copy).
    /// The latest minute (Int.min: none).
    private var tailMinute = Int.min
    /// A copy of the latest minute later than this is not among its first accounts (+∞ while it has room).
    private var tailCutoff = Double.infinity
    /// Copies of the latest minute not yet added to its count, and the latest of them.
    private var pending = 0
    private var pendingLatest = -Double.infinity

    /// The minutes with copies, oldest first, with every copy counted.
    var counted: [Minute] { minutes.indices.map(countedMinute) }

    /// Copies in the minute at `index`, the pending ones included (read in place, without copying the minute).
    private func copies(at index: Int) -> Int { minutes[index].count + (index == minutes.count - 1 ? pending : 0) }

    /// The minute at `index` with every copy counted.
    private func countedMinute(_ index: Int) -> Minute {
        var minute = minutes[index]
        minute.count = copies(at: index)
        if index == minutes.count - 1 { minute.latest = max(minute.latest, pendingLatest) }
        return minute
    }

    /// Time order, then account.
    @inline(__always) static func precedes(_ a: (time: Double, author: Author), _ b: (time: Double, author: Author)) -> Bool {
        a.time != b.time ? a.time < b.time : a.author < b.author
    }

    /// Counts one copy, keeping up to `cap` accounts in its minute (0: count only); returns how many more sightings
    /// are kept (negative when a minute is folded), so an owner can hold all its groups to one budget.
    @inline(__always) @discardableResult
    mutating func add(time: Double, author: Author, cap: Int) -> Int {
        let minute = CopyBurst.minute(time)
        if minute == tailMinute, time > tailCutoff {
            pending += 1
            pendingLatest = max(pendingLatest, time)
            return 0
        }
        return keep(time: time, author: author, minute: minute, cap: cap)
    }

    /// Counts a copy that may be among its minute's first accounts, or is not in the latest minute.
    @inline(never)
    private mutating func keep(time: Double, author: Author, minute: Int, cap: Int) -> Int {
        if pending > 0 {
            minutes[minutes.count - 1].count += pending
            minutes[minutes.count - 1].latest = max(minutes[minutes.count - 1].latest, pendingLatest)
            (pending, pendingLatest) = (0, -.infinity)
        }
        defer {
            tailMinute = minutes.isEmpty ? Int.min : minutes[minutes.count - 1].minute
            let sightings = minutes.isEmpty ? 0 : minutes[minutes.count - 1].sightings.count
            tailCutoff = cap == 0 ? -.infinity : sightings >= cap ? minutes[minutes.count - 1].sightings[sightings - 1].time : .infinity
        }
        let lastMinute = tailMinute
        let index: Int
        if lastMinute == minute {
            index = minutes.count - 1
        } else if lastMinute < minute {
            minutes.append(Minute(minute: minute, count: 0, latest: -.infinity, sightings: []))
            index = minutes.count - 1
        } else {
            // Out of order: find the minute, or where it goes.
            var (low, high) = (0, minutes.count)
            while low < high {
                let middle = (low + high) / 2
                if minutes[middle].minute < minute { low = middle + 1 } else { high = middle }
            }
            if low < minutes.count, minutes[low].minute == minute {
                index = low
            } else if low == 0, folded > 0 {
                // Older than every kept minute, and some were folded: it joins them.
                folded += 1
                return 0
            } else {
                minutes.insert(Minute(minute: minute, count: 0, latest: -.infinity, sightings: []), at: low)
                index = low
            }
        }
        minutes[index].count += 1
        minutes[index].latest = max(minutes[index].latest, time)
        var added = Self.keep((time, author), in: &minutes[index].sightings, cap: cap)
        if minutes.count > Self.maxMinutes {
            let oldest = minutes.removeFirst()
            folded += oldest.count
            added -= oldest.sightings.count
        }
        return added
    }

    /// Keeps `sighting` if it is its account's earliest and among the minute's first `cap` accounts.
    /// Returns 1 when one more sighting is kept, else 0.
    private static func keep(_ sighting: (time: Double, author: Author), in sightings: inout [(time: Double, author: Author)], cap: Int) -> Int {
        guard cap > 0 else { return 0 }
        if sightings.count >= cap, !precedes(sighting, sightings[sightings.count - 1]) { return 0 }
        var replaced = false
        if let same = sightings.firstIndex(where: { $0.author == sighting.author }) {
            guard precedes(sighting, sightings[same]) else { return 0 }
            sightings.remove(at: same)
            replaced = true
        }
        let position = sightings.firstIndex { precedes(sighting, $0) } ?? sightings.count
        sightings.insert(sighting, at: position)
        if sightings.count > cap {
            sightings.removeLast()
            return 0
        }
        return replaced ? 0 : 1
    }

    /// The first minute that is a burst of at least `minimumAccounts` accounts, given the group's `earlier` copies
    /// before all of these minutes (its kept sightings) and the time of its first: judged by `burst` on the copies
    /// before the minute and the minute's own count, the Poisson test alone (a popular line has twenty posters in a
    /// minute without anyone coordinating). Nil `burst`: the first minute of enough accounts. `tests` counts the
    /// windows tested for the group, these included (`CopyBurst`).
    func firstBurst(earlier: Int, firstTime: Double, minimumAccounts: Int, burst: CopyBurst?, tests: inout Int) -> Minute? {
        var before = earlier + folded
        // By index, field by field: the minutes are only copied for the one returned.
        for index in minutes.indices {
            let count = copies(at: index)
            defer { before += count }
            let accounts = minutes[index].sightings.count
            guard accounts >= minimumAccounts else { continue }
            tests += 1
            if let burst {
                let (start, end) = (minutes[index].sightings[0].time, minutes[index].sightings[accounts - 1].time)
                guard
                    burst.isBurst(
                        before: before, inWindow: count, accounts: accounts, firstTime: firstTime, start: start, end: end, tests: tests,
                        floodShortcut: false)
                else { continue }
            }
            return countedMinute(index)
        }
        return nil
    }
}
