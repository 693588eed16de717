import Firebreak
import FirebreakStore
import Foundation

/// Assessed posts with a chosen reading, for driving the desk without a model.
enum StoredPostFactory {
    static let photo = Media(kind: .photo, url: "https://pbs.twimg.com/media/x.jpg", altText: "photo")

    static func assessed(
        _ id: String, _ stance: Stance, author: String = "fan", at time: Date = launch.addingTimeInterval(60), text: String = "Proud of our officers #myNYPD",
        photo: Bool = true, irony: Double = 0
    ) -> AssessedPost {
        let post = Post(
            platform: .x, nativeID: id, author: Author(id: "u-\(author)", handle: author), createdAt: time, text: text, hashtags: ["#myNYPD"],
            media: photo ? [Self.photo] : [])
        let pc = stance == .critical ? 0.9 : stance == .neutral ? 0.2 : 0.05
        let ps = stance == .supportive ? 0.9 : stance == .neutral ? 0.2 : 0.05
        let assessment = Assessment(
            stance: stance, pCritical: pc, pSupportive: ps, sentiment: stance == .critical ? .negative : .positive, pSentiment: [0.2, 0.6, 0.2],
            irony: irony, offensive: 0, mentionsTarget: true, reasons: [.init(head: "stance", feature: "w:proud", weight: 1.2)])
        return AssessedPost(post: post, assessment: assessment)
    }

    /// An hour of friendly posts, then a hijack: 100 posts a minute, 70 % critical, from many accounts.
    static func hijackStory() -> [AssessedPost] {
        var posts: [AssessedPost] = []
        var n = 0
        for minute in 0..<90 {
            let hijack = minute >= 60
            for i in 0..<(hijack ? 100 : 20) {
                n += 1
                let critical = hijack ? i % 10 < 7 : n % 10 == 0
                let author = critical ? "critic\(n % 700)" : "fan\(n % 1500)"
                posts.append(
                    assessed(
                        "\(100_000 + n)", critical ? .critical : .supportive, author: author, at: launch.addingTimeInterval(Double(minute * 60 + i % 60)),
                        text: critical ? "beaten for jaywalking #myNYPD" : "Proud of our officers #myNYPD"))
            }
        }
        return posts
    }
}

/// Stored records built without a store.
enum FirebreakStoreRecord {
    static func stored(_ item: AssessedPost, sequence: Int64) -> StoredPost {
        StoredPost(campaignID: "mynypd", post: item.post, assessment: item.assessment, receivedAt: Date(), sequence: sequence)
    }
}
