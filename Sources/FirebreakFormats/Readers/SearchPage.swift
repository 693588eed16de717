/// A search API's response page, whose posts sit in one array member.
enum SearchPage {
    /// The posts of a search response page, or nil when `record` is not one: `statuses` of X's standard search API
    /// (`search/tweets`, as tweepy and rtweet save it) and of Mastodon's v2 search (`accounts`, `statuses`,
    /// `hashtags`); `results` of X's premium and enterprise search APIs (with `next` or `requestParameters`).
    static func posts(in record: JSONValue) -> [JSONValue]? {
        guard record.kind == .object else { return nil }
        if let statuses = record["statuses"], statuses.kind == .array { return statuses.array }
        if let results = record["results"], results.kind == .array, record.has("next") || record.has("requestParameters") {
            return results.array
        }
        return nil
    }
}
