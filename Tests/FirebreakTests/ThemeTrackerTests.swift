import Foundation
import Testing

@testable import Firebreak

@Suite struct ThemeTrackerTests {
    private static let friendly = [
        "Thanks for the photo with officer Dan today #myNYPD", "Great day at the parade with the cops #myNYPD",
        "Officer helped my grandmother cross the street #myNYPD", "Proud of our neighbourhood precinct #myNYPD",
        "Selfie with the horses in Central Park #myNYPD",
    ]
    private static let jaywalking = [
        "#myNYPD beat an 84-year-old man for jaywalking", "84-year-old man beaten bloody for jaywalking #myNYPD",
        "Jaywalking? Beaten. 84 years old. #myNYPD", "They beat an old man over jaywalking #myNYPD #NYPD",
    ]
    private static let dog = [
        "#myNYPD cares about noise control, so they'll shoot a homeless man's dog while he's having a seizure",
        "Police shot a dog in front of its owner #myNYPD", "Remember when they shot the dog #myNYPD",
    ]

    /// Two hours of friendly posts, then an hour of critical posts about two stories.
    private func tracker() -> (ThemeTracker, firstJaywalk: Date, firstDog: Date, critical: Set<String>) {
        var tracker = ThemeTracker(campaign: myNYPD())
        var n = 0
        for m in 0..<120 {
            for k in 0..<2 {
                n += 1
                tracker.add(assessed("f\(n)", .supportive, author: "fan\(n)", at: at(minute: m, second: Double(k) * 20), text: Self.friendly[n % Self.friendly.count]))
            }
        }
        var critical = Set<String>()
        let firstJaywalk = at(minute: 121, second: 10)
        let firstDog = at(minute: 125, second: 5)
        for m in 121..<181 {
            n += 1
            let j = Self.jaywalking[m % Self.jaywalking.count]
            tracker.add(assessed("j\(n)", .critical, author: "critic\(n)", at: at(minute: m, second: 10), text: j))
            critical.insert("j\(n)")
            if m >= 125 {
                n += 1
                tracker.add(assessed("d\(n)", .critical, author: "critic\(n)", at: at(minute: m, second: 5), text: Self.dog[m % Self.dog.count]))
                critical.insert("d\(n)")
            }
            // The supporters keep going.
            n += 1
            tracker.add(assessed("f\(n)", .supportive, author: "fan\(n)", at: at(minute: m, second: 30), text: Self.friendly[n % Self.friendly.count]))
            // Reposts are ignored.
            tracker.add(assessed("r\(n)", .critical, author: "rt\(n)", at: at(minute: m, second: 40), text: "RT mass copy of some other story", kind: .repost))
        }
        return (tracker, firstJaywalk, firstDog, critical)
    }

    @Test func criticalStoriesBecomeThemes() throws {
        let (tracker, firstJaywalk, firstDog, critical) = tracker()
        let themes = tracker.themes()
        #expect(!themes.isEmpty)
        let jaywalk = try #require(themes.first { $0.terms.contains { $0.contains("jaywalking") } })
        let dog = try #require(themes.first { $0.terms.contains { $0.contains("dog") } })
        #expect(jaywalk.firstSeen == firstJaywalk)
        #expect(dog.firstSeen == firstDog)
        #expect(jaywalk.posts >= 30)
        for theme in themes {
            #expect(!theme.examplePostIDs.isEmpty)
            #expect(theme.examplePostIDs.allSatisfy { critical.contains($0) }, "\(theme.terms) \(theme.examplePostIDs)")
            #expect(theme.examplePostIDs.count <= 3)
        }
        // Friendly words and reposted text are no theme.
        let all = themes.flatMap(\.terms)
        for word in ["photo", "officer", "parade", "mass", "copy", "story"] { #expect(!all.contains(word)) }
        #expect(themes.count <= 8)
    }

    @Test func campaignNamesAndHashtagsAreNeverThemes() {
        let (tracker, _, _, _) = tracker()
        let all = tracker.themes(limit: 50).flatMap(\.terms)
        for forbidden in ["#mynypd", "mynypd", "nypd", "#nypd", "police", "cops", "nypdnews"] {
            #expect(!all.contains { $0.split(separator: " ").contains(Substring(forbidden)) }, "\(forbidden) in \(all)")
        }
    }

    @Test func themesAreLargestFirstAndLimited() {
        let (tracker, _, _, _) = tracker()
        let themes = tracker.themes(limit: 2)
        #expect(themes.count <= 2)
        #expect(zip(themes, themes.dropFirst()).allSatisfy { $0.posts >= $1.posts })
    }

    @Test func noPostsNoThemes() {
        #expect(ThemeTracker(campaign: myNYPD()).themes().isEmpty)
    }

    @Test func termExtraction() {
        let tracker = ThemeTracker(campaign: myNYPD())
        let terms = tracker.terms(in: "The #myNYPD beat an 84-year-old man for JAYWALKING @NYPDnews https://t.co/abc #Occupy")
        #expect(terms.contains("jaywalking"))
        #expect(terms.contains("beat"))
        #expect(terms.contains("year old"))
        #expect(terms.contains("#occupy"))
        #expect(!terms.contains("the"))
        #expect(!terms.contains("#mynypd"))
        #expect(!terms.contains { $0.contains("nypdnews") })
        #expect(!terms.contains { $0.contains("t.co") || $0.contains("http") || $0.contains("abc") })
        #expect(!terms.contains("84"))
        // Bigrams do not jump over dropped words.
        #expect(!terms.contains("beat man"))
    }

    @Test func aSmallSampleDoesNotDependOnArrivalOrder() {
        var posts: [AssessedPost] = []
        for i in 0..<3_000 {
            let critical = i % 3 != 0
            posts.append(
                assessed(
                    "p\(i)", critical ? .critical : .supportive, author: "a\(i % 700)", at: at(minute: i / 20, second: Double(i % 7)),
                    text: critical ? (i % 2 == 0 ? "84-year-old man beaten for jaywalking" : "They shot a dog during a seizure") : "Photo with the officers"))
        }
        var random = SeededRandom(seed: 5)
        var sorted = ThemeTracker(campaign: myNYPD(), reservoirSize: 100)
        var shuffled = ThemeTracker(campaign: myNYPD(), reservoirSize: 100)
        for post in posts { sorted.add(post) }
        for post in posts.shuffled(using: &random) { shuffled.add(post) }
        #expect(!sorted.themes().isEmpty)
        #expect(sorted.themes() == shuffled.themes())
    }
}
