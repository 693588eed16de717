import Firebreak
import FirebreakFormats
import Foundation
import Testing

@testable import FirebreakDrill

/// The example archive, generated once for all the story's tests.
let story: [DrillPost] = StoryGenerator(scenario: MyNYPDStory.scenario).generate()

@Suite struct MyNYPDStoryTests {
    private let launch = MyNYPDStory.launchedAt
    private var onset: Date { MyNYPDStory.scenario.onset! }

    private func encoded(_ posts: [DrillPost]) -> [UInt8] {
        let encoder = FlattenedV2Encoder(metadata: DrillTestSupport.metadata)
        var bytes: [UInt8] = []
        for drill in posts {
            encoder.encode(drill.post, context: DrillTestSupport.context(drill), into: &bytes)
        }
        return bytes
    }

    @Test func sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() {
        let again = StoryGenerator(scenario: MyNYPDStory.scenario).generate()
        #expect(encoded(again) == encoded(story))
        let other = StoryGenerator(scenario: MyNYPDStory.scenario, seed: 7).generate()
        #expect(encoded(other) != encoded(story))
    }

    @Test func launchPostComesFirstAtFiveToSix() throws {
        let first = try #require(story.first)
        #expect(first.post.text == MyNYPDStory.brief)
        #expect(first.post.author.handle == "NYPDnews")
        #expect(first.post.kind == .original)
        #expect(FlattenedV2Encoder.timestamp(first.post.createdAt) == "2014-04-22T17:55:00.000Z")
        #expect(story.dropFirst().allSatisfy { $0.post.createdAt > first.post.createdAt })
    }

    @Test func departmentThanksTheFirstPhotoPersonally() throws {
        let firstPhoto = try #require(story.first { $0.post.hasMedia && $0.post.kind == .original })
        let replies = story.filter { $0.post.author.handle == "NYPDnews" && $0.post.kind == .reply }
        #expect(replies.count == 1)
        let thanks = try #require(replies.first)
        #expect(thanks.post.text.contains(MyNYPDStory.thanks))
        #expect(thanks.post.text.hasPrefix("@\(firstPhoto.post.author.handle) "))
        #expect(thanks.post.repliedToID == firstPhoto.post.nativeID)
        #expect(thanks.inReplyTo == firstPhoto.post.author)
        #expect(thanks.post.createdAt < launch.addingTimeInterval(15 * 60))
        #expect(firstPhoto.voice == .supportivePhoto)
    }

    @Test func quotedPostsAppearVerbatimAroundTheTurn() throws {
        for quote in MyNYPDStory.quotedPosts {
            let original = try #require(story.first { $0.post.kind == .original && $0.post.text == quote }, "\(quote)")
            let minutes = original.post.createdAt.timeIntervalSince(launch) / 60
            #expect((55...70).contains(minutes))
            #expect(story.contains { $0.post.repostedID == original.post.nativeID }, "nobody reposted \(quote)")
        }
    }

    @Test func criticalShareIsLowFirstAndHighAfterTheOnset() {
        func share(_ from: Date, _ to: Date) -> (Double, Int) {
            let window = story.filter { $0.post.createdAt >= from && $0.post.createdAt < to }
            let critical = window.filter { $0.stance == .critical }.count
            return (Double(critical) / Double(max(1, window.count)), window.count)
        }
        let (early, earlyCount) = share(launch, launch.addingTimeInterval(45 * 60))
        #expect(earlyCount >= 15)
        #expect(early < 0.15, "critical share in the first 45 minutes: \(early)")
        let (late, lateCount) = share(onset.addingTimeInterval(15 * 60), onset.addingTimeInterval(120 * 60))
        #expect(lateCount > 1_000)
        #expect(late > 0.7, "critical share after the onset: \(late)")
    }

    @Test func volumeRisesToThousandsAnHour() {
        let times = story.map { $0.post.createdAt.timeIntervalSince1970 }
        func peak(windowSeconds: Double) -> Int {
            var best = 0
            var low = 0
            for high in times.indices {
                while times[high] - times[low] >= windowSeconds { low += 1 }
                best = max(best, high - low + 1)
            }
            return best
        }
        #expect(peak(windowSeconds: 3_600) >= 2_000)
        let tenMinutePeakPerHour = peak(windowSeconds: 600) * 6
        #expect((6_000...11_000).contains(tenMinutePeakPerHour), "peak \(tenMinutePeakPerHour)/h")
        let firstHour = times.filter { $0 < launch.timeIntervalSince1970 + 3_300 }.count
        #expect(firstHour < 100)
        #expect((3_000...5_000).contains(story.count))
    }

    @Test func themesActivistsAndFreshAccountsAreThere() {
        let themes = Set(story.compactMap(\.theme))
        #expect(themes.isSuperset(of: ["jaywalker", "dog", "hair"]))
        let handles = Set(story.map(\.post.author.handle))
        #expect(handles.isSuperset(of: ["OccupyWallSt", "CopWatchNYC", "NYPDnews"]))
        let fresh = Set(
            story.filter { $0.post.author.createdAt.map { launch.timeIntervalSince($0) < 14 * 86_400 } ?? false }
                .map(\.post.author.id))
        #expect(fresh.count >= 5)
        #expect(handles.count > 1_000)
        let activistPosts = story.filter { ["OccupyWallSt", "CopWatchNYC"].contains($0.post.author.handle) }
        #expect(activistPosts.count >= 20)
        #expect(story.contains { $0.post.author.verified == true && $0.voice == .neutral })
    }

    @Test func formsAndHashtagsAreLikeTheRealArchive() {
        let kinds = Dictionary(grouping: story, by: \.post.kind).mapValues(\.count)
        #expect(kinds[.repost, default: 0] > story.count / 5)
        #expect(kinds[.reply, default: 0] > 100)
        #expect(kinds[.quote, default: 0] > 20)
        for drill in story where drill.post.kind != .reply {
            #expect(drill.post.hashtags.contains { $0.lowercased() == "#mynypd" }, "\(drill.post.text)")
        }
        let spellings = Set(story.flatMap(\.post.hashtags).filter { $0.lowercased() == "#mynypd" })
        #expect(spellings.count >= 3)
        #expect(story.contains { $0.post.kind == .reply && !$0.post.hashtags.contains { $0.lowercased() == "#mynypd" } })
        #expect(story.contains { !$0.post.links.isEmpty })
        #expect(story.contains { $0.post.text.unicodeScalars.contains { $0.value >= 0x1F300 } })
        #expect(Set(story.map(\.post.text)).count > 1_000)
        let ids = story.map { UInt64($0.post.nativeID)! }
        #expect(Set(ids).count == ids.count)
        // Snowflakes carry the millisecond in their high bits, so they follow event time (workers vary within one).
        let millis = ids.map { $0 >> 22 }
        #expect(zip(millis, millis.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(
            zip(story, millis).allSatisfy { drill, ms in
                Int64(ms) + 1_288_834_974_657 == Int64((drill.post.createdAt.timeIntervalSince1970 * 1000).rounded())
            })
    }

    @Test func repostsCarryTheirOriginal() {
        for drill in story where drill.post.kind == .repost {
            #expect(drill.post.carried.count == 1)
            #expect(drill.post.carried.first?.nativeID == drill.post.repostedID)
            #expect(drill.post.carried.first?.createdAt ?? .distantFuture < drill.post.createdAt)
            #expect(drill.post.carried.first?.author.id != drill.post.author.id)
        }
    }

    @Test func scaleMultipliesVolume() {
        let scaled = StoryGenerator(scenario: MyNYPDStory.scenario, scale: 3).reduce(0) { count, _ in count + 1 }
        let ratio = Double(scaled) / Double(story.count)
        #expect(abs(ratio - 3) < 0.3, "ratio \(ratio)")
    }

    @Test func truthNamesTheOnsetAndThePhases() throws {
        let generator = StoryGenerator(scenario: MyNYPDStory.scenario)
        var recorder = TruthRecorder(generator: generator)
        for drill in story { recorder.record(drill) }
        let truth = recorder.truth
        #expect(truth.posts == story.count)
        #expect(truth.onset == launch.addingTimeInterval(57 * 60))
        #expect(truth.phases.first?.state == .healthy)
        #expect(truth.phases.map(\.posts).reduce(0, +) == story.count)
        #expect(truth.anchors.map(\.label).prefix(3) == ["launch", "first-photo", "thanks"])
        let json = try #require(String(data: try truth.jsonData(), encoding: .utf8))
        #expect(json.contains("\"onset\" : \"2014-04-22T18:52:00Z\""))
    }
}
