import FirebreakLanguage
import Foundation

@testable import Firebreak

/// 2014-04-22T17:55:00Z, the #myNYPD launch (a whole minute).
let launch = Date(timeIntervalSince1970: 1_398_189_300)
/// The launch minute, in minutes since the epoch.
let launchMinute = 1_398_189_300 / 60

/// The #myNYPD campaign as the design describes it.
func myNYPD(launchedAt: Date? = nil) -> Campaign {
    Campaign(
        name: "myNYPD", hashtags: ["#myNYPD"], owners: ["@NYPDnews"],
        target: .init(name: "NYPD", aliases: ["New York Police Department", "police", "cops"]), launchedAt: launchedAt,
        brief: "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD.")
}

/// A post on X (unless told otherwise) by `author` at `at`.
func makePost(
    _ id: String, author: String = "fan", at time: Date = launch, text: String = "Proud of our officers #myNYPD",
    platform: Platform = .x, kind: PostKind = .original, hashtags: [String] = ["#myNYPD"], mentions: [String] = [],
    links: [String] = [], media: [Media] = [], repostedID: String? = nil, carried: [Post] = [],
    metrics: PublicMetrics? = nil, followers: Int? = nil
) -> Post {
    Post(
        platform: platform, nativeID: id, kind: kind,
        author: Author(id: "u-" + author, handle: author, followers: followers), createdAt: time, text: text,
        hashtags: hashtags, mentions: mentions, links: links, media: media, repostedID: repostedID, carried: carried,
        metrics: metrics)
}

/// An assessment with the given stance; probabilities default to a confident reading of that stance.
func makeAssessment(
    _ stance: Stance, pCritical: Double? = nil, pSupportive: Double? = nil, irony: Double = 0, offensive: Double = 0
) -> Assessment {
    let pc = pCritical ?? (stance == .critical ? 0.9 : stance == .neutral ? 0.2 : 0.05)
    let ps = pSupportive ?? (stance == .supportive ? 0.9 : stance == .neutral ? 0.2 : 0.05)
    let sentiment: Sentiment = stance == .critical ? .negative : stance == .supportive ? .positive : .neutral
    return Assessment(
        stance: stance, pCritical: pc, pSupportive: ps, sentiment: sentiment, pSentiment: [0.2, 0.6, 0.2], irony: irony,
        offensive: offensive, mentionsTarget: true)
}

/// A post with its assessment.
func assessed(
    _ id: String, _ stance: Stance, author: String = "fan", at time: Date = launch,
    text: String = "Proud of our officers #myNYPD", kind: PostKind = .original, media: [Media] = [],
    links: [String] = [], mentions: [String] = [], repostedID: String? = nil, metrics: PublicMetrics? = nil,
    followers: Int? = nil, irony: Double = 0, offensive: Double = 0, pCritical: Double? = nil, pSupportive: Double? = nil
) -> AssessedPost {
    AssessedPost(
        post: makePost(
            id, author: author, at: time, text: text, kind: kind, mentions: mentions, links: links, media: media,
            repostedID: repostedID, metrics: metrics, followers: followers),
        assessment: makeAssessment(stance, pCritical: pCritical, pSupportive: pSupportive, irony: irony, offensive: offensive))
}

/// `launch` plus a number of minutes and seconds.
func at(minute: Int, second: Double = 0) -> Date { launch.addingTimeInterval(Double(minute) * 60 + second) }

let photo = Media(kind: .photo, url: "https://pbs.example/photo.jpg")

/// Monitor figures for one minute. `criticalAuthors` are the ids of the critical posts' authors.
func figures(minute: Int, posts: Int, critical: Int, criticalAuthors: [String]) -> HealthMonitor.MinuteFigures {
    var sketch = SmallDistinctCounter()
    for author in criticalAuthors { sketch.insert(hash: StableHash.fnv1a(author)) }
    return HealthMonitor.MinuteFigures(
        minute: minute, posts: posts, critical: critical, criticalAuthors: Set(criticalAuthors).count,
        lastPostAt: Date(timeIntervalSince1970: TimeInterval(minute * 60 + 57)),
        criticalExamples: critical > 0 ? ["c\(minute)"] : [], criticalAuthorSketch: sketch,
        criticalAuthorHashes: criticalAuthors.map { StableHash.fnv1a($0) })
}

/// A deterministic generator so shuffles and samples are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return StableHash.splitMix(state)
    }
}
