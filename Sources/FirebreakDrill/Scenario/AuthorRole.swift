/// The kind of account a population of authors is drawn from.
public enum AuthorRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The campaign owner's own accounts.
    case owner
    /// People who like the target and answer the call to action.
    case fan
    /// The general public: most authors, most opinions.
    case member
    /// Organised critics and movements that bring their followers along.
    case activist
    /// Reporters and outlets commenting on the campaign.
    case journalist
    /// Automated accounts that repeat what they are fed.
    case bot
    /// A few hostile people who post a great deal; last, so adding it left older drills' draws unchanged.
    case troll
}
