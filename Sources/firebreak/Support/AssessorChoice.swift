import Firebreak
import FirebreakModels

/// Picks the assessor commands use: the shipped trained models, or the lexicon baseline when asked for
/// (`--assessor lexicon`) or when the models cannot be loaded (with a warning, never silently).
enum AssessorChoice {
    static func make(lexicon: Bool = false) -> any Assessor {
        if lexicon { return LexiconAssessor() }
        do {
            return try ModelAssessor.shipped()
        } catch {
            Output.warn("firebreak: cannot load the trained models (\(error)); using the lexicon baseline")
            return LexiconAssessor()
        }
    }
}
