import Firebreak
import FirebreakLanguage

extension ModelAssessor {
    /// An assessor using the models that ship with Firebreak (or those in `FIREBREAK_MODELS`).
    public static func shipped() throws -> ModelAssessor {
        ModelAssessor(models: try ShippedModels.loadAll())
    }
}
