import Foundation

/// A thank-you reply as it sits in the outbox.
struct ReplyPayload: Codable {
    var inReplyTo: String
    var platform: String
    var handle: String
    var text: String

    var json: String { DeskJSON.string(self) }

    static func decode(_ json: String) -> ReplyPayload? { try? DeskJSON.decoder().decode(ReplyPayload.self, from: Data(json.utf8)) }
}

/// A Graph API photo post (`POST /{page-id}/photos` with `url` and `caption`) as it sits in the outbox.
struct FacebookPhotoPayload: Codable {
    var pageID: String?
    var url: String
    var caption: String

    var json: String { DeskJSON.string(self) }

    static func decode(_ json: String) -> FacebookPhotoPayload? { try? DeskJSON.decoder().decode(FacebookPhotoPayload.self, from: Data(json.utf8)) }
}
