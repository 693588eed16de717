import Foundation
import FirebreakLanguage

/// Locates and loads the trained model files that ship with Firebreak.
public enum ShippedModels {
    /// Why the shipped models could not be loaded.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// What went wrong, naming the file.
        public var description: String
    }

    /// The folder holding the shipped model files (override with `FIREBREAK_MODELS`).
    public static var directory: URL? {
        if let override = ProcessInfo.processInfo.environment["FIREBREAK_MODELS"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return Bundle.module.url(forResource: "Resources", withExtension: nil)
    }

    /// Loads one head's model from `directory` (default: the shipped folder).
    public static func load(_ head: Head, from directory: URL? = nil) throws -> LinearModel {
        guard let folder = directory ?? Self.directory else {
            throw LoadError(description: "the shipped model folder is missing from the bundle; set FIREBREAK_MODELS")
        }
        let url = folder.appendingPathComponent(head.fileName)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LoadError(description: "cannot read \(url.path): \(error.localizedDescription) (run `firebreak train`)")
        }
        do {
            return try ModelFile.decode([UInt8](data))
        } catch {
            throw LoadError(description: "\(url.path): \(error)")
        }
    }

    /// Loads all four heads.
    public static func loadAll(from directory: URL? = nil) throws -> LanguageModels {
        do {
            return try LanguageModels(
                sentiment: load(.sentiment, from: directory), irony: load(.irony, from: directory),
                offensive: load(.offensive, from: directory), stance: load(.stance, from: directory))
        } catch let error as ModelFileError {
            throw LoadError(description: error.description)
        }
    }
}
