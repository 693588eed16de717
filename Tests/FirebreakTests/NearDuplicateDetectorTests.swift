import Foundation
import Testing

@testable import Firebreak

@Suite struct NearDuplicateDetectorTests {
    private let base = "Need a lift? The NYPD's got you! Free delivery, only at #myNYPD, ask for the back seat"

    @Test func nearlyIdenticalTextsFromSixAccountsAreACluster() throws {
        var detector = NearDuplicateDetector()
        let variants = [
            base, base + " today", "need a lift? the nypd's got you! free delivery only at #mynypd ask for the back seat!!",
            base.replacingOccurrences(of: "lift", with: "ride"), base + " lol", "RT " + base,
        ]
        var fired: [Bool] = []
        for (i, text) in variants.enumerated() {
            fired.append(
                detector.add(
                    shingles: NearDuplicateDetector.shingles(of: text), author: "bot\(i)", id: "\(i)", time: at(minute: 60, second: Double(i * 5))))
        }
        #expect(fired.filter { $0 }.count >= 1)
        let cluster = try #require(detector.clusters().first)
        #expect(cluster.accounts.count >= 5)
        #expect(cluster.examplePostID == "0")
        #expect(cluster.windowSeconds <= 60)
    }

    @Test func differentTextsAreNot() {
        var detector = NearDuplicateDetector()
        let texts = [
            "Proud of the officers who helped my grandmother today", "Great photo with two cops at the parade",
            "The NYPD beat a man for jaywalking and nobody cares", "Why does the police department need a hashtag",
            "Officer Smith taught my son to ride a bike in the park", "Look at this photo of a cop kicking a protester",
        ]
        for (i, text) in texts.enumerated() {
            detector.add(shingles: NearDuplicateDetector.shingles(of: text), author: "a\(i)", id: "\(i)", time: at(minute: 1, second: Double(i)))
        }
        #expect(detector.clusters().isEmpty)
    }

    @Test func copiesSpreadOverHoursAreNot() {
        var detector = NearDuplicateDetector()
        for i in 0..<8 {
            detector.add(shingles: NearDuplicateDetector.shingles(of: base), author: "a\(i)", id: "\(i)", time: at(minute: i * 30))
        }
        #expect(detector.clusters().isEmpty)
    }

    @Test func oneAccountRepeatingItselfIsNot() {
        var detector = NearDuplicateDetector()
        for i in 0..<20 {
            detector.add(shingles: NearDuplicateDetector.shingles(of: base), author: "spammer", id: "\(i)", time: at(minute: 0, second: Double(i)))
        }
        #expect(detector.clusters().isEmpty)
    }

    @Test func signaturesAgreeAboutAsOftenAsTheSetsOverlap() {
        let detector = NearDuplicateDetector(bands: 32, rows: 4)
        let a = Array(UInt64(0)..<100)
        let b = Array(UInt64(50)..<150)  // Jaccard 50 / 150 = 1/3
        let agree = zip(detector.signature(of: a), detector.signature(of: b)).filter { $0 == $1 }.count
        #expect(abs(Double(agree) / 128 - 1.0 / 3) < 0.15)
        #expect(detector.signature(of: a) == detector.signature(of: a.reversed()))
    }
}
