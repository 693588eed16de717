import Firebreak
import FirebreakFormats
import Foundation
import Testing

@testable import FirebreakDrill

@Suite struct ScenarioFileTests {
    static let minimal = """
        name: tiny
        kit: cupstory
        seed: 9
        start: "2015-03-10T14:00:00Z"
        mixes:
          happy: {supportive_photo: 0.7, neutral: 0.3, reposts: 0.2}
        phases:
          - {name: launch, minutes: 30, rate: {points: [[0, 60], [30, 120]], interpolation: linear}, mix: happy}
          - name: turn
            minutes: 20
            state: hijacked
            rate: 200
            mix: {critical: 0.6, sarcastic: 0.4, replies: 0.1}
            mix_end: happy
        accounts:
          - {handle: Troll1, role: troll, share: 0.5, joins_at_minute: 10}
        casting:
          offensive: {troll: 1}
        bursts:
          - {minute: 35, repeats: 2, posts: 10, voice: critical, texts: ["Copperleaf lies {tag}"]}
        """

    private func parse(_ yaml: String) throws -> Scenario {
        try ScenarioFile.parse(yaml, file: "test.yml")
    }

    /// The error a YAML text gives, which must be a `ScenarioFileError`.
    private func failure(_ yaml: String) throws -> ScenarioFileError {
        do {
            _ = try parse(yaml)
        } catch let error as ScenarioFileError {
            return error
        }
        Issue.record("no error for:\n\(yaml)")
        throw CancellationError()
    }

    @Test func validFileBuildsTheScenario() throws {
        let scenario = try parse(Self.minimal)
        #expect(scenario.name == "tiny")
        #expect(scenario.defaultSeed == 9)
        #expect(scenario.campaign.hashtags == ["#MyCupStory"])
        #expect(scenario.campaign.launchedAt == scenario.start)
        #expect(scenario.phases.map(\.minutes) == [30, 20])
        #expect(scenario.phases[0].rate.perHour(atMinute: 15) == 90)
        #expect(scenario.phases[1].state == .hijacked)
        #expect(scenario.phases[1].mixAtStart.weight(of: .critical) == 0.6)
        #expect(scenario.phases[1].mixAtEnd.weight(of: .supportivePhoto) == 0.7)
        #expect(scenario.onset == scenario.start.addingTimeInterval(30 * 60))
        #expect(scenario.roster.account(handle: "troll1")?.role == .troll)
        #expect(scenario.casting[.offensive] == [.troll: 1])
        #expect(scenario.casting[.supportivePhoto] == CupStoryKit.kit.casting[.supportivePhoto])
        #expect(scenario.bursts.first?.startMinutes == [35, 36])
        #expect(scenario.scripted.map(\.label) == ["launch", "first-photo", "thanks"])
        let posts = StoryGenerator(scenario: scenario).generate()
        #expect(posts.filter { $0.post.text.contains("Copperleaf lies") }.count == 20)
    }

    @Test(arguments: [
        ("kit: cupstory\nphases: []\n", "name", "missing field 'name'"),
        ("name: x\nkit: cupstory\nphases:\n  - {name: a, minuts: 3, rate: 1, mix: {neutral: 1}}\n", "phases[0].minuts", "unknown field 'minuts'"),
        (
            "name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: 1, mix: {neutral: lots}}\n", "phases[0].mix.neutral",
            "expected a number, got 'lots'"
        ),
        ("name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: 1}\n", "phases[0].mix", "missing field 'mix'"),
        ("name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: 1, mix: gloomy}\n", "phases[0].mix", "unknown mix 'gloomy'"),
        (
            "name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, state: angry, rate: 1, mix: {neutral: 1}}\n", "phases[0].state",
            "unknown value 'angry'"
        ),
        (
            "name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: {points: [[0]]}, mix: {neutral: 1}}\n", "phases[0].rate.points[0]",
            "[minute, posts per hour]"
        ),
        (
            "name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: 1, mix: {neutral: 1, reposts: 0.8, replies: 0.5}}\n", "phases[0].mix",
            "must not exceed 1"
        ),
        ("name: x\nkit: tea\nphases: []\n", "kit", "unknown kit 'tea'"),
        ("name: x\nkit: cupstory\nphases: []\n", "phases", "at least one phase"),
        (
            "name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: 1, mix: {neutral: 1}}\ncasting:\n  gloating: {fan: 1}\n",
            "casting.gloating", "unknown voice 'gloating'"
        ),
        (
            "name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: 1, mix: {neutral: 1}}\nbursts:\n  - {minute: 1, posts: 5, voice: critical, repost_of: nope}\n",
            "bursts[0].repost_of", "no scripted post is labelled 'nope'"
        ),
        (
            "name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: 1, mix: {neutral: 1}}\nscripted:\n  - {label: a, minute: 1, handle: Nobody, voice: neutral, text: hi}\n",
            "scripted[0].handle", "'Nobody' is not a named account"
        ),
        (
            "name: x\nkit: cupstory\nphases:\n  - {name: a, minutes: 3, rate: 1, mix: {neutral: 1}}\npopulations:\n  - {role: fan, newcomer_share: 1.5}\n",
            "populations[0].newcomer_share", "out of range"
        ),
    ])
    func invalidFilesNameTheField(yaml: String, field: String, message: String) throws {
        let error = try failure(yaml)
        #expect(error.field == field, "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("test.yml:"), "\(error)")
        #expect(error.description.contains(field))
    }

    @Test func errorsCarryTheLine() throws {
        let error = try failure("name: x\nkit: cupstory\nphases:\n  - name: a\n    minutes: 3\n    rate: fast\n    mix: {neutral: 1}\n")
        #expect(error.line == 6)
        #expect(error.description == "test.yml:6: phases[0].rate: expected a number, got 'fast'")
    }

    @Test func brokenYAMLIsReportedAsSuch() throws {
        let error = try failure("name: [unclosed\nkit: cupstory\n")
        #expect(error.message.contains("not valid YAML"))
    }

    @Test func missingFileIsReportedWithItsPath() {
        #expect(throws: ScenarioFileError.self) { try ScenarioFile.load(path: "/nonexistent/scenario.yml") }
    }

    // MARK: The library's files

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/scenarios")

    @Test(arguments: ScenarioLibrary.names)
    func embeddedTextIsTheExampleFile(name: String) throws {
        let file = try String(contentsOf: Self.examples.appendingPathComponent("\(name).yml"), encoding: .utf8)
        #expect(ScenarioLibrary.yaml(named: name) == file)
        let scenario = try ScenarioFile.load(path: Self.examples.appendingPathComponent("\(name).yml").path)
        #expect(scenario.name == name)
    }

    @Test func exampleFolderHoldsExactlyTheLibrary() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { $0.hasSuffix(".yml") }
        #expect(Set(files) == Set(ScenarioLibrary.names.map { "\($0).yml" }))
    }

    @Test func mynypdFileReplaysTheStoryByteForByte() throws {
        let fromFile = StoryGenerator(scenario: try #require(try ScenarioLibrary.scenario(named: "mynypd"))).generate()
        let yaml = try #require(ScenarioLibrary.yaml(named: "mynypd"))
        let parsed = StoryGenerator(scenario: try ScenarioFile.parse(yaml, file: "mynypd.yml")).generate()
        let encoder = FlattenedV2Encoder(metadata: DrillTestSupport.metadata)
        var a: [UInt8] = []
        var b: [UInt8] = []
        for drill in fromFile { encoder.encode(drill.post, context: DrillTestSupport.context(drill), into: &a) }
        for drill in parsed { encoder.encode(drill.post, context: DrillTestSupport.context(drill), into: &b) }
        #expect(parsed.count == story.count)
        #expect(a == b)
    }
}
