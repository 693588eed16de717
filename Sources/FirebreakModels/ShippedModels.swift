import Foundation

/// Locates the trained model files that ship with Firebreak.
public enum ShippedModels {
    /// The folder holding the shipped model files (override with `FIREBREAK_MODELS`).
    public static var directory: URL? {
        if let override = ProcessInfo.processInfo.environment["FIREBREAK_MODELS"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return Bundle.module.url(forResource: "Resources", withExtension: nil)
    }
}
