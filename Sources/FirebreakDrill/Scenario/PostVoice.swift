import Firebreak

/// What a generated post says, which fixes its true stance toward the campaign's target.
public enum PostVoice: String, Sendable, Hashable, Codable, CaseIterable {
    /// A friendly photo with the target, as the call to action asked.
    case supportivePhoto = "supportive_photo"
    /// Friendly words without a photo: praise, thanks, defence of the target.
    case supportive
    /// Reporting or remarking on the campaign without taking a side (journalists, onlookers).
    case neutral
    /// A plain accusation: photos and accounts of misconduct.
    case critical
    /// Criticism dressed as praise: the irony a sentiment lexicon misreads.
    case sarcastic
    /// Abuse and insults aimed at the target.
    case offensive

    /// The stance a careful reader would give the post.
    public var stance: Stance {
        switch self {
        case .supportivePhoto, .supportive: .supportive
        case .neutral: .neutral
        case .critical, .sarcastic, .offensive: .critical
        }
    }
}
