import Foundation
import Testing

@Suite("firebreak bench-language")
struct BenchLanguageCommandTests {
    /// With several passes it prints each one, then the best and the median, with the load time and memory as before.
    @Test func timesEachPassAndReportsTheBestAndTheMedian() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let text = dir.appendingPathComponent("posts.txt")
        try Data("Thanks NYPD officers, heroes!\n#myNYPD cares about noise control\n\nso proud of our cops\n".utf8).write(to: text)
        let result = try CLIRunner.run(["bench-language", "--text", text.path, "--posts", "300", "--repeats", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("models loaded and fused in"))
        // The empty line is not a post: three lines cycled to 300 posts.
        #expect(out.contains("300 posts from \(text.path)"))
        for pass in 1...3 { #expect(out.contains("pass \(pass): ")) }
        #expect(!out.contains("pass 4: "))
        let best = try #require(out.firstMatch(of: /best of 3 passes: (\d+) posts\/s/)).1
        let median = try #require(out.firstMatch(of: /median pass: (\d+) posts\/s/)).1
        #expect(Int(best)! >= Int(median)!)
        #expect(out.contains("peak resident memory: "))
    }

    /// One pass (the default) prints one figure, as the documented command always has.
    @Test func onePassPrintsOneFigure() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let text = dir.appendingPathComponent("posts.txt")
        try Data("Thanks NYPD officers, heroes!\n".utf8).write(to: text)
        let result = try CLIRunner.run(["bench-language", "--text", text.path, "--posts", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("four heads + stance rule, one core: "))
        #expect(!result.stdout.contains("best of"))
    }

    /// Nothing to time is refused with the reason.
    @Test func refusesNoPassesNoPostsAndNoText() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let text = dir.appendingPathComponent("posts.txt")
        try Data("a post\n".utf8).write(to: text)
        let noPasses = try CLIRunner.run(["bench-language", "--text", text.path, "--repeats", "0"])
        #expect(noPasses.status != 0)
        #expect(noPasses.stderr.contains("--repeats must be at least 1"))
        let noPosts = try CLIRunner.run(["bench-language", "--text", text.path, "--posts", "0"])
        #expect(noPosts.status != 0)
        #expect(noPosts.stderr.contains("--posts must be at least 1"))
        let empty = dir.appendingPathComponent("empty.txt")
        try Data("\n\n".utf8).write(to: empty)
        let nothing = try CLIRunner.run(["bench-language", "--text", empty.path, "--posts", "10"])
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("no text in"))
        #expect(!nothing.stdout.contains("posts/s"))
    }
}
