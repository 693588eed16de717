import Firebreak
import Foundation
import Testing

@testable import FirebreakDrill

/// Each library scenario generated once for all the tests below.
let library: [String: (scenario: Scenario, posts: [DrillPost])] = {
    var result: [String: (Scenario, [DrillPost])] = [:]
    for name in ScenarioLibrary.names where name != "mynypd" {
        let scenario = try! ScenarioLibrary.scenario(named: name)!
        result[name] = (scenario, StoryGenerator(scenario: scenario).generate())
    }
    return result
}()

@Suite struct ScenarioLibraryTests {
    private func minutes(_ drill: DrillPost, _ scenario: Scenario) -> Double {
        drill.post.createdAt.timeIntervalSince(scenario.start) / 60
    }

    /// Posts per hour between two minutes from the start.
    private func rate(_ name: String, from: Double, to: Double) -> Double {
        let (scenario, posts) = library[name]!
        let count = posts.filter { (from..<to).contains(minutes($0, scenario)) }.count
        return Double(count) * 60 / (to - from)
    }

    /// Share of truly critical posts between two minutes.
    private func criticalShare(_ name: String, from: Double, to: Double) -> Double {
        let (scenario, posts) = library[name]!
        let window = posts.filter { (from..<to).contains(minutes($0, scenario)) }
        return Double(window.filter { $0.stance == .critical }.count) / Double(max(1, window.count))
    }

    @Test func libraryListsEveryScenario() {
        #expect(
            ScenarioLibrary.names == [
                "steady-success", "viral-success", "mynypd", "slow-souring", "troll-handful", "bot-flood", "hijack-recovers",
                "small-campaign-hijack",
            ])
    }

    @Test(arguments: ["steady-success", "viral-success", "troll-handful"])
    func benignScenariosHaveNoOnset(name: String) {
        let (scenario, posts) = library[name]!
        #expect(scenario.onset == nil)
        #expect(scenario.isBenign)
        #expect(posts.allSatisfy { scenario.phases[$0.phase].state == .healthy })
    }

    @Test(arguments: [
        ("slow-souring", 90.0), ("bot-flood", 120.0), ("hijack-recovers", 90.0), ("small-campaign-hijack", 120.0),
    ])
    func hijacksHaveTheirOnset(name: String, minute: Double) throws {
        let (scenario, posts) = library[name]!
        let onset = try #require(scenario.onset)
        #expect(onset == scenario.start.addingTimeInterval(minute * 60))
        #expect(posts.contains { $0.post.createdAt >= onset })
        #expect(posts.contains { $0.post.createdAt < onset })
    }

    @Test func postsAreInTimeOrderAndCarryTheCampaignTag() {
        for (name, (scenario, posts)) in library {
            #expect(zip(posts, posts.dropFirst()).allSatisfy { $0.post.createdAt <= $1.post.createdAt }, "\(name)")
            let tagged = posts.filter { scenario.campaign.carriesHashtag($0.post) }.count
            #expect(Double(tagged) / Double(posts.count) > 0.8, "\(name): \(tagged) of \(posts.count) tagged")
        }
    }

    @Test func steadyAndViralSuccessKeepTheirRatesAndMix() {
        let steady = rate("steady-success", from: 90, to: 330)
        #expect((250...380).contains(steady), "steady \(steady)/h")
        let viral = rate("viral-success", from: 185, to: 235)
        #expect(viral >= 15 * 300, "viral \(viral)/h")
        #expect(rate("viral-success", from: 70, to: 115) < 450)
        // Same mix: the critical share hardly moves while the volume goes up twentyfold.
        let before = criticalShare("viral-success", from: 30, to: 120)
        let during = criticalShare("viral-success", from: 180, to: 300)
        #expect(abs(before - during) < 0.05, "critical share \(before) -> \(during)")
        #expect(during < 0.15)
    }

    @Test func smallCampaignRunsAtAboutAHundredAnHour() {
        let before = rate("small-campaign-hijack", from: 20, to: 120)
        let after = rate("small-campaign-hijack", from: 120, to: 210)
        #expect((70...140).contains(before), "\(before)/h")
        #expect((100...200).contains(after), "\(after)/h")
        #expect(criticalShare("small-campaign-hijack", from: 20, to: 120) < 0.2)
        #expect(criticalShare("small-campaign-hijack", from: 130, to: 210) > 0.55)
    }

    @Test func slowSouringRisesOverHours() {
        let shares = stride(from: 90.0, to: 330, by: 60).map { criticalShare("slow-souring", from: $0, to: $0 + 60) }
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 < $1 }, "\(shares)")
        #expect(shares.first! < 0.25)
        #expect(shares.last! > 0.4)
        let volume = rate("slow-souring", from: 60, to: 330)
        #expect((1_000...1_500).contains(volume))
    }

    @Test func hijackRecoversTurnsAndComesBack() {
        #expect(criticalShare("hijack-recovers", from: 30, to: 90) < 0.15)
        #expect(criticalShare("hijack-recovers", from: 105, to: 135) > 0.45)
        #expect(criticalShare("hijack-recovers", from: 200, to: 255) < 0.2)
        #expect(rate("hijack-recovers", from: 100, to: 130) > 2 * rate("hijack-recovers", from: 30, to: 90))
    }

    @Test func trollHandfulIsAFewHostileAccountsPostingALot() {
        let (scenario, posts) = library["troll-handful"]!
        let abuse = posts.filter { $0.voice == .offensive && $0.post.kind != .repost && minutes($0, scenario) >= 120 }
        let authors = Dictionary(grouping: abuse, by: \.post.author.handle).mapValues(\.count)
        #expect(abuse.count > 200)
        #expect(authors.count <= 8, "\(authors)")
        let perAuthorPerHour = Double(abuse.count) / Double(authors.count) / 3
        #expect(perAuthorPerHour >= 10, "\(perAuthorPerHour) posts/h each")
        #expect(Set(authors.keys).isSuperset(of: ["CoffeeTruther", "bean_rage_88", "NoMoreLattes"]))
    }

    @Test func botFloodIsNearIdenticalTextFromNewAccountsWithinAMinute() throws {
        let (scenario, posts) = library["bot-flood"]!
        let onset = try #require(scenario.onset)
        let firstMinute = posts.filter { $0.post.createdAt >= onset && $0.post.createdAt < onset.addingTimeInterval(60) }
        let bots = firstMinute.filter { $0.post.author.handle.last?.isNumber == true && $0.post.kind == .original }
        // Near-identical: strip the small edits and most copies share one text.
        func core(_ text: String) -> String { String(text.prefix(50)).lowercased() }
        let groups = Dictionary(grouping: bots, by: { core($0.post.text) }).mapValues(\.count)
        let largest = try #require(groups.values.max())
        #expect(largest >= 20, "\(groups)")
        let texts = Set(bots.map(\.post.text))
        #expect(texts.count > 1, "copies are varied, not all exact")
        let fresh = bots.filter { bot in
            bot.post.author.createdAt.map { onset.timeIntervalSince($0) < 14 * 86_400 } ?? false
        }
        #expect(Double(fresh.count) / Double(bots.count) > 0.7)
        #expect(Set(bots.map(\.post.author.id)).count == bots.count, "every copy from another account")
        // Reposts of the bait post arrive in bursts too.
        let bait = try #require(posts.first { $0.post.author.handle == "MetroTruthNow" })
        #expect(posts.filter { $0.post.repostedID == bait.post.nativeID }.count >= 200)
        // Before the onset there is nothing of the kind.
        let earlier = posts.filter { $0.post.createdAt < onset && $0.post.text.contains("corrupt") }
        #expect(earlier.isEmpty)
    }

    @Test func kitsAreNotAboutPolicing() {
        for kit in [CupStoryKit.kit, TransitKit.kit] {
            let texts = kit.phrases.originals.values.flatMap { $0.map(\.text) }.joined(separator: " ").lowercased()
            #expect(!texts.contains("nypd") && !texts.contains("police"), "\(kit.name)")
            #expect(Set(kit.phrases.originals.keys) == Set(PostVoice.allCases), "\(kit.name) has every voice")
        }
    }
}
