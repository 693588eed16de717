/// The scenarios that ship: benign successes, hijacks fast and slow, trolls and bots, at large and small volume.
///
/// Each is a scenario file (see `examples/scenarios/`) embedded in the binary; `mynypd` plays the story's
/// own Swift definition, which the YAML form reproduces exactly.
public enum ScenarioLibrary {
    /// The names, in listing order.
    public static var names: [String] { EmbeddedScenarios.files.map(\.name) }

    /// The scenario with this name (case-insensitive), or nil.
    public static func scenario(named name: String) throws -> Scenario? {
        let key = name.lowercased()
        if key == "mynypd" { return MyNYPDStory.scenario }
        guard let entry = EmbeddedScenarios.files.first(where: { $0.name == key }) else { return nil }
        return try ScenarioFile.parse(entry.yaml, file: "<embedded \(entry.name).yml>")
    }

    /// The embedded YAML text of a library scenario.
    public static func yaml(named name: String) -> String? {
        EmbeddedScenarios.files.first { $0.name == name.lowercased() }?.yaml
    }

    /// A library name or a path to a `.yml`/`.yaml` file, resolved to a scenario.
    public static func resolve(_ nameOrPath: String) throws -> Scenario {
        if nameOrPath.hasSuffix(".yml") || nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") {
            return try ScenarioFile.load(path: nameOrPath)
        }
        guard let scenario = try scenario(named: nameOrPath) else {
            throw ScenarioFileError(
                file: nameOrPath, line: nil, field: "",
                message: "no such scenario; the library has \(names.joined(separator: ", ")), or give a .yml file")
        }
        return scenario
    }
}
