/// Why a model file could not be read.
public enum ModelFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not start with the model magic bytes.
    case notAModelFile
    /// The file was written by a newer (or unknown) format version.
    case unsupportedVersion(found: Int, supported: Int)
    /// The file ends before the data it declares.
    case truncated(needed: Int, available: Int)
    /// The stored checksum does not match the content.
    case checksumMismatch
    /// A field holds an impossible value.
    case invalid(String)

    /// A message for people.
    public var description: String {
        switch self {
        case .notAModelFile: "not a Firebreak model file (bad magic bytes)"
        case .unsupportedVersion(let found, let supported):
            "model file format version \(found) is not supported (this build reads version \(supported))"
        case .truncated(let needed, let available):
            "model file is truncated: needs at least \(needed) bytes, has \(available)"
        case .checksumMismatch: "model file is corrupt: checksum mismatch"
        case .invalid(let reason): "model file is invalid: \(reason)"
        }
    }
}
