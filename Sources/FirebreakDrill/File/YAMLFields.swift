/// The fields of one mapping in a scenario file, looked up by name with errors that name what is missing.
struct YAMLFields {
    let owner: YAMLValue
    let values: [String: YAMLValue]
    /// Keys in file order.
    let order: [String]

    func required(_ key: String) throws -> YAMLValue {
        guard let value = values[key] else { throw owner.error("missing field '\(key)'") }
        return value
    }

    func optional(_ key: String) -> YAMLValue? {
        values[key]
    }
}
