import Firebreak

/// Where a post can be read on its own network, built only from parts that match each network's id syntax.
///
/// Posts carry no trustworthy URL of their own, so the link is assembled from the platform, handle and id; every
/// part is checked against a strict character set first and the result is checked again as an http(s) URL.
enum PostPermalink {
    /// The post's public page, or nil when its parts do not look like the platform's ids.
    static func url(for post: Post) -> String? {
        let candidate: String?
        switch post.platform {
        case .x:
            guard isDigits(post.nativeID) else { return nil }
            let handle = post.author.handle
            let user = matches(handle, allowed: xHandle, maxLength: 15) ? handle : "i/web"
            candidate = "https://x.com/\(user)/status/\(post.nativeID)"
        case .mastodon:
            // `user@instance.social` and a numeric status id give `https://instance.social/@user/id`.
            let parts = post.author.handle.split(separator: "@", omittingEmptySubsequences: true)
            guard isDigits(post.nativeID), parts.count == 2, matches(String(parts[0]), allowed: mastodonUser, maxLength: 64),
                matches(String(parts[1]), allowed: hostname, maxLength: 253), parts[1].contains(".")
            else { return nil }
            candidate = "https://\(parts[1])/@\(parts[0])/\(post.nativeID)"
        case .bluesky:
            // `at://did:plc:xyz/app.bsky.feed.post/rkey` gives `https://bsky.app/profile/did:plc:xyz/post/rkey`.
            let prefix = "at://"
            guard post.nativeID.hasPrefix(prefix) else { return nil }
            let parts = post.nativeID.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[1] == "app.bsky.feed.post", matches(String(parts[0]), allowed: did, maxLength: 2048),
                matches(String(parts[2]), allowed: recordKey, maxLength: 512)
            else { return nil }
            candidate = "https://bsky.app/profile/\(parts[0])/post/\(parts[2])"
        case .unknown:
            candidate = nil
        }
        return candidate.flatMap { PageHTML.httpURL($0, httpsOnly: true) }
    }

    private static let xHandle = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
    private static let mastodonUser = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
    private static let hostname = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
    private static let did = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:._-")
    private static let recordKey = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~:-")

    private static func isDigits(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 32 && value.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func matches(_ value: String, allowed: Set<Character>, maxLength: Int) -> Bool {
        !value.isEmpty && value.count <= maxLength && value.allSatisfy { allowed.contains($0) }
    }
}
