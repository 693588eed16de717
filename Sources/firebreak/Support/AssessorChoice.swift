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

    /// The desk's pair over one loaded copy of the models: a fast assessor for ingest and one that explains, for
    /// showing a post's "why".
    static func desk(lexicon: Bool = false) -> (assessor: any Assessor, explainer: any Assessor) {
        if lexicon { return (LexiconAssessor(), LexiconAssessor()) }
        do {
            let models = try ShippedModels.loadAll()
            return (ModelAssessor(models: models, reasonCount: 0), ModelAssessor(models: models, reasonCount: 5))
        } catch {
            Output.warn("firebreak: cannot load the trained models (\(error)); using the lexicon baseline")
            return (LexiconAssessor(), LexiconAssessor())
        }
    }
}
