import Firebreak
import Foundation

/// The lexicon's reading of a bare text, for tests of what the mean-sentiment rule sees.
enum LexiconProbe {
    static let campaign = Campaign(name: "MyCupStory", hashtags: ["#MyCupStory"])

    static func pSentiment(_ text: String) -> [Double] {
        let post = Post(platform: .x, nativeID: "1", author: Author(id: "1", handle: "someone"), createdAt: Date(), text: text)
        return LexiconAssessor().assess(post, in: campaign).pSentiment
    }
}
