/// The names under which a SemEval topic appears in its tweets. Topics are written in lower case
/// ("kanye west", "@microsoft", "dunkin"); the matcher also finds them run together in hashtags and
/// handles (#KanyeWest, @Microsoft) and with a possessive 's.
public enum TopicNames {
    /// Names to mask for a topic.
    public static func names(for topic: String) -> [String] {
        let bare = topic.hasPrefix("@") || topic.hasPrefix("#") ? String(topic.dropFirst()) : topic
        return [bare]
    }
}
