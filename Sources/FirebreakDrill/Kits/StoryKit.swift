import Firebreak
import Foundation

/// What a scenario file builds on: a campaign, its crowd's phrase book, the accounts, the anchor posts,
/// and default populations and casting.
///
/// Phrase books are long and specific to one campaign, so scenario files name a kit (`kit: cupstory`) and
/// describe only how the stream unfolds; anything the file gives replaces the kit's default.
public struct StoryKit: Sendable {
    /// The name files use (`mynypd`, `cupstory`, `transit`).
    public var name: String
    /// What kind of campaign it is, for listings.
    public var summary: String
    /// The campaign.
    public var campaign: Campaign
    /// The default launch time.
    public var start: Date
    /// What the crowd says.
    public var phrases: PhraseBook
    /// The named accounts and name parts.
    public var roster: AccountRoster
    /// The anchor posts (launch, the owner's thanks).
    public var scripted: [ScriptedPost]
    /// Default account populations.
    public var populations: [AuthorPopulation]
    /// Default casting of roles per voice.
    public var casting: [PostVoice: [AuthorRole: Double]]

    /// Creates a kit.
    public init(
        name: String, summary: String, campaign: Campaign, start: Date, phrases: PhraseBook, roster: AccountRoster,
        scripted: [ScriptedPost], populations: [AuthorPopulation], casting: [PostVoice: [AuthorRole: Double]]
    ) {
        self.name = name
        self.summary = summary
        self.campaign = campaign
        self.start = start
        self.phrases = phrases
        self.roster = roster
        self.scripted = scripted
        self.populations = populations
        self.casting = casting
    }

    /// Every kit that ships, in listing order.
    public static let all: [StoryKit] = [MyNYPDKit.kit, CupStoryKit.kit, TransitKit.kit]

    /// The kit with this name (case-insensitive).
    public static func named(_ name: String) -> StoryKit? {
        all.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// A UTC date from its parts, for kits' account creation dates and launches.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12, _ minute: Int = 0) -> Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }
}
