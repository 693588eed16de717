import Foundation
import Testing

@Suite("firebreak bench-monitor")
struct BenchMonitorCommandTests {
    /// Several runs give the best figures, as before, and then the medians, which are never better than the best.
    @Test func reportsTheBestRunAndTheMedians() throws {
        let result = try CLIRunner.run(["bench-monitor", "--scale", "0.3", "--repeats", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        let posts = try #require(out.firstMatch(of: /(\d+) assessed posts in memory/)).1
        #expect(Int(posts)! > 500)
        let best = try #require(out.firstMatch(of: /monitor add: ([0-9.]+) s/)).1
        let median = try #require(out.firstMatch(of: /medians of 3 runs: add ([0-9.]+) s/)).1
        #expect(Double(best)! <= Double(median)!)
        #expect(out.contains("monitor add + detectors + report: "))
        #expect(out.contains("text features (parallel stage, one core): "))
    }

    /// One run prints no medians.
    @Test func oneRunPrintsNoMedians() throws {
        let result = try CLIRunner.run(["bench-monitor", "--scale", "0.2", "--repeats", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("monitor add: "))
        #expect(!result.stdout.contains("medians of"))
    }

    /// Nothing to measure is refused with the reason.
    @Test func refusesNoRunsAndNoPosts() throws {
        let noRuns = try CLIRunner.run(["bench-monitor", "--scale", "0.2", "--repeats", "0"])
        #expect(noRuns.status != 0)
        #expect(noRuns.stderr.contains("--repeats must be at least 1"))
        let noScale = try CLIRunner.run(["bench-monitor", "--scale", "0"])
        #expect(noScale.status != 0)
        #expect(noScale.stderr.contains("--scale must be a positive number"))
    }
}
