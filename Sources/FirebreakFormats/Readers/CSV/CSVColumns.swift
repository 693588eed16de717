import Foundation

/// Which column of a CSV header holds which post field, by twarc-csv's names first and other tools' aliases after.
///
/// Alias order matters: `url` is the id only when no id column exists, `author` the handle only when no
/// username column does. Names are matched after trimming, lowercasing and turning spaces and hyphens into `_`, so `Tweet Id`,
/// `tweet-id` and `tweet_id` are the same column. For each field the first alias the header has wins;
/// the table is listed in docs/formats.md and must stay in step with it.
struct CSVColumns {
    /// A post field a column can fill.
    enum Field: String, CaseIterable {
        case id, text, createdAt, authorID, authorHandle, authorName, authorFollowers, authorCreatedAt, authorVerified
        case language, repliedToID, repostedID, quotedID, referencedTweets
        case likes, reposts, replies, quotes
        case hashtags, mentions, links, media, mediaKeys, mediaURLs, platform

        /// Accepted column names, normalised, in order of preference: twarc-csv's first.
        var aliases: [String] {
            switch self {
            case .id: ["id", "tweet_id", "post_id", "status_id", "message_id", "document_id", "url"]
            case .text: ["text", "full_text", "content", "message", "body", "tweet", "post_text", "hit_sentence"]
            case .createdAt: ["created_at", "date", "timestamp", "time", "datetime", "published_at", "created"]
            case .authorID: ["author_id", "author.id", "user_id", "account_id"]
            case .authorHandle:
                ["author.username", "username", "user", "screen_name", "author", "user_screen_name", "handle", "account", "author_handle"]
            case .authorName: ["author.name", "display_name", "name", "user_name", "author_name"]
            case .authorFollowers: ["author.public_metrics.followers_count", "followers", "followers_count", "user_followers_count"]
            case .authorCreatedAt: ["author.created_at", "user_created_at", "account_created_at"]
            case .authorVerified: ["author.verified", "verified", "user_verified"]
            case .language: ["lang", "language"]
            case .repliedToID: ["referenced_tweets.replied_to.id", "in_reply_to_status_id", "in_reply_to_id", "reply_to_id"]
            case .repostedID: ["referenced_tweets.retweeted.id", "retweeted_status_id", "retweet_id", "reposted_id"]
            case .quotedID: ["referenced_tweets.quoted.id", "quoted_status_id", "quote_id", "quoted_id"]
            case .referencedTweets: ["referenced_tweets"]
            case .likes: ["public_metrics.like_count", "like_count", "likes", "favorite_count", "favourites_count"]
            case .reposts: ["public_metrics.retweet_count", "retweet_count", "retweets", "reposts", "shares", "reblogs_count"]
            case .replies: ["public_metrics.reply_count", "reply_count", "replies", "replies_count"]
            case .quotes: ["public_metrics.quote_count", "quote_count", "quotes"]
            case .hashtags: ["entities.hashtags", "hashtags", "tags"]
            case .mentions: ["entities.mentions", "mentions"]
            case .links: ["entities.urls", "urls", "links", "expanded_urls"]
            case .media: ["attachments.media"]
            case .mediaKeys: ["attachments.media_keys"]
            case .mediaURLs: ["media_urls", "media_url", "media", "image_url", "image_urls"]
            case .platform: ["platform", "network", "social_network"]
            }
        }
    }

    /// The column names as they appear in the header.
    let names: [String]
    private let index: [Field: Int]

    /// Resolves the header's columns.
    init(names: [String]) {
        self.names = names
        let normalised = names.map(Self.normalise)
        var index: [Field: Int] = [:]
        for field in Field.allCases {
            for alias in field.aliases {
                if let i = normalised.firstIndex(of: alias) {
                    index[field] = i
                    break
                }
            }
        }
        self.index = index
    }

    /// The column index for `field`, when the header has one.
    subscript(field: Field) -> Int? { index[field] }

    /// The header's own name for `field`'s column, for messages.
    func name(_ field: Field) -> String? { index[field].map { names[$0] } }

    /// Whether the header is twarc-csv's: `id`, `text` and one of its dotted or `author_id` columns.
    var isTwarcCSV: Bool {
        let normalised = Set(names.map(Self.normalise))
        guard normalised.contains("id"), normalised.contains("text") else { return false }
        return normalised.contains("author_id") || normalised.contains("conversation_id")
            || normalised.contains { $0.hasPrefix("public_metrics.") || $0.hasPrefix("author.") || $0.hasPrefix("referenced_tweets.") }
    }

    /// Whether the header is an early twarc-csv's, which kept `referenced_tweets` as one JSON column and
    /// wrote every text as a JSON string (the `referenced_tweets.*.id` columns came later).
    var isLegacyTwarcCSV: Bool {
        let normalised = names.map(Self.normalise)
        return isTwarcCSV && normalised.contains("referenced_tweets")
            && !normalised.contains { $0.hasPrefix("referenced_tweets.") }
    }

    /// Trimmed, lowercased, spaces and hyphens as `_`.
    static func normalise(_ name: String) -> String {
        var result = ""
        for c in name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            result.append(c == " " || c == "-" ? "_" : c)
        }
        return result
    }
}
