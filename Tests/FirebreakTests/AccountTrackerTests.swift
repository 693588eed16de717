import FirebreakLanguage
import Foundation
import Testing

@testable import Firebreak

@Suite struct AccountTrackerTests {
    private func hash(_ author: String) -> UInt64 { StableHash.fnv1a("u-" + author, seed: StableHash.fnv1a("x")) }

    private func add(_ tracker: inout AccountTracker, _ id: String, _ stance: Stance, author: String, minute: Int, followers: Int? = nil) {
        tracker.add(
            assessed(id, stance, author: author, at: at(minute: minute), followers: followers), authorHash: hash(author),
            minute: launchMinute + minute)
    }

    @Test func rolesFollowTheMixOfPosts() throws {
        var tracker = AccountTracker(campaign: myNYPD())
        var n = 0
        func post(_ stance: Stance, _ author: String, _ times: Int) {
            for _ in 0..<times {
                n += 1
                add(&tracker, "\(n)", stance, author: author, minute: n)
            }
        }
        post(.supportive, "NYPDnews", 2)
        post(.critical, "OccupyWallSt", 5)
        post(.supportive, "OccupyWallSt", 1)
        post(.supportive, "fan", 3)
        post(.neutral, "fan", 1)
        post(.critical, "undecided", 2)
        post(.supportive, "undecided", 2)
        post(.neutral, "lurker", 1)
        let roles = Dictionary(uniqueKeysWithValues: tracker.leading().map { ($0.handle, $0.role) })
        #expect(roles["@NYPDnews"] == "owner")
        #expect(roles["@OccupyWallSt"] == "critic")
        #expect(roles["@fan"] == "supporter")
        #expect(roles["@undecided"] == "mixed")
        #expect(roles["@lurker"] == "mixed")
        let occupy = try #require(tracker.leading().first { $0.handle == "@OccupyWallSt" })
        #expect(occupy.posts == 6)
        #expect(occupy.critical == 5)
    }

    @Test func anOwnerIsAnOwnerEvenWhenCritical() {
        var tracker = AccountTracker(campaign: myNYPD())
        add(&tracker, "1", .critical, author: "nypdnews", minute: 0)
        #expect(tracker.leading().first?.role == "owner")
    }

    @Test func leadingIsOrderedByPostsThenCriticalThenHandle() {
        var tracker = AccountTracker(campaign: myNYPD())
        var n = 0
        for (author, stances) in [
            ("b", [Stance.critical, .critical]), ("a", [.supportive, .supportive]), ("c", [.critical, .critical, .critical]),
            ("d", [.critical, .supportive]), ("e", [.neutral]),
        ] {
            for stance in stances {
                n += 1
                add(&tracker, "\(n)", stance, author: author, minute: n)
            }
        }
        #expect(tracker.leading().map(\.handle) == ["@c", "@b", "@d", "@a", "@e"])
        #expect(tracker.leading(limit: 2).map(\.handle) == ["@c", "@b"])
        #expect(tracker.leadingCritics() == ["@c", "@b", "@d"])
        #expect(tracker.leadingCritics(limit: 1) == ["@c"])
    }

    @Test func followersAreTheLargestSeen() {
        var tracker = AccountTracker(campaign: myNYPD())
        add(&tracker, "1", .critical, author: "copwatch", minute: 0, followers: 100)
        add(&tracker, "2", .critical, author: "copwatch", minute: 1, followers: 120)
        add(&tracker, "3", .critical, author: "copwatch", minute: 2)
        #expect(tracker.leading().first?.followers == 120)
    }

    @Test func newAuthorsAreCountedInTheirFirstMinute() {
        var tracker = AccountTracker(campaign: myNYPD())
        add(&tracker, "1", .supportive, author: "a", minute: 0)
        add(&tracker, "2", .supportive, author: "b", minute: 0)
        add(&tracker, "3", .supportive, author: "a", minute: 5)
        add(&tracker, "4", .supportive, author: "c", minute: 5)
        #expect(tracker.newAuthorsPerMinute[launchMinute] == 2)
        #expect(tracker.newAuthorsPerMinute[launchMinute + 5] == 1)
    }

    @Test func anEarlierPostArrivingLateMovesTheFirstAppearance() {
        var tracker = AccountTracker(campaign: myNYPD())
        add(&tracker, "2", .critical, author: "a", minute: 10)
        add(&tracker, "3", .critical, author: "a", minute: 12)
        add(&tracker, "1", .critical, author: "a", minute: 3)
        add(&tracker, "0", .critical, author: "a", minute: 7)
        #expect((tracker.newAuthorsPerMinute[launchMinute + 10] ?? 0) == 0)
        #expect(tracker.newAuthorsPerMinute[launchMinute + 3] == 1)
        #expect((tracker.newAuthorsPerMinute[launchMinute + 7] ?? 0) == 0)
        #expect(tracker.newAuthorsPerMinute.values.reduce(0, +) == 1)
        #expect(tracker.leading().first?.posts == 4)
    }
}
