import Foundation

/// A hashtag campaign: what it asks for, who runs it, and who it is about.
public struct Campaign: Sendable, Hashable, Codable {
    /// The thing the campaign is about, and the names people call it.
    public struct Target: Sendable, Hashable, Codable {
        /// The target's name (`NYPD`).
        public var name: String
        /// Other names that refer to the target (`police`, `cops`, ...).
        public var aliases: [String]

        /// Creates a target.
        public init(name: String, aliases: [String] = []) {
            self.name = name
            self.aliases = aliases
        }
    }

    /// A short name for the campaign.
    public var name: String
    /// Hashtags with `#`, as the owner wrote them.
    public var hashtags: [String]
    /// The owner's handles with `@`.
    public var owners: [String]
    /// The target the posts are for or against.
    public var target: Target
    /// When the call to action went out.
    public var launchedAt: Date?
    /// The call to action.
    public var brief: String?

    /// Creates a campaign; hashtags and owners are normalised to start with `#` and `@`.
    public init(
        name: String, hashtags: [String], owners: [String] = [], target: Target? = nil, launchedAt: Date? = nil,
        brief: String? = nil
    ) {
        self.name = name
        self.hashtags = hashtags.map { Campaign.normalise($0, prefix: "#") }
        self.owners = owners.map { Campaign.normalise($0, prefix: "@") }
        self.target = target ?? Target(name: name, aliases: [])
        self.launchedAt = launchedAt
        self.brief = brief
    }

    /// Every name that refers to the target inside this campaign: the target's name and aliases,
    /// the campaign's hashtags without `#`, and the owners' handles without `@`.
    public var targetNames: [String] {
        var names = [target.name] + target.aliases
        names += hashtags.map { String($0.dropFirst()) }
        names += owners.map { String($0.dropFirst()) }
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// Whether the owner's accounts include this handle (case-insensitive, with or without `@`).
    public func isOwner(handle: String) -> Bool {
        let bare = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
        return owners.contains { $0.dropFirst().caseInsensitiveCompare(bare) == .orderedSame }
    }

    /// Whether a post carries one of the campaign's hashtags (case-insensitive).
    public func carriesHashtag(_ post: Post) -> Bool {
        post.hashtags.contains { tag in hashtags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
    }

    static func normalise(_ value: String, prefix: Character) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.first == prefix ? trimmed : "\(prefix)\(trimmed)"
    }
}
