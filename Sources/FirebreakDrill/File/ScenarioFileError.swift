/// Why a scenario file could not be read: the file, the line, the field's path and what was wrong.
public struct ScenarioFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or `<embedded NAME>` for the built-in library).
    public var file: String
    /// The line the problem is on, when known (1-based).
    public var line: Int?
    /// The field's path from the top (`phases[2].rate`), empty for the whole document.
    public var field: String
    /// What was wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `FILE:LINE: FIELD: MESSAGE`, the way compilers point at a problem.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
