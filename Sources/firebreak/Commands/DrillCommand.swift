import ArgumentParser
import Firebreak
import FirebreakDrill
import FirebreakFormats
import Foundation

/// `firebreak drill`: writes a generated campaign stream in flattened X v2 form, with its ground truth.
struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Generate a campaign stream with known ground truth (flattened X v2 JSON, one post a line).",
        discussion: """
            SCENARIO is a library name or a scenario file (.yml; see examples/scenarios). The same scenario, seed \
            and scale always give the same bytes. --scale multiplies every rate, so `--scale 200` turns the \
            #myNYPD example into a benchmark input of about a million posts.
            """
    )

    @Argument(help: "A library scenario (\(ScenarioLibrary.names.joined(separator: ", "))) or a scenario file (.yml).")
    var scenario: String

    @Option(name: .long, help: "Where to write the posts ('-' for standard output).")
    var output: String = "-"

    @Option(name: .long, help: "Where to write the ground truth (JSON).")
    var truth: String?

    @Option(name: .long, help: "Random seed (default: the scenario's own).")
    var seed: UInt64?

    @Option(name: .long, help: "Volume multiplier on every phase's rate.")
    var scale: Double = 1

    @Flag(name: .long, help: "Write compact JSON (no spaces, raw UTF-8) instead of twarc's spelling.")
    var compact = false

    func validate() throws {
        guard scale > 0, scale.isFinite else { throw ValidationError("--scale must be a positive number") }
    }

    func run() throws {
        let scenario: Scenario
        do {
            scenario = try ScenarioLibrary.resolve(self.scenario)
        } catch let error as ScenarioFileError {
            throw CommandFailure(error.description)
        }
        // A scenario file may ask for at most 10 million posts an hour; --scale must not take it past that either, or a
        // typo (1e9 for 1e3) writes until the disk is full.
        let peak = scenario.phases.flatMap { $0.rate.points.map(\.perHour) }.max() ?? 0
        guard peak * scale <= Self.maximumRate else {
            throw CommandFailure(
                "--scale \(scale) takes \(scenario.name)'s peak of \(Int(peak)) posts/h to \(Int(min(peak * scale, 1e18))), above the \(Int(Self.maximumRate)) posts/h a scenario may have"
            )
        }
        // The truth file is made before the stream is generated, so a path that cannot be written costs no run.
        if let truth, !FileManager.default.createFile(atPath: truth, contents: nil) {
            throw CommandFailure("cannot create \(truth)")
        }
        let generator = StoryGenerator(scenario: scenario, seed: seed, scale: scale)
        let encoder = FlattenedV2Encoder(metadata: Self.metadata(for: scenario), style: compact ? .compact : .twarc)
        let sink = try Self.openOutput(output)
        var recorder = TruthRecorder(generator: generator)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for drill in generator {
            recorder.record(drill)
            let context = FlattenedV2Encoder.Context(
                conversationID: drill.conversationID, inReplyToUser: drill.inReplyTo, knownUsers: drill.mentionedAuthors
            )
            encoder.encode(drill.post, context: context, into: &buffer)
            if buffer.count >= 1 << 20 {
                try sink.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try sink.write(contentsOf: buffer)
        if output != "-" { try sink.close() }
        let summary = recorder.truth
        if let truth {
            do {
                try summary.jsonData().write(to: URL(fileURLWithPath: truth))
            } catch {
                throw CommandFailure("cannot write \(truth): \(error.localizedDescription)")
            }
        }
        FileHandle.standardError.write(
            Data("drill \(scenario.name): \(summary.posts) posts, onset \(summary.onset.map { "\($0)" } ?? "none")\n".utf8)
        )
    }

    /// The most posts an hour any phase may reach once scaled: the bound a scenario file's rates have.
    static let maximumRate = 10_000_000.0

    /// The `__twarc` object an archive of the scenario's hashtag search would carry.
    static func metadata(for scenario: Scenario) -> FlattenedV2Encoder.Metadata {
        let query = scenario.campaign.hashtags.map { $0.replacingOccurrences(of: "#", with: "%23") }.joined(separator: "%20OR%20")
        return FlattenedV2Encoder.Metadata(
            url: "https://api.twitter.com/2/tweets/search/all?query=\(query)", version: "2.14.0",
            retrievedAt: "2021-06-15T14:03:11+00:00"
        )
    }

    private static func openOutput(_ path: String) throws -> FileHandle {
        if path == "-" { return FileHandle.standardOutput }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ValidationError("cannot create \(path)")
        }
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }
}
