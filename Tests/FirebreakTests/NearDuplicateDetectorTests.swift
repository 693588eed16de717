import Foundation
import Testing

@testable import Firebreak

@Suite struct NearDuplicateDetectorTests {
    private let base = "Need a lift? The NYPD's got you! Free delivery, only at #myNYPD, ask for the back seat"

    private func keys(_ text: String) throws -> NearDuplicateKeys { try #require(NearDuplicateKeys(text: text)) }

    private func add(_ detector: inout NearDuplicateDetector, _ text: String, author: UInt64, id: String, at time: Date) throws {
        detector.add(try keys(text), authorHash: author, id: id, text: text, time: time)
    }

    /// Copies of `base` with a word or two changed, as a bot flood writes them.
    private var variants: [String] {
        [
            base, base + " today", "need a lift? the nypd's got you! free delivery only at #mynypd ask for the back seat!!",
            base.replacingOccurrences(of: "lift", with: "ride"), base + " lol", "RT " + base,
        ]
    }

    @Test func nearlyIdenticalTextsFromSixAccountsAreACluster() throws {
        var detector = NearDuplicateDetector()
        for (i, text) in variants.enumerated() {
            try add(&detector, text, author: UInt64(100 + i), id: "\(i)", at: at(minute: 60, second: Double(i * 5)))
        }
        let clusters = detector.clusters()
        // The bands of one flood find the same accounts: listed once.
        #expect(clusters.count == 1)
        let cluster = try #require(clusters.first)
        #expect(cluster.authorHashes.count >= 5)
        #expect(Set(cluster.authorHashes).isSubset(of: Set((100..<106).map(UInt64.init))))
        #expect(cluster.examplePostID == "0")
        #expect(cluster.exampleText == base)
        #expect(cluster.windowSeconds <= 60)
        #expect(cluster.windowStart >= at(minute: 60))
    }

    @Test func theExampleAndAccountsDoNotDependOnArrivalOrder() throws {
        var forward = NearDuplicateDetector()
        var backward = NearDuplicateDetector()
        let posts = variants.enumerated().map { (text: $1, author: UInt64(100 + $0), id: "\($0)", time: at(minute: 60, second: Double($0 * 5))) }
        for post in posts { try add(&forward, post.text, author: post.author, id: post.id, at: post.time) }
        for post in posts.reversed() { try add(&backward, post.text, author: post.author, id: post.id, at: post.time) }
        #expect(!forward.clusters().isEmpty)
        #expect(forward.clusters() == backward.clusters())
    }

    @Test func differentTextsAreNot() throws {
        var detector = NearDuplicateDetector()
        let texts = [
            "Proud of the officers who helped my grandmother today", "Great photo with two cops at the parade",
            "The NYPD beat a man for jaywalking and nobody cares", "Why does the police department need a hashtag",
            "Officer Smith taught my son to ride a bike in the park", "Look at this photo of a cop kicking a protester",
        ]
        for (i, text) in texts.enumerated() { try add(&detector, text, author: UInt64(i), id: "\(i)", at: at(minute: 1, second: Double(i))) }
        #expect(detector.clusters().isEmpty)
    }

    @Test func copiesSpreadOverHoursAreNot() throws {
        var detector = NearDuplicateDetector()
        for i in 0..<8 { try add(&detector, base, author: UInt64(i), id: "\(i)", at: at(minute: i * 30)) }
        #expect(detector.clusters().isEmpty)
    }

    @Test func oneAccountRepeatingItselfIsNot() throws {
        var detector = NearDuplicateDetector()
        for i in 0..<20 { try add(&detector, base, author: 7, id: "\(i)", at: at(minute: 0, second: Double(i))) }
        #expect(detector.clusters().isEmpty)
    }

    @Test func aGroupKeepsItsEarliestSightingsWhateverTheOrder() throws {
        // A line posted every ten minutes fills the group's kept sightings; a flood of it that arrives last but is
        // earliest in event time (an archive read newest first) takes their place, as in a live run.
        var detector = NearDuplicateDetector()
        for i in 0..<NearDuplicateDetector.sightingsPerGroup { try add(&detector, base, author: UInt64(i), id: "old\(i)", at: at(minute: i * 10)) }
        #expect(detector.clusters().isEmpty)
        for i in 0..<6 { try add(&detector, base, author: UInt64(10_000 + i), id: "early\(i)", at: at(minute: -60, second: Double(i))) }
        let cluster = try #require(detector.clusters().first)
        #expect(Set(cluster.authorHashes) == Set((10_000..<10_006).map(UInt64.init)))
        #expect(cluster.examplePostID == "early0")
    }

    @Test func groupsSeenOnceAreForgottenPastCapacityAndFloodsKept() throws {
        var detector = NearDuplicateDetector(capacity: 64)
        for i in 0..<6 { try add(&detector, base, author: UInt64(i), id: "\(i)", at: at(minute: 0, second: Double(i))) }
        // Thousands of unrelated texts, four band keys each: far past the capacity.
        var random = SeededRandom(seed: 11)
        let vocabulary = (0..<5_000).map { "word\($0)" }
        for i in 0..<2_000 {
            let text = (0..<10).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
            try add(&detector, text, author: UInt64(1_000 + i), id: "u\(i)", at: at(minute: 1))
        }
        #expect(detector.groupCount <= 64)
        let clusters = detector.clusters()
        #expect(clusters.count == 1)
        #expect(clusters.first?.authorHashes.count == 6)
    }

    /// A campaign of `perMinute` posts every minute, as the minute buckets would count it.
    private func campaign(perMinute: Int) -> (ClosedRange<Int>) -> Int { { $0.count * perMinute } }

    @Test func aPopularLineAtItsUsualShareIsNotABurst() throws {
        // A quarter of the campaign as it grows: every two minutes while the campaign has two posts a minute (an hour),
        // then every 12 seconds at 20 a minute (40 minutes), each time from a new account. Five or six posters fall in
        // every busy minute, as many as a minute of a flood has, but no more than the line's share before them.
        var detector = NearDuplicateDetector()
        let slow: [Double] = (0..<30).map { Double($0 * 120) }
        let busy: [Double] = (0..<170).map { Double(3_600 + $0 * 12) }
        for (i, second) in (slow + busy).enumerated() {
            try add(&detector, base, author: UInt64(i + 10), id: "\(i)", at: at(minute: 0, second: second))
        }
        #expect(!detector.clusters().isEmpty)
        let minute0 = CopyBurst.minute(at(minute: 0).timeIntervalSinceReferenceDate)
        #expect(detector.clusters(postsIn: { $0.reduce(0) { $0 + ($1 - minute0 < 60 ? 2 : 20) } }).isEmpty)
    }

    @Test func aFloodAboveTheLinesUsualShareIsABurst() throws {
        // The line once every ten minutes, then eight copies from new accounts within half a minute.
        var detector = NearDuplicateDetector()
        for i in 0..<12 { try add(&detector, base, author: UInt64(i), id: "\(i)", at: at(minute: i * 10)) }
        for i in 0..<8 { try add(&detector, base, author: UInt64(100 + i), id: "flood\(i)", at: at(minute: 125, second: Double(i * 4))) }
        let cluster = try #require(detector.clusters(postsIn: campaign(perMinute: 20)).first)
        #expect(Set(cluster.authorHashes) == Set((100..<108).map(UInt64.init)))
        #expect(cluster.posts == 20)
    }

    @Test func aLongFloodIsListedOnceThoughItsBandsPeakInDifferentMinutes() throws {
        // Ten minutes of six new accounts a minute posting copies with a word changed: each band's densest minute
        // can be a different one, with different accounts.
        var detector = NearDuplicateDetector()
        let edits = ["lift", "ride", "trip", "spin", "drive", "hop"]
        for minute in 0..<10 {
            for i in 0..<6 {
                let text = base.replacingOccurrences(of: "lift", with: edits[(minute + i) % edits.count])
                try add(&detector, text, author: UInt64(minute * 100 + i), id: "\(minute)-\(i)", at: at(minute: minute, second: Double(i * 5)))
            }
        }
        let clusters = detector.clusters()
        #expect(clusters.count == 1)
        #expect(clusters.first?.examplePostID == "0-0")
    }

    @Test func aLongTextIsKeptOnlyAsFarAsItIsShown() throws {
        // A hostile flood of 10 kB posts: the group keeps 280 characters of its example, not the whole post.
        var detector = NearDuplicateDetector()
        let long = base + " " + String(repeating: "🔥", count: 10_000)
        for i in 0..<6 { try add(&detector, long, author: UInt64(i), id: "\(i)", at: at(minute: 0, second: Double(i))) }
        let cluster = try #require(detector.clusters().first)
        #expect(cluster.exampleText.unicodeScalars.count == 280)
        #expect(long.hasPrefix(cluster.exampleText))
        #expect(CoordinationCluster.shownText(base) == base)
        let accented = String(repeating: "é", count: 280)
        #expect(CoordinationCluster.shownText(accented) == accented)
        #expect(CoordinationCluster.shownText(accented + "x") == accented)
    }

    @Test func keysOfCopiesMatchAndOfUnrelatedTextsDoNot() throws {
        #expect(try keys(base).sharedBands(with: keys(base)) == NearDuplicateKeys.bands)
        // Case, punctuation, links and mentions are not words.
        #expect(try keys(base).sharedBands(with: keys("@someone " + base.uppercased() + " https://t.co/x")) == NearDuplicateKeys.bands)
        #expect(NearDuplicateKeys(text: "too short to call") == nil)
        // One word changed in a twelve-word text: Jaccard about 0.7, so most copies meet in some band.
        let words = base.split(separator: " ").map(String.init)
        var edited = 0
        var met = 0
        for position in words.indices {
            var copy = words
            copy[position] = "banana"
            edited += 1
            if try keys(base).sharedBands(with: keys(copy.joined(separator: " "))) > 0 { met += 1 }
        }
        #expect(met * 10 >= edited * 6)
        // Unrelated texts of the same length almost never share a band.
        var random = SeededRandom(seed: 5)
        let vocabulary = (0..<500).map { "word\($0)" }
        var collisions = 0
        for _ in 0..<500 {
            let a = (0..<12).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
            let b = (0..<12).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
            if try keys(a).sharedBands(with: keys(b)) > 0 { collisions += 1 }
        }
        #expect(collisions <= 2)
    }
}
