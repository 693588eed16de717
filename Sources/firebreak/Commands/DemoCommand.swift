import ArgumentParser
import Firebreak
import FirebreakDrill
import FirebreakFormats
import FirebreakServer
import FirebreakStore
import Foundation
import Logging

/// `firebreak demo`: the desk with the #myNYPD example replayed in accelerated event time.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the desk with the #myNYPD example replayed fast, and print the URL and a one-time login.",
        discussion: """
            The example is generated from the built-in #myNYPD scenario into a temporary folder (the same stream as \
            examples/mynypd/posts.jsonl). At the default speed of 30, its first two hours take four minutes: watch \
            the campaign turn, the hijack alert fire and the desk freeze its gallery and replies. When the replay \
            reaches the end of the example the desk stays up, with everything it has read, until Ctrl-C.
            """
    )

    @Option(name: .long, help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: "Event seconds per wall second.")
    var speed: Double = 30

    @Option(name: .long, help: "Keep the demo's database here instead of a temporary folder.")
    var database: String?

    @Option(name: .long, help: "An ingest token for the demo campaign (default: a random one, printed).")
    var ingestToken: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be above 0 and at most 100000") }
        if let ingestToken, ingestToken.count < 16 { throw ValidationError("--ingest-token must be at least 16 characters") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-demo-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = try ScenarioLibrary.resolve("mynypd")
        let posts = folder.appendingPathComponent("mynypd.jsonl")
        try Self.writeStream(scenario, to: posts)
        let token = ingestToken ?? Tokens.random()
        let entry = DeskConfiguration.CampaignEntry(
            id: "mynypd", campaign: scenario.campaign, ingestToken: token,
            policy: DeskPolicy(autoApprove: true, autoApproveMinSupportive: 0.6, autoReply: true, pullBackMinutes: 15),
            replay: DeskConfiguration.Replay(files: [posts.path], speed: speed))
        let configuration = DeskConfiguration(database: database ?? folder.appendingPathComponent("desk.sqlite").path, campaigns: [entry])
        let store = try SQLiteStore(path: configuration.database)
        if try await store.user(named: "admin") == nil {
            // Nobody types this password: the admin logs in with the one-time token below.
            try await store.save(user: UserRecord(name: "admin", passwordHash: await Passwords.hash(Tokens.random(), cost: 10), role: .admin, createdAt: Date()))
        }
        let assessors = AssessorChoice.desk()
        let hub = try await DeskHub(configuration: configuration, store: store, assessor: assessors.assessor, explainer: assessors.explainer)
        let login = hub.issueOneTimeLogin(user: "admin")
        // The generated stream (and, without --database, the database) go with the demo.
        defer {
            try? FileManager.default.removeItem(at: posts)
            if database == nil { try? FileManager.default.removeItem(at: folder) }
        }
        try await DeskServer(hub: hub).run(host: host, port: port) { [host, speed] port in
            FileHandle.standardOutput.write(Data(
                """
                Firebreak demo: #myNYPD \(Self.pace(speed: speed)).

                  Desk:       http://\(host):\(port)/login?token=\(login)
                  One-time login token (user admin): \(login)
                  Gallery:    http://\(host):\(port)/gallery/mynypd
                  Ingest:     curl -H 'Authorization: Bearer \(token)' --data-binary @posts.jsonl http://\(host):\(port)/api/campaigns/mynypd/posts

                Press Ctrl-C to stop.

                """.utf8))
        }
    }

    /// "replayed at 30× (the first two hours in 4 minutes)", in the unit that reads best for the speed.
    static func pace(speed: Double) -> String {
        let shown = speed == speed.rounded() ? String(Int(speed)) : String(format: "%g", speed)
        let seconds = Int((7200 / speed).rounded())
        let span =
            switch seconds {
            case ..<1: "under a second"
            case 1: "1 second"
            case ..<120: "\(seconds) seconds"
            case ..<7200: "\(Int((Double(seconds) / 60).rounded())) minutes"
            default: String(format: "%g hours", (Double(seconds) / 3600 * 10).rounded() / 10)
            }
        return "replayed at \(shown)× (the first two hours in \(span))"
    }

    /// Writes the scenario's stream as flattened X v2 lines, as `firebreak drill` does.
    static func writeStream(_ scenario: Scenario, to url: URL) throws {
        let generator = StoryGenerator(scenario: scenario, seed: nil, scale: 1)
        let encoder = FlattenedV2Encoder(metadata: DrillCommand.metadata(for: scenario), style: .twarc)
        var buffer: [UInt8] = []
        for drill in generator {
            let context = FlattenedV2Encoder.Context(conversationID: drill.conversationID, inReplyToUser: drill.inReplyTo, knownUsers: drill.mentionedAuthors)
            encoder.encode(drill.post, context: context, into: &buffer)
        }
        try Data(buffer).write(to: url)
    }
}
