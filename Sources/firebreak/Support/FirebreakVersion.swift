/// The program's version, written into reports.
enum FirebreakVersion {
    static let current = "0.1.0"
}
