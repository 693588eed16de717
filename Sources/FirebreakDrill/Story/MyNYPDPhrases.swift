/// What the crowd said under #myNYPD on 22 April 2014: friendly photos first, then brutality photos and sarcasm.
///
/// The three posts the press quoted verbatim are scripted in `MyNYPDStory`; these templates are the crowd
/// around them, written in the tweet style of the time (t.co links, 2014 emoji, the odd post in capitals).
enum MyNYPDPhrases {
    static let book = PhraseBook(
        originals: [
            .supportivePhoto: supportivePhotos, .supportive: supportive, .neutral: neutral, .critical: critical,
            .sarcastic: sarcastic, .offensive: offensive,
        ],
        replies: [
            .supportivePhoto: supportiveReplies, .supportive: supportiveReplies, .neutral: neutralReplies,
            .critical: criticalReplies, .sarcastic: sarcasticReplies, .offensive: offensiveReplies,
        ],
        quotes: [
            .supportivePhoto: supportiveQuotes, .supportive: supportiveQuotes, .neutral: neutralQuotes,
            .critical: criticalQuotes, .sarcastic: sarcasticQuotes, .offensive: offensiveQuotes,
        ],
        slots: slots,
        hashtagSpellings: ["#myNYPD": 0.82, "#MyNYPD": 0.1, "#mynypd": 0.06, "#MYNYPD": 0.02],
        emojiTails: [
            .supportivePhoto: ["😊", "👮", "❤️", "🇺🇸", "👍", "💙", "😀", "🙌"],
            .supportive: ["🇺🇸", "💙", "👍", "🙏", "❤️"],
            .neutral: ["👀", "😳", "😬", "📸"],
            .critical: ["😡", "😠", "😢", "✊", "👎"],
            .sarcastic: ["😂", "😒", "👏", "😍", "😊", "🙌"],
            .offensive: ["🐷", "😡", "🖕"],
        ],
        shoutingShare: [.critical: 0.04, .sarcastic: 0.03, .offensive: 0.2, .supportive: 0.02],
        replyHashtagShare: 0.55
    )

    // MARK: Friendly photos with officers, as the call to action asked.

    static let supportivePhotos: [PostTemplate] = [
        PostTemplate("Me and {rank} {surname} at {place}! {tag}", photo: "Smiling with a uniformed officer at {place}"),
        PostTemplate("{family} with two of NYC's finest at {place} {tag}", photo: "Two officers posing with {family}"),
        PostTemplate("Selfie with the cops at {place} lol {tag}", photo: "Selfie with officers on patrol"),
        PostTemplate("Here's my pic with an NYPD officer from {friendly_event}! {tag}", photo: "An officer at {friendly_event}"),
        PostTemplate("NYPD horses at {place}! {family} loved them {tag}", photo: "A mounted officer letting a child pet the horse"),
        PostTemplate("Officers at {friendly_event} in {borough} {tag}", photo: "Officers handing out gifts at {friendly_event}"),
        PostTemplate("Proud of my dad, {years} years on the job {tag}", photo: "A father in NYPD uniform with his family"),
        PostTemplate("My cousin just graduated from the academy!! {tag}", photo: "A new officer at the academy graduation"),
        PostTemplate("Got a photo with the K9 unit at {place}! {tag} 🐶", photo: "A police dog and its handler"),
        PostTemplate("{rank} {surname} from {precinct} is the best. {tag}", photo: "An officer outside the precinct house"),
        PostTemplate("These guys were awesome at {friendly_event} {tag}", photo: "Officers and kids at {friendly_event}"),
        PostTemplate("Hey {owner} here's ours from {place}! {tag}", photo: "A family posing with officers at {place}"),
        PostTemplate("The officers at {place} took a picture with my kids {tag}", photo: "Two children in toy police hats with an officer"),
        PostTemplate("Ran into {rank} {surname} on patrol in {borough} {tag}", photo: "An officer on foot patrol"),
        PostTemplate("Throwback to {friendly_event} with the {precinct} crew {tag}", photo: "Group photo with precinct officers"),
        PostTemplate("{family} wanted a photo with a real police officer today {tag}", photo: "A small child saluting an officer"),
        PostTemplate("The officers who helped us when our car broke down on the BQE {tag}", photo: "Two officers beside a stalled car"),
        PostTemplate("Coffee with a cop in {borough} this morning {tag}", photo: "An officer holding a coffee cup"),
    ]

    // MARK: Friendly words, and later the defenders.

    static let supportive: [PostTemplate] = [
        PostTemplate("Thank you NYPD for everything you do {tag}"),
        PostTemplate("Shoutout to the officers of {precinct}, you keep {borough} safe {tag}"),
        PostTemplate("Love this idea {owner}! {tag}"),
        PostTemplate("My uncle is NYPD and I could not be prouder {tag}"),
        PostTemplate("Good luck with the campaign {owner} {tag}"),
        PostTemplate("Not everyone hates the police. Thank you for keeping us safe {tag}"),
        PostTemplate("For every bad photo there are 35,000 officers doing their job right. {tag}", notBefore: 62),
        PostTemplate("Ignore the haters {owner}, we appreciate you {tag}", notBefore: 62),
        PostTemplate("Sad to see all the hate on {tag}. Most cops are good people.", notBefore: 62),
        PostTemplate("Support the men and women in blue {tag}"),
        PostTemplate("Cops ran toward the towers on 9/11. Never forget that. {tag}"),
        PostTemplate("Call them pigs until you need them. {tag}"),
        PostTemplate("Great cops in {borough}, whatever twitter says tonight {tag}", notBefore: 62),
    ]

    // MARK: Onlookers, reporters and marketers.

    static let neutral: [PostTemplate] = [
        PostTemplate("The NYPD asked Twitter for photos with officers. It did not go as planned: {link} {tag}", notBefore: 62),
        PostTemplate("{tag} is trending nationwide, and not the way the department hoped {link}", notBefore: 62),
        PostTemplate("NYPD hashtag campaign backfires, draws flood of police brutality photos {link} {tag}", notBefore: 62),
        PostTemplate("How the NYPD's Twitter outreach became a PR nightmare in under an hour {link} {tag}", notBefore: 62),
        PostTemplate("Social media lesson: don't ask for photos unless you're ready for all of them. {tag}", notBefore: 62),
        PostTemplate("{tag} will be a case study in every social media class by next semester", notBefore: 62),
        PostTemplate("Watching {tag} unfold in real time is something else", notBefore: 62),
        PostTemplate("anyone else watching the {tag} hashtag right now?? wow", notBefore: 62),
        PostTemplate("Reminds me of #McDStories. Brands never learn. {tag}", notBefore: 62),
        PostTemplate("{tag} now at thousands of tweets an hour. Most of them are not friendly. {link}", notBefore: 62),
        PostTemplate("Wondering if {owner} will respond to the {tag} flood", notBefore: 62),
        PostTemplate("NYPD has not responded to requests for comment on {tag} {link}", notBefore: 62),
        PostTemplate("what is going on with {tag}"),
        PostTemplate("Live: the best and worst of the {tag} hashtag {link}", notBefore: 62),
        PostTemplate("A hashtag campaign hijacked in under an hour: {tag} {link}", notBefore: 62),
        PostTemplate("Marketing 101, chapter one: {tag}", notBefore: 62),
        PostTemplate("The {tag} hashtag has been used more than {thousands},000 times tonight {link}", notBefore: 62),
        PostTemplate("Note to brands: a hashtag is an invitation to everyone. {tag}", notBefore: 62),
        PostTemplate("The NYPD wants your photos with officers, tagged {tag} {link}"),
        PostTemplate("NYPD launches {tag} photo campaign on Twitter, best pics may go on Facebook {link}"),
        PostTemplate("Interesting move by {owner}: asking the public for photos with officers. {tag}"),
        PostTemplate("Curious how this {tag} thing goes"),
        PostTemplate("Police departments on social media, part 94: {tag} {link}"),
    ]

    // MARK: Photos and accounts of misconduct.

    static let critical: [PostTemplate] = [
        PostTemplate(
            "Here's {tag} beating an 84-year-old man for jaywalking. Feature this on Facebook. {link}", theme: "jaywalker",
            photo: "An elderly man with a bloodied head sitting on the sidewalk"),
        PostTemplate(
            "84 years old. Bloodied on the sidewalk. For JAYWALKING. {tag} {link}", theme: "jaywalker",
            photo: "A bloodied elderly man on the Upper West Side"),
        PostTemplate(
            "This is what {tag} did to an 84 y/o man on the Upper West Side over a jaywalking ticket", theme: "jaywalker",
            photo: "An elderly man with blood on his face"),
        PostTemplate("Remember when {tag} shot a homeless man's dog while he was having a seizure? I do.", theme: "dog"),
        PostTemplate("They shot his dog while he lay on the ground seizing. {tag} {link}", theme: "dog"),
        PostTemplate(
            "Woman dragged down the street by her hair. That's {tag}. {link}", theme: "hair",
            photo: "An officer pulling a woman along the street by her hair"),
        PostTemplate(
            "{tag} dragging a woman by her hair at a protest {link}", theme: "hair",
            photo: "Officers dragging a woman by the hair"),
        PostTemplate(
            "Pepper spray in the faces of peaceful protesters. {tag} {link}", theme: "pepper spray",
            photo: "Protesters doubled over after being pepper-sprayed"),
        PostTemplate("Kettled, maced and arrested for standing on a sidewalk. {tag} #OWS", theme: "protest arrests"),
        PostTemplate("Stopped and frisked {times} times before I turned 16. Here's my photo with {tag}", theme: "stop and frisk"),
        PostTemplate(
            "My photo w/ a member of the NYPD: face down on the pavement in {borough}. {tag}", theme: "stop and frisk",
            photo: "A young man pinned face down on the pavement by officers"),
        PostTemplate(
            "Here's your photo {owner}. Riot gear at Zuccotti Park. {tag} {link}", theme: "protest arrests",
            photo: "Officers in riot gear arresting protesters"),
        PostTemplate(
            "{tag} in {borough}: five cops on one teenager {link}", theme: "stop and frisk",
            photo: "Several officers holding down a teenager"),
        PostTemplate(
            "Cops slamming a pregnant woman to the ground in {borough}. {tag} {link}", theme: "violence",
            photo: "A woman held on the ground by officers"),
        PostTemplate("4.4 million stops and 88% of them innocent. Put THAT on Facebook. {tag}", theme: "stop and frisk"),
        PostTemplate(
            "You asked for photos {owner}. Here they are. {tag} {link}", theme: "violence",
            photo: "An officer swinging a baton at a man on the ground"),
        PostTemplate("This is the {tag} I know. {link}", theme: "violence", photo: "Officers kneeling on a man in the street"),
        PostTemplate("The NYPD asked for pictures and got the truth instead. {tag}"),
        PostTemplate(
            "Photos with the public? Sure. Here's one from Occupy. {tag} {link}", theme: "protest arrests",
            photo: "A protester being carried away by four officers"),
        PostTemplate("Grew up in {borough}. Every kid on my block has a {tag} story and none of them are nice."),
        PostTemplate(
            "Tag it {tag} they said. OK: {ally} {link}", theme: "violence",
            photo: "A bleeding protester in handcuffs"),
        PostTemplate("An 84-year-old man beaten bloody over jaywalking and they want selfies. {tag}", theme: "jaywalker"),
        PostTemplate("{tag} = the department that shot a seizing man's dog in the East Village", theme: "dog"),
        PostTemplate(
            "Never forget the woman they dragged by her hair. {tag} {link}", theme: "hair",
            photo: "A woman being dragged across the pavement"),
    ]

    // MARK: Criticism dressed as praise.

    static let sarcastic: [PostTemplate] = [
        PostTemplate(
            "{tag} will always lend you a hand. Or a baton. {link}", theme: "violence",
            photo: "An officer raising a baton over a crouching man"),
        PostTemplate(
            "Nothing says community like a nightstick. {tag} {link}", theme: "violence",
            photo: "Officers with batons drawn"),
        PostTemplate(
            "{tag} helps senior citizens get some rest on the sidewalk {link}", theme: "jaywalker",
            photo: "An elderly man sitting on the sidewalk with a bloodied head"),
        PostTemplate(
            "Free pepper spray facials, only at {tag}", theme: "pepper spray",
            photo: "An officer pepper-spraying a row of seated protesters"),
        PostTemplate("So nice of {tag} to help this 84-year-old lie down after crossing the street", theme: "jaywalker"),
        PostTemplate(
            "{tag} now offering free hair styling {link}", theme: "hair",
            photo: "An officer gripping a woman's hair during an arrest"),
        PostTemplate("{tag} really loves dogs. Especially the ones that belong to homeless people.", theme: "dog"),
        PostTemplate("Group hug with {tag}! {link}", theme: "protest arrests", photo: "Officers piling onto a protester"),
        PostTemplate(
            "{tag} is so friendly they'll even carry you to the van {link}", theme: "protest arrests",
            photo: "Officers carrying a limp protester toward a police van"),
        PostTemplate(
            "Look how much {tag} cares about our youth {link}", theme: "stop and frisk",
            photo: "Teenagers spread against a wall being searched"),
        PostTemplate("Making new friends with {tag}!", theme: "protest arrests", photo: "A protester pressed against a car by officers"),
        PostTemplate(
            "{tag} loves taking pictures with protesters. Real close up. {link}", theme: "protest arrests",
            photo: "An officer's hand on a protester's face"),
        PostTemplate("{owner} this campaign is going GREAT {tag}"),
        PostTemplate("Stop-and-frisk: the {tag} spa treatment", theme: "stop and frisk"),
        PostTemplate("{tag}: protecting New Yorkers from the dangers of walking while 84", theme: "jaywalker"),
        PostTemplate("The {tag} welcome wagon has arrived {link}", theme: "violence", photo: "A line of officers in riot helmets"),
        PostTemplate("Wow {tag} really does go above and beyond", theme: "violence", photo: "Officers tackling a man to the ground"),
        PostTemplate("Such a great idea, {owner}. Really. Keep it up. {tag}"),
        PostTemplate("Say cheese! {tag} {link}", theme: "pepper spray", photo: "An officer aiming pepper spray at the camera"),
        PostTemplate("10/10 would get pepper sprayed again {tag}", theme: "pepper spray"),
        PostTemplate("Can't wait to see all these on the Facebook page {owner} {tag}"),
        PostTemplate("{tag} gives the best hugs {link}", theme: "violence", photo: "An officer with a man in a headlock"),
        PostTemplate("Ah yes, the famous {tag} hospitality", theme: "violence", photo: "A man bleeding in the back of a police car"),
    ]

    // MARK: Abuse.

    static let offensive: [PostTemplate] = [
        PostTemplate("fuck the police. there's my photo {tag}"),
        PostTemplate("pigs gonna pig {tag}"),
        PostTemplate("{tag} bunch of thugs with badges"),
        PostTemplate("oink oink {tag}"),
        PostTemplate("ACAB {tag}"),
        PostTemplate("These pigs want a photo op? {tag}"),
        PostTemplate("Screw you {owner} {tag}"),
        PostTemplate("{tag} = the biggest gang in New York"),
        PostTemplate("{tag} can go to hell"),
        PostTemplate("Bunch of bullies in blue. {tag}"),
    ]

    // MARK: Replies (the replied-to handle goes in front).

    static let supportiveReplies: [PostTemplate] = [
        PostTemplate("Great photo!"), PostTemplate("love this"), PostTemplate("So cute!"),
        PostTemplate("Awesome pic, thank you officers"), PostTemplate("we need more of this {tag}"),
        PostTemplate("Don't listen to the haters {tag}", notBefore: 62), PostTemplate("Thank you for your service"),
    ]

    static let criticalReplies: [PostTemplate] = [
        PostTemplate("here's another one for your Facebook page {link}", photo: "Officers pinning a man to the ground"),
        PostTemplate("you really thought this was a good idea?"), PostTemplate("feature THIS {link}"),
        PostTemplate("how about a photo of the 84-year-old you beat for jaywalking?", theme: "jaywalker"),
        PostTemplate("this is the reality in {borough}"), PostTemplate("tell that to the man whose dog you shot", theme: "dog"),
        PostTemplate("ask the woman you dragged by her hair how she feels about it", theme: "hair"),
        PostTemplate("I'll never forget my first stop and frisk", theme: "stop and frisk"),
    ]

    static let sarcasticReplies: [PostTemplate] = [
        PostTemplate("great job, really nailing it"), PostTemplate("can't wait to see these on Facebook"),
        PostTemplate("so how's the campaign going?", notBefore: 62), PostTemplate("brilliant idea, truly"),
        PostTemplate("keep them coming, right?"),
    ]

    static let neutralReplies: [PostTemplate] = [
        PostTemplate("wow this blew up", notBefore: 62), PostTemplate("is this real?"), PostTemplate("has the NYPD said anything yet?"),
        PostTemplate("this hashtag is wild"), PostTemplate("screenshotting all of this"),
    ]

    static let offensiveReplies: [PostTemplate] = [
        PostTemplate("pig"), PostTemplate("go to hell"), PostTemplate("fuck off"), PostTemplate("oink"),
    ]

    // MARK: The comment of a quote.

    static let supportiveQuotes: [PostTemplate] = [
        PostTemplate("Love this! {tag}"), PostTemplate("Great idea {tag}"), PostTemplate("Sending ours tonight {tag}"),
    ]

    static let criticalQuotes: [PostTemplate] = [
        PostTemplate("Here's the {tag} I know"), PostTemplate("Ask and ye shall receive {tag}"),
        PostTemplate("They asked for it {tag}"),
    ]

    static let sarcasticQuotes: [PostTemplate] = [
        PostTemplate("What could possibly go wrong {tag}"), PostTemplate("This is going well {tag}", notBefore: 62),
        PostTemplate("Bold move {tag}"), PostTemplate("Keep them coming! {tag}"),
    ]

    static let neutralQuotes: [PostTemplate] = [
        PostTemplate("Watch this one {tag}"), PostTemplate("Uh oh {tag}"), PostTemplate("Future case study {tag}", notBefore: 62),
        PostTemplate("This aged fast {tag}", notBefore: 62),
    ]

    static let offensiveQuotes: [PostTemplate] = [
        PostTemplate("lmao screw you {tag}"), PostTemplate("pigs {tag}"),
    ]

    // MARK: Slot values.

    static let slots: [String: [String]] = [
        "rank": ["Officer", "Officer", "Officer", "Sgt.", "Det.", "Lt.", "Captain", "officer"],
        "surname": [
            "Rodriguez", "Murphy", "Chen", "Williams", "O'Brien", "Patel", "Santiago", "Kowalski", "Johnson", "Rivera",
            "Greene", "Lopez", "Russo", "Kim", "Brown", "Delgado", "Walsh", "Ortiz",
        ],
        "place": [
            "Times Square", "Coney Island", "the Bronx Zoo", "Central Park", "the Puerto Rican Day Parade",
            "Yankee Stadium", "Citi Field", "Rockefeller Center", "the Brooklyn Bridge", "Union Square",
            "the St. Patrick's Day parade", "Grand Central", "Flushing Meadows", "Prospect Park", "Astoria Park",
            "Washington Square Park", "the marathon finish line", "the Staten Island ferry", "my kid's school",
        ],
        "precinct": [
            "the 75th precinct", "the 4-6", "the 1-0-9", "the 19th precinct", "the 120", "the 6th precinct",
            "the 9th precinct", "the 114", "the 83rd precinct", "PSA 2",
        ],
        "borough": ["Brooklyn", "Queens", "the Bronx", "Staten Island", "Manhattan", "Harlem", "Bed-Stuy", "East New York"],
        "friendly_event": [
            "National Night Out", "the block party", "my son's birthday", "the toy drive", "the charity 5K",
            "career day", "community day", "the Halloween parade",
        ],
        "family": [
            "My daughter", "My son", "My grandma", "My little brother", "The kids", "My nephew", "My mom", "My twins",
        ],
        "years": ["15", "20", "22", "25", "30"],
        "times": ["3", "4", "5", "6", "7"],
        "thousands": ["20", "30", "40", "50", "60", "70"],
        "link": [
            "http://gothamist.com/2014/04/22/nypd_twitter_campaign.php",
            "http://www.buzzfeed.com/nypd-twitter-photos",
            "http://www.theverge.com/2014/4/22/nypd-hashtag-myNYPD",
            "http://www.nydailynews.com/new-york/nypd-twitter-campaign-backfires-article-1.1764876",
            "http://instagram.com/p/nYpD3x8Kq1/",
            "http://twitpic.com/e2k4q9",
            "http://www.youtube.com/watch?v=q8dW3nYpD2k",
            "http://imgur.com/a/myNYPD",
            "http://storify.com/metrodesk/mynypd",
        ],
    ]
}
