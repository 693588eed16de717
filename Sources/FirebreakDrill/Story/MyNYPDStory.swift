import Firebreak
import Foundation

/// The #myNYPD story of 22 April 2014 as a scenario: the call for photos, the friendly first hour, the turn,
/// the flood of brutality photos and sarcasm, and the press catching up.
public enum MyNYPDStory {
    /// The department's call to action, verbatim.
    public static let brief =
        "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD. It may be featured on our Facebook."

    /// The department's personal answer to the first photo.
    public static let thanks = "Thanks for the photo! Keep them coming..."

    /// The posts the press quoted, verbatim.
    public static let quotedPosts = [
        "#myNYPD cares about noise control, so they'll shoot a homeless man's dog while he's having a seizure",
        "The NYPD will also help you de-tangle your hair. #myNYPD",
        "Need a lift? The #NYPD's got you! Free Delivery, Only at #myNYPD",
    ]

    /// The launch: 22 April 2014, 1:55 pm Eastern (17:55 UTC).
    public static let launchedAt = Date(timeIntervalSince1970: 1_398_189_300)

    /// The campaign as the campaign file describes it.
    public static let campaign = Campaign(
        name: "myNYPD", hashtags: ["#myNYPD"], owners: ["@NYPDnews"],
        target: Campaign.Target(
            name: "NYPD", aliases: ["NYPD", "New York Police Department", "police", "cops", "officer"]
        ),
        launchedAt: launchedAt, brief: brief
    )

    /// Minutes after the launch at which the hijack begins (18:52 UTC): the ground-truth onset.
    public static let onsetMinute = 57.0

    /// The scenario; at scale 1 it holds about four thousand posts over three hours, peaking near 9,000 an hour.
    public static var scenario: Scenario {
        Scenario(
            name: "mynypd", campaign: campaign, start: launchedAt, phases: phases, scripted: scripted,
            populations: populations, casting: casting, phrases: MyNYPDPhrases.book, roster: MyNYPDAccounts.roster,
            defaultSeed: 20_140_422
        )
    }

    // MARK: Phases

    static let friendlyMix = PostMix(
        voices: [.supportivePhoto: 0.58, .supportive: 0.2, .neutral: 0.15, .critical: 0.04, .sarcastic: 0.03],
        repostShare: 0.22, replyShare: 0.08, quoteShare: 0.02
    )

    static let turningMix = PostMix(
        voices: [.supportivePhoto: 0.22, .supportive: 0.1, .neutral: 0.1, .critical: 0.33, .sarcastic: 0.25],
        repostShare: 0.3, replyShare: 0.1, quoteShare: 0.03
    )

    static let floodMix = PostMix(
        voices: [
            .supportivePhoto: 0.02, .supportive: 0.06, .neutral: 0.1, .critical: 0.44, .sarcastic: 0.33, .offensive: 0.05,
        ],
        repostShare: 0.36, replyShare: 0.1, quoteShare: 0.03
    )

    static let trendingMix = PostMix(
        voices: [
            .supportivePhoto: 0.01, .supportive: 0.08, .neutral: 0.2, .critical: 0.38, .sarcastic: 0.28, .offensive: 0.05,
        ],
        repostShare: 0.34, replyShare: 0.1, quoteShare: 0.03
    )

    static let phases: [ScenarioPhase] = [
        // Only the launch and the first photo: the crowd has not seen the call yet.
        ScenarioPhase(name: "call to action", minutes: 3, state: .healthy, rate: .constant(0), mixAtStart: friendlyMix),
        ScenarioPhase(
            name: "friendly photos", minutes: 54, state: .healthy, rate: RateCurve([(0, 30), (54, 60)]),
            mixAtStart: friendlyMix
        ),
        ScenarioPhase(
            name: "the turn", minutes: 33, state: .hijacked,
            rate: RateCurve([(0, 150), (33, 2_500)], interpolation: .exponential), mixAtStart: turningMix,
            mixAtEnd: floodMix
        ),
        ScenarioPhase(
            name: "the flood", minutes: 20, state: .hijacked,
            rate: RateCurve([(0, 2_500), (8, 7_800), (12, 8_800), (20, 3_200)]), mixAtStart: floodMix
        ),
        ScenarioPhase(
            name: "trending nationwide", minutes: 40, state: .hijacked,
            rate: RateCurve([(0, 2_800), (40, 350)], interpolation: .exponential), mixAtStart: floodMix,
            mixAtEnd: trendingMix
        ),
        // The press writes it up; the crowd thins but does not come back friendly.
        ScenarioPhase(
            name: "the write-ups", minutes: 30, state: .hijacked, rate: RateCurve([(0, 350), (30, 200)]),
            mixAtStart: trendingMix
        ),
    ]

    // MARK: Who takes part

    static let populations: [AuthorPopulation] = [
        AuthorPopulation(
            role: .fan, newcomerShare: 0.8, freshAccountShare: 0.01, followersScale: 60, followersShape: 1.1,
            verifiedShare: 0.001),
        AuthorPopulation(
            role: .member, newcomerShare: 0.7, freshAccountShare: 0.03, followersScale: 80, followersShape: 1.05,
            verifiedShare: 0.003),
        AuthorPopulation(
            role: .activist, newcomerShare: 0.45, freshAccountShare: 0.25, followersScale: 150, followersShape: 0.9,
            verifiedShare: 0),
        AuthorPopulation(
            role: .journalist, newcomerShare: 0.5, freshAccountShare: 0, followersScale: 800, followersShape: 0.8,
            verifiedShare: 0.35),
        AuthorPopulation(
            role: .bot, newcomerShare: 0.3, freshAccountShare: 0.6, followersScale: 5, followersShape: 1.5,
            verifiedShare: 0),
    ]

    static let casting: [PostVoice: [AuthorRole: Double]] = [
        .supportivePhoto: [.fan: 0.85, .member: 0.15],
        .supportive: [.fan: 0.7, .member: 0.3],
        .neutral: [.journalist: 0.45, .member: 0.5, .bot: 0.05],
        .critical: [.activist: 0.45, .member: 0.55],
        .sarcastic: [.member: 0.75, .activist: 0.25],
        .offensive: [.member: 0.85, .activist: 0.1, .bot: 0.05],
    ]

    // MARK: The anchors of the story

    static let scripted: [ScriptedPost] = [
        ScriptedPost(label: "launch", minute: 0, handle: "NYPDnews", voice: .supportive, text: brief, popularity: 45),
        ScriptedPost(
            label: "first-photo", minute: 2.4, handle: "QueensMomDee", voice: .supportivePhoto,
            text: "Me and my daughter with Officer Ruiz at the Astoria Park spring fair! #myNYPD 😊",
            photoAltText: "A girl in a toy police hat standing next to a smiling officer", popularity: 6),
        ScriptedPost(
            label: "thanks", minute: 7.3, handle: "NYPDnews", voice: .supportive, text: "@{reply_to} \(thanks)",
            replyTo: "first-photo"),
        ScriptedPost(
            label: "turn", minute: onsetMinute, handle: "CopWatchNYC", voice: .critical,
            text: "Hey @NYPDnews, here's my photo with members of the NYPD: an 84-year-old man beaten bloody for jaywalking. #myNYPD {link}",
            theme: "jaywalker", photoAltText: "An elderly man with a bloodied head sitting on a sidewalk", popularity: 90),
        ScriptedPost(
            label: "noise-control", minute: 58.6, handle: "sarcasticNYer", voice: .sarcastic, text: quotedPosts[0],
            theme: "dog", popularity: 150),
        ScriptedPost(
            label: "de-tangle", minute: 61.2, handle: "BKTashaWrites", voice: .sarcastic, text: quotedPosts[1],
            theme: "hair", photoAltText: "An officer dragging a woman along the street by her hair", popularity: 170),
        ScriptedPost(
            label: "free-delivery", minute: 63.7, handle: "uptown_jaydee", voice: .sarcastic, text: quotedPosts[2],
            theme: "protest arrests", photoAltText: "Four officers carrying a protester by the arms and legs",
            popularity: 160),
        ScriptedPost(
            label: "occupy", minute: 70.5, handle: "OccupyWallSt", voice: .critical,
            text: "Hey @NYPDnews, you asked for photos with officers. Here are ours from Occupy Wall Street. #myNYPD {link}",
            theme: "protest arrests", photoAltText: "Officers in riot gear arresting protesters in Zuccotti Park",
            popularity: 200),
        ScriptedPost(
            label: "press", minute: 88.2, handle: "GothamWire", voice: .neutral,
            text: "NYPD asked Twitter for photos with officers. Twitter responded with photos of police brutality. #myNYPD {link}",
            popularity: 60),
        ScriptedPost(
            label: "backfired", minute: 96.4, handle: "MetroDeskNYC", voice: .neutral,
            text: "The NYPD's #myNYPD hashtag campaign has backfired, spectacularly {link}", popularity: 80),
    ]
}
