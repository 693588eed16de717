import Foundation
import Testing

@testable import Firebreak

/// `Post` shares its fields between copies; these check that it still behaves as a plain value.
@Suite struct PostTests {
    private let original = makePost(
        "1", author: "fan", text: "Proud of our officers #myNYPD", links: ["https://example.org/a"], media: [photo],
        carried: [makePost("0", author: "NYPDnews", text: "Tweet us a photo #myNYPD")])

    @Test func changingACopyLeavesTheOriginalAlone() {
        var copy = original
        copy.text = "Changed"
        copy.hashtags.append("#other")
        copy.carried[0].text = "Changed too"
        copy.author.handle = "someone"
        #expect(original.text == "Proud of our officers #myNYPD")
        #expect(original.hashtags == ["#myNYPD"])
        #expect(original.carried[0].text == "Tweet us a photo #myNYPD")
        #expect(original.author.handle == "fan")
        #expect(copy.text == "Changed")
        #expect(copy.hashtags == ["#myNYPD", "#other"])
        #expect(copy.carried[0].text == "Changed too")
        #expect(copy != original)
    }

    @Test func postsWithTheSameFieldsAreEqualWhateverTheirStorage() {
        let twin = makePost(
            "1", author: "fan", text: "Proud of our officers #myNYPD", links: ["https://example.org/a"], media: [photo],
            carried: [makePost("0", author: "NYPDnews", text: "Tweet us a photo #myNYPD")])
        #expect(twin == original)
        #expect(twin.hashValue == original.hashValue)
        var other = twin
        other.quotedID = "9"
        #expect(other != original)
        #expect(Set([twin, original, other]).count == 2)
    }

    @Test func encodesEveryFieldUnderItsNameAndReadsItBack() throws {
        var post = original
        post.language = "en"
        post.origin = .file("a.jsonl", record: 3)
        let data = try JSONEncoder().encode(post)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["nativeID"] as? String == "1")
        #expect(object["language"] as? String == "en")
        #expect(object["repliedToID"] == nil)  // absent optionals are left out
        #expect((object["carried"] as? [Any])?.count == 1)
        #expect(try JSONDecoder().decode(Post.self, from: data) == post)
    }

    @Test func decodingNeedsTheRequiredFieldsOnly() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(original)) as? [String: Any])
        object["metrics"] = nil
        let withoutOptional = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(Post.self, from: withoutOptional).metrics == nil)
        object["text"] = nil
        let withoutText = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Post.self, from: withoutText) }
    }
}
