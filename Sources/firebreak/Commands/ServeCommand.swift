import ArgumentParser
import Firebreak
import FirebreakServer
import FirebreakStore
import Foundation
import Logging

/// `firebreak serve`: the campaign desk for the campaigns of a configuration file.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the campaign desk (web app and JSON API) for the campaigns in a configuration file.",
        discussion: """
            The configuration (firebreak.yml; see docs/desk.md) names the SQLite database, the campaigns, their \
            ingest tokens, policies, replays and notification endpoints. Create the first admin with \
            `firebreak user add NAME --role admin --config firebreak.yml`.
            """
    )

    @Option(name: .long, help: "The desk configuration (YAML).")
    var config: String = "firebreak.yml"

    @Option(name: .long, help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Flag(name: .long, help: "Do not start the configured archive replays.")
    var noReplay = false

    @Flag(name: .long, help: "Use the lexicon baseline instead of the trained models.")
    var lexicon = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let configuration: DeskConfiguration
        do {
            configuration = try DeskConfigurationFile.load(path: config)
        } catch {
            throw CommandFailure("\(error)")
        }
        let store = try SQLiteStore(path: configuration.database)
        if try await store.users().isEmpty {
            Output.warn("firebreak: no users yet; create an admin with `firebreak user add NAME --role admin --config \(config)`")
        }
        let assessors = AssessorChoice.desk(lexicon: lexicon)
        let hub = try await DeskHub(configuration: configuration, store: store, assessor: assessors.assessor, explainer: assessors.explainer)
        try await DeskServer(hub: hub).run(host: host, port: port, replay: !noReplay) { [host] port in
            FileHandle.standardOutput.write(Data("Firebreak desk on http://\(host):\(port)/\n".utf8))
        }
    }
}
