import Firebreak
import Foundation

/// Creates and reuses the authors of a generated stream, role by role.
///
/// Who posts next follows a rich-get-richer rule: most posts come from accounts already active in the
/// stream, newcomers keep arriving at the population's rate, and the scenario's named accounts take their
/// share once they have joined. Memory grows with the number of distinct authors only.
struct AccountFactory: Sendable {
    private let roster: AccountRoster
    private let populations: [AuthorRole: AuthorPopulation]
    private var authors: [AuthorRole: [Author]] = [:]
    private var recent: [AuthorRole: [Int]] = [:]
    private var recentCursor: [AuthorRole: Int] = [:]
    private var named: [AuthorRole: [(account: NamedAccount, author: Author)]] = [:]
    private var takenHandles: Set<String> = []
    private var takenIDs: Set<UInt64> = []
    private static let recentCapacity = 256

    init(roster: AccountRoster, populations: [AuthorPopulation]) {
        self.roster = roster
        var byRole: [AuthorRole: AuthorPopulation] = [:]
        for population in populations { byRole[population.role] = population }
        self.populations = byRole
        for account in roster.named {
            let id = Self.userID(createdAt: account.createdAt, jitter: UInt64(account.handle.utf8.count) * 7_919)
            takenIDs.insert(id)
            takenHandles.insert(account.handle.lowercased())
            let author = Author(
                id: String(id), handle: account.handle, displayName: account.displayName, followers: account.followers,
                createdAt: account.createdAt, verified: account.verified
            )
            named[account.role, default: []].append((account, author))
        }
    }

    /// The author of a named account.
    func namedAuthor(handle: String) -> Author? {
        for role in AuthorRole.allCases {
            if let match = named[role]?.first(where: { $0.account.handle.caseInsensitiveCompare(handle) == .orderedSame }) {
                return match.author
            }
        }
        return nil
    }

    /// A handle of a named account of the role that has joined by the minute, if any.
    func namedHandle(role: AuthorRole, atMinute minute: Double, rng: inout SplitMix64) -> String? {
        let joined = (named[role] ?? []).filter { $0.account.joinsAtMinute <= minute }
        return joined.isEmpty ? nil : rng.pick(joined).author.handle
    }

    /// The author of the next post of `role` at `minute` (from the scenario's start) and time `now`.
    mutating func author(role: AuthorRole, atMinute minute: Double, now: Date, rng: inout SplitMix64) -> Author {
        // Named accounts that have joined take their share first.
        for entry in named[role] ?? [] where entry.account.joinsAtMinute <= minute && entry.account.share > 0 {
            if rng.chance(entry.account.share) { return entry.author }
        }
        let population = populations[role]
        let pool = authors[role] ?? []
        if pool.isEmpty || rng.chance(population?.newcomerShare ?? 1) {
            if population == nil, let fallback = named[role]?.first?.author { return fallback }
            return newAuthor(role: role, population: population, now: now, rng: &rng)
        }
        // Half the time someone who posted recently, otherwise anyone seen so far: bursts plus a long tail.
        if let window = recent[role], !window.isEmpty, rng.chance(0.5) {
            return pool[rng.pick(window)]
        }
        return pool[rng.below(pool.count)]
    }

    /// A newcomer of `role` that nobody has seen yet; `freshShare` overrides the population's share of new accounts.
    mutating func newcomer(role: AuthorRole, now: Date, freshShare: Double, rng: inout SplitMix64) -> Author {
        newAuthor(role: role, population: populations[role], now: now, rng: &rng, freshShare: freshShare)
    }

    private mutating func newAuthor(
        role: AuthorRole, population: AuthorPopulation?, now: Date, rng: inout SplitMix64, freshShare: Double? = nil
    ) -> Author {
        let fresh = rng.chance(freshShare ?? population?.freshAccountShare ?? 0)
        let createdAt: Date
        if fresh {
            // Brand-new accounts: most a few days old, some made within the hour to join the pile-on.
            let hours = rng.chance(0.3) ? rng.double(in: 0.05..<1) : rng.double(in: 1..<240)
            createdAt = Date(timeIntervalSince1970: (now.timeIntervalSince1970 - hours * 3_600).rounded())
        } else {
            let earliest = 1_199_145_600.0  // 2008-01-01
            let latest = 1_393_632_000.0  // 2014-03-01
            // Skewed toward recent years, as Twitter's user base grew.
            let t = pow(rng.unit(), 0.6)
            createdAt = Date(timeIntervalSince1970: (earliest + t * (latest - earliest)).rounded())
        }
        var followers = Int(rng.pareto(scale: population?.followersScale ?? 50, shape: population?.followersShape ?? 1.2))
        followers = min(followers, 2_500_000) - rng.below(max(1, followers / 2 + 1))
        if fresh { followers = rng.below(40) }
        let (handle, displayName) = makeNames(role: role, rng: &rng)
        var id = Self.userID(createdAt: createdAt, jitter: UInt64(rng.below(400_000)))
        while !takenIDs.insert(id).inserted { id += 1 }
        let author = Author(
            id: String(id), handle: handle, displayName: displayName, followers: max(0, followers), createdAt: createdAt,
            verified: rng.chance(population?.verifiedShare ?? 0)
        )
        authors[role, default: []].append(author)
        remember(index: authors[role, default: []].count - 1, role: role)
        return author
    }

    private mutating func remember(index: Int, role: AuthorRole) {
        // Mutated in place through the dictionary: a copy per new author would be quadratic at scale.
        if recent[role, default: []].count < Self.recentCapacity {
            recent[role, default: []].append(index)
        } else {
            let cursor = recentCursor[role] ?? 0
            recent[role, default: []][cursor] = index
            recentCursor[role] = (cursor + 1) % Self.recentCapacity
        }
    }

    // MARK: Names

    private mutating func makeNames(role: AuthorRole, rng: inout SplitMix64) -> (handle: String, displayName: String) {
        let first = rng.pick(roster.firstNames)
        let last = rng.pick(roster.lastNames)
        var candidate: String
        var display: String
        switch role {
        case .activist:
            let word = rng.pick(roster.movementWords)
            let place = rng.pick(roster.placeWords)
            switch rng.below(4) {
            case 0: candidate = word + place
            case 1: candidate = word + "_" + place
            case 2: candidate = first + word + "s"
            default: candidate = place + word + String(rng.integer(in: 1...99))
            }
            display = rng.chance(0.6) ? "\(word) \(place)" : "\(first) \(last) ✊"
        case .journalist:
            let outlet = rng.pick(roster.outletWords)
            if rng.chance(0.5) {
                candidate = first + last
                display = "\(first) \(last)"
            } else {
                let place = rng.pick(roster.placeWords)
                candidate = place + outlet
                display = "\(place) \(outlet)"
            }
        case .bot:
            let word = rng.pick(roster.movementWords + roster.outletWords).lowercased()
            candidate = word + String(rng.integer(in: 100_000...999_999))
            display = word.capitalized
        case .owner, .fan, .member, .troll:
            switch rng.below(7) {
            case 0: candidate = first + last
            case 1: candidate = first + "_" + last
            case 2: candidate = first.lowercased() + String(last.prefix(1)) + String(rng.integer(in: 1...99))
            case 3: candidate = "the" + first + last
            case 4: candidate = first + rng.pick(roster.placeWords)
            case 5: candidate = last.lowercased() + String(rng.integer(in: 80...99))
            default: candidate = first.lowercased() + "_" + last.lowercased()
            }
            switch rng.below(6) {
            case 0: display = first.lowercased()
            case 1: display = "\(first) \(last.prefix(1))."
            case 2: display = "\(first) 🗽"
            default: display = "\(first) \(last)"
            }
        }
        var handle = String(candidate.prefix(15))
        // Handles are unique; collisions get digits the way people picked them.
        while !takenHandles.insert(handle.lowercased()).inserted {
            handle = String(candidate.prefix(11)) + String(rng.integer(in: 1...9_999))
        }
        return (handle, display)
    }

    // MARK: Ids

    /// Approximate X user ids by account creation date: sequential 32-bit ids until 2013, then growing fast.
    private static let idTimeline: [(seconds: Double, id: Double)] = [
        (1_167_609_600, 5_000_000),  // 2007-01-01
        (1_199_145_600, 11_000_000),  // 2008-01-01
        (1_230_768_000, 18_000_000),  // 2009-01-01
        (1_243_814_400, 45_000_000),  // 2009-06-01
        (1_262_304_000, 100_000_000),  // 2010-01-01
        (1_293_840_000, 235_000_000),  // 2011-01-01
        (1_325_376_000, 455_000_000),  // 2012-01-01
        (1_356_998_400, 1_070_000_000),  // 2013-01-01
        (1_388_534_400, 2_280_000_000),  // 2014-01-01
        (1_398_211_200, 2_460_000_000),  // 2014-04-23
    ]

    static func userID(createdAt: Date, jitter: UInt64) -> UInt64 {
        let seconds = createdAt.timeIntervalSince1970
        let timeline = idTimeline
        var estimate = timeline[timeline.count - 1].id
        if seconds <= timeline[0].seconds {
            estimate = timeline[0].id * max(0.01, seconds / timeline[0].seconds)
        } else {
            for (a, b) in zip(timeline, timeline.dropFirst()) where seconds <= b.seconds {
                estimate = a.id + (b.id - a.id) * (seconds - a.seconds) / (b.seconds - a.seconds)
                break
            }
        }
        return UInt64(max(12, estimate)) + jitter
    }
}
