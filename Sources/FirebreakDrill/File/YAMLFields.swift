/// The fields of one mapping in a scenario file, looked up by name with errors that name what is missing.
struct YAMLFields {
    let owner: YAMLValue
    let values: [String: YAMLValue]
    /// Keys in file order.
    let order: [String]

    func required(_ key: String) throws -> YAMLValue {
        guard let value = values[key] else {
            // The field's own path, at the line of the mapping it is missing from.
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw ScenarioFileError(file: owner.file, line: owner.node.mark?.line, field: path, message: "missing field '\(key)'")
        }
        return value
    }

    func optional(_ key: String) -> YAMLValue? {
        values[key]
    }
}
