import Firebreak
import FirebreakModels

/// Picks the assessor commands use: the shipped trained models, or the lexicon baseline when asked for
/// (`--assessor lexicon`) or when the models cannot be loaded (with a warning, never silently).
enum AssessorChoice {
    /// `explain` attaches the reasons behind each assessment; it is the slow part, so bulk runs leave it off.
    static func make(lexicon: Bool = false, explain: Bool = false) -> any Assessor {
        if lexicon { return LexiconAssessor() }
        do {
            return ModelAssessor(models: try ShippedModels.loadAll(), reasonCount: explain ? 5 : 0)
        } catch {
            Output.warn("firebreak: cannot load the trained models (\(error)); using the lexicon baseline")
            return LexiconAssessor()
        }
    }
}
