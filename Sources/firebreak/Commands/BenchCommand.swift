import ArgumentParser
import Firebreak
import FirebreakDrill
import Foundation

/// `firebreak bench-monitor`: measures the monitor alone on posts already decoded and assessed in memory.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-monitor",
        abstract: "Measure the monitor's throughput on assessed posts in memory, in thread CPU time (build with -c release).",
        shouldDisplay: false
    )

    @Option(help: "Scale of the #myNYPD drill used as input (1 is about 3,500 posts with their carried originals).")
    var scale: Double = 60

    @Option(help: "Times to repeat the measurement; the best run is reported, and with more than one the median too.")
    var repeats: Int = 3

    func validate() throws {
        guard scale > 0, scale.isFinite else { throw ValidationError("--scale must be a positive number") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        let campaign = MyNYPDStory.campaign
        let assessor = AssessorChoice.make()
        let extractor = TermExtractor(campaign: campaign)
        let posts = StoryGenerator(scenario: MyNYPDStory.scenario, scale: scale).generate().flatMap { [$0.post] + $0.post.carried }
        var assessed: [AssessedPost] = []
        assessed.reserveCapacity(posts.count)
        for post in posts {
            assessed.append(AssessedPost(post: post, assessment: assessor.assess(post, in: campaign), features: extractor.features(of: post)))
        }
        print("\(assessed.count) assessed posts in memory")
        // In batches of 1,024, as the pipeline hands them to `analyze`.
        let batches = stride(from: 0, to: assessed.count, by: 1024).map { Array(assessed[$0..<min($0 + 1024, assessed.count)]) }
        var adds: [Double] = []
        var totals: [Double] = []
        var reports: [Double] = []
        for _ in 0..<repeats {
            let analysis = CampaignAnalysis(campaign: campaign)
            // Arrays of their own, as the pipeline hands them over (a shared one would be copied first).
            var fresh = batches.map { $0.map { $0 } }
            let start = threadNanoseconds()
            for index in fresh.indices { analysis.add(contentsOf: &fresh[index]) }
            let added = threadNanoseconds()
            let report = analysis.report(
                input: InputSummary(files: [], records: 0, posts: 0, duplicates: 0, rejected: 0, rejections: []), generatedBy: "bench")
            let end = threadNanoseconds()
            adds.append(Double(added - start) / 1e9)
            totals.append(Double(end - start) / 1e9)
            reports.append(Double(end - added) / 1e9)
            precondition(report.summary.posts > 0)
            withExtendedLifetime(fresh) {}  // freed after the clock stops, as `analyze` frees batches off the monitor's thread
        }
        let n = Double(assessed.count)
        let (bestAdd, bestTotal) = (adds.min()!, totals.min()!)
        print(String(format: "monitor add: %.3f s, %.0f posts/s", bestAdd, n / bestAdd))
        print(String(format: "monitor add + detectors + report: %.3f s, %.0f posts/s", bestTotal, n / bestTotal))
        print(String(format: "detectors + report alone: %.3f s", reports.min()!))
        if repeats > 1 {
            // On a shared machine the best run is the closest to the monitor's own speed; the medians show the spread.
            let (add, total) = (median(of: adds), median(of: totals))
            print(
                String(
                    format: "medians of %d runs: add %.3f s (%.0f posts/s), add + detectors + report %.3f s (%.0f posts/s), detectors + report %.3f s",
                    repeats, add, n / add, total, n / total, median(of: reports)))
        }
        var featureTime = Double.infinity
        for _ in 0..<repeats {
            let start = threadNanoseconds()
            var sink = 0
            for post in posts { sink &+= extractor.features(of: post).terms.count }
            featureTime = min(featureTime, Double(threadNanoseconds() - start) / 1e9)
            precondition(sink >= 0)
        }
        print(String(format: "text features (parallel stage, one core): %.0f posts/s", n / featureTime))
    }
}
