/// JSON string literals for hand-written JSON output (`classify`'s lines), escaped like the reports.
public enum JSONString {
    /// The string as a quoted JSON literal: quotes, backslashes, control characters and U+2028/2029 escaped.
    public static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 2)
        JSONNode.writeString(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
