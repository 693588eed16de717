import FirebreakDrill
import FirebreakFormats

/// Shared pieces of the drill tests.
enum DrillTestSupport {
    static let metadata = FlattenedV2Encoder.Metadata(
        url: "https://api.twitter.com/2/tweets/search/all?query=%23myNYPD", version: "2.14.0",
        retrievedAt: "2021-06-15T14:03:11+00:00"
    )

    static func context(_ drill: DrillPost) -> FlattenedV2Encoder.Context {
        FlattenedV2Encoder.Context(
            conversationID: drill.conversationID, inReplyToUser: drill.inReplyTo, knownUsers: drill.mentionedAuthors
        )
    }
}
