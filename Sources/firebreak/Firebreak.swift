import ArgumentParser

@main
struct FirebreakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firebreak",
        abstract: "Run a hashtag campaign and keep it from turning into a firestorm.",
        subcommands: [
            AnalyzeCommand.self, ServeCommand.self, DemoCommand.self, UserCommand.self, BenchCommand.self, BenchReadCommand.self, TrainCommand.self,
            DrillCommand.self, ClassifyCommand.self, EvalCommand.self, EvalDetectCommand.self, BenchLanguageCommand.self,
        ]
    )
}
