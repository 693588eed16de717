import Testing

@testable import firebreak

/// The demo's first line says how long the first two hours of the example take at the chosen speed.
@Suite("firebreak demo pace")
struct DemoPaceTests {
    @Test(
        "the span is read in seconds, minutes or hours as fits",
        arguments: [
            (30.0, "replayed at 30× (the first two hours in 4 minutes)"),
            (600, "replayed at 600× (the first two hours in 12 seconds)"),
            (100_000, "replayed at 100000× (the first two hours in under a second)"),
            (7200, "replayed at 7200× (the first two hours in 1 second)"),
            (1, "replayed at 1× (the first two hours in 2 hours)"),
            (0.25, "replayed at 0.25× (the first two hours in 8 hours)"),
            (0.7, "replayed at 0.7× (the first two hours in 2.9 hours)"),
        ])
    func pace(speed: Double, expected: String) {
        #expect(DemoCommand.pace(speed: speed) == expected)
    }
}
