import Firebreak

/// Picks the assessor commands use: the shipped trained models when present, the lexicon baseline otherwise.
enum AssessorChoice {
    static func make() -> any Assessor {
        LexiconAssessor()
    }
}
