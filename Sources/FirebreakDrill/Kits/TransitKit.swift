import Firebreak

/// A public agency's campaign: Riverton Metro, a fictional city transit authority, asks riders for their
/// #MyMetroMoment. Its critics talk about delays, broken lifts and fares, not the #myNYPD story.
enum TransitKit {
    static let brief = "Got a favourite moment on Riverton Metro? Share a photo with #MyMetroMoment and it could star in our stations!"

    static let campaign = Campaign(
        name: "MyMetroMoment", hashtags: ["#MyMetroMoment"], owners: ["@RivertonMetro"],
        target: Campaign.Target(name: "Riverton Metro", aliases: ["Riverton Metro", "RMT", "the metro", "Metro"]),
        launchedAt: StoryKit.utc(2016, 9, 14, 13), brief: brief
    )

    static let kit = StoryKit(
        name: "transit", summary: "a city transit agency asks riders for their favourite moments (#MyMetroMoment)",
        campaign: campaign, start: StoryKit.utc(2016, 9, 14, 13), phrases: book, roster: roster,
        scripted: [
            ScriptedPost(label: "launch", minute: 0, handle: "RivertonMetro", voice: .supportive, text: brief, popularity: 40),
            ScriptedPost(
                label: "first-photo", minute: 2.1, handle: "PlatformPaula", voice: .supportivePhoto,
                text: "The driver on the 7 waved at my son every morning for a year. He still talks about it #MyMetroMoment",
                photoAltText: "A small boy waving at a bus driver through the door", popularity: 6),
            ScriptedPost(
                label: "thanks", minute: 7.0, handle: "RivertonMetro", voice: .supportive,
                text: "@{reply_to} This made our day. We'll pass it on to the depot! Keep them coming", replyTo: "first-photo"),
        ],
        populations: [
            AuthorPopulation(role: .fan, newcomerShare: 0.8, freshAccountShare: 0.01, followersScale: 50, followersShape: 1.1, verifiedShare: 0.001),
            AuthorPopulation(
                role: .member, newcomerShare: 0.7, freshAccountShare: 0.03, followersScale: 70, followersShape: 1.05, verifiedShare: 0.003),
            AuthorPopulation(
                role: .activist, newcomerShare: 0.45, freshAccountShare: 0.2, followersScale: 120, followersShape: 0.9, verifiedShare: 0),
            AuthorPopulation(
                role: .journalist, newcomerShare: 0.5, freshAccountShare: 0, followersScale: 700, followersShape: 0.8, verifiedShare: 0.3),
            AuthorPopulation(role: .bot, newcomerShare: 0.5, freshAccountShare: 0.7, followersScale: 5, followersShape: 1.5, verifiedShare: 0),
        ],
        casting: [
            .supportivePhoto: [.fan: 0.8, .member: 0.2],
            .supportive: [.fan: 0.6, .member: 0.4],
            .neutral: [.journalist: 0.35, .member: 0.6, .bot: 0.05],
            .critical: [.activist: 0.35, .member: 0.65],
            .sarcastic: [.member: 0.85, .activist: 0.15],
            .offensive: [.member: 0.9, .bot: 0.1],
        ]
    )

    static let roster = AccountRoster(
        named: [
            NamedAccount(
                role: .owner, handle: "RivertonMetro", displayName: "Riverton Metro", followers: 88_700, createdAt: StoryKit.utc(2010, 3, 8),
                verified: true),
            NamedAccount(
                role: .fan, handle: "PlatformPaula", displayName: "Paula R.", followers: 410, createdAt: StoryKit.utc(2013, 7, 2), verified: false,
                share: 0.01),
            NamedAccount(
                role: .activist, handle: "RidersAlliance", displayName: "Riverton Riders Alliance", followers: 9_800,
                createdAt: StoryKit.utc(2012, 4, 16), verified: false, share: 0.04),
            NamedAccount(
                role: .activist, handle: "LiftsForAll", displayName: "Lifts For All", followers: 3_300, createdAt: StoryKit.utc(2014, 1, 9),
                verified: false, share: 0.03),
            NamedAccount(
                role: .journalist, handle: "RivertonCourier", displayName: "The Riverton Courier", followers: 140_200,
                createdAt: StoryKit.utc(2009, 2, 20), verified: true, joinsAtMinute: 30, share: 0.05),
            NamedAccount(
                role: .journalist, handle: "CityHallBeat", displayName: "City Hall Beat", followers: 22_600, createdAt: StoryKit.utc(2011, 8, 30),
                verified: true, joinsAtMinute: 30, share: 0.05),
        ],
        firstNames: [
            "Paula", "Dev", "Maggie", "Tom", "Rosa", "Kwame", "Lily", "Aaron", "Fatima", "Greg", "Nina", "Oscar", "June",
            "Rafael", "Tess", "Victor", "Amara", "Colin", "Hana", "Leo", "Bea", "Isaac", "Wendy", "Malik",
        ],
        lastNames: [
            "Okoro", "Reyes", "Schmidt", "Dunn", "Alvarez", "Chung", "Price", "Osei", "Byrne", "Novak", "Ahmed", "Fox",
            "Lindgren", "Marsh", "Santos", "Bauer", "Iyer", "Cole",
        ],
        movementWords: ["Riders", "Transit", "Access", "Fare", "Lifts", "Union", "Commuters", "Bus", "Rail", "Justice", "Action"],
        placeWords: ["Riverton", "RVT", "Eastside", "Northgate", "Harbour", "Downtown", "Westfield", "Central"],
        outletWords: ["Courier", "Gazette", "Desk", "Beat", "News", "Wire", "Live", "Report"]
    )

    static let book = PhraseBook(
        originals: [
            .supportivePhoto: [
                PostTemplate("Sunrise over the {line} this morning {tag}", photo: "A train crossing the river at sunrise"),
                PostTemplate("The driver on route {route} always says good morning to everyone {tag}", photo: "A bus driver smiling at the door"),
                PostTemplate("{family} rode the new trams for the first time! {tag}", photo: "A child pressing her face to a tram window"),
                PostTemplate("The mural at {station} station never gets old {tag}", photo: "A colourful mural on a station wall"),
                PostTemplate(
                    "Lost my wallet on the {line}, staff at {station} had it waiting for me. Heroes {tag}", photo: "Station staff at a ticket window"),
                PostTemplate("Hey {owner} here's my favourite seat on the {line} {tag}", photo: "A window seat with a river view"),
                PostTemplate("Proposed on the last train home. She said yes! {tag}", photo: "A couple hugging in a train carriage"),
                PostTemplate("Commute views from route {route} {tag}", photo: "City skyline through a bus window"),
                PostTemplate(
                    "My grandad drove the {line} for {years} years. Still waves at every train {tag}", photo: "An old man waving at a passing train"),
            ],
            .supportive: [
                PostTemplate("Thank you Riverton Metro staff, you keep this city moving {tag}"),
                PostTemplate("Love the new trams, great job {owner} {tag}"),
                PostTemplate("Shoutout to the night bus drivers {tag}"),
                PostTemplate("Route {route} is the best bus in the city, fight me {tag}"),
                PostTemplate("Honestly the metro gets me everywhere I need to go {tag}"),
                PostTemplate("Whatever people say, the staff at {station} are wonderful {tag}", notBefore: 30),
            ],
            .neutral: [
                PostTemplate("Riverton Metro asks riders for photos with {tag} {link}"),
                PostTemplate("Anyone posting to {tag}?"),
                PostTemplate("Agencies on social media, episode 312: {tag}"),
                PostTemplate("{tag} is trending in Riverton this afternoon {link}", notBefore: 30),
                PostTemplate("Council members asked about {tag} at today's meeting {link}", notBefore: 30),
                PostTemplate("Reading through {tag} on my lunch break", notBefore: 30),
                PostTemplate("What riders are saying under {tag} {link}", notBefore: 30),
                PostTemplate("Will {owner} respond to the {tag} replies?", notBefore: 30),
            ],
            .critical: [
                PostTemplate("My {tag}: stuck {minutes} minutes between stations on the {line} again. Terrible {link}", theme: "delays"),
                PostTemplate(
                    "The lift at {station} has been broken for {weeks} weeks. Wheelchair users can't get to the platform {tag}", theme: "lifts",
                    photo: "An out-of-order sign on a station lift"),
                PostTemplate("{ally} is right: fix the lifts before you ask for selfies {tag}", theme: "lifts"),
                PostTemplate("Fares up {percent}% while service gets worse. {tag} {link}", theme: "fares"),
                PostTemplate(
                    "Packed like sardines on the {line} at 8am, every single day {tag}", theme: "crowding", photo: "A crammed train carriage"),
                PostTemplate("Route {route} cut to once an hour and they want our happy photos {tag}", theme: "cuts"),
                PostTemplate("Third cancelled train this week. Worst service in the country {tag}", theme: "delays"),
                PostTemplate("Nobody answers the help point at {station} after dark. Unsafe and a disgrace {tag}", theme: "safety"),
                PostTemplate(
                    "Here's my {tag}: the flooded underpass at {station} {link}", theme: "maintenance", photo: "A flooded station underpass"),
            ],
            .sarcastic: [
                PostTemplate(
                    "My favourite {tag} is the {minutes} minutes I spend on the platform every morning. So relaxing", theme: "delays",
                    photo: "A crowded platform with a delay board"),
                PostTemplate("Love how the {station} lift gives wheelchair users a great reason to stay home {tag}", theme: "lifts"),
                PostTemplate("Paying {percent}% more for the same broken trains. What a deal! {tag}", theme: "fares"),
                PostTemplate("Great campaign {owner}! Can't wait to see the cancelled trains on the posters {tag}", theme: "delays"),
                PostTemplate("{tag}: the wonderful feeling of a stranger's armpit in your face at 8am", theme: "crowding"),
                PostTemplate("Thank you Riverton Metro for the free sauna on route {route} {tag}", theme: "maintenance"),
                PostTemplate("Such a helpful help point. Great chats with nobody {tag}", theme: "safety"),
                PostTemplate("Best metro in the world, if you enjoy walking {tag}", theme: "cuts"),
            ],
            .offensive: [
                PostTemplate("Riverton Metro is run by clowns {tag}"),
                PostTemplate("screw you {owner} and your stupid hashtag {tag}"),
                PostTemplate("{tag} what a pile of crap"),
                PostTemplate("whoever runs this damn metro should be fired into the river {tag}"),
                PostTemplate("useless idiots at Riverton Metro {tag}"),
            ],
        ],
        replies: [
            .supportivePhoto: [PostTemplate("Beautiful!"), PostTemplate("love this one")],
            .supportive: [
                PostTemplate("So true!"), PostTemplate("great shot {tag}"), PostTemplate("don't listen to the moaners {tag}", notBefore: 30),
            ],
            .neutral: [PostTemplate("where is this?"), PostTemplate("has the metro replied yet?", notBefore: 30)],
            .critical: [
                PostTemplate("fix the lift at {station} first", theme: "lifts"), PostTemplate("my train was cancelled again today", theme: "delays"),
                PostTemplate("lower the fares {link}", theme: "fares"),
            ],
            .sarcastic: [PostTemplate("going really well this"), PostTemplate("keep them coming, right?")],
            .offensive: [PostTemplate("clowns"), PostTemplate("shut up")],
        ],
        quotes: [
            .supportivePhoto: [PostTemplate("Lovely {tag}")],
            .supportive: [PostTemplate("Agreed {tag}")],
            .neutral: [PostTemplate("Worth a look {tag}")],
            .critical: [PostTemplate("The real {tag}"), PostTemplate("Put this one on the posters {tag}")],
            .sarcastic: [PostTemplate("Nailed it {tag}"), PostTemplate("What could go wrong {tag}")],
            .offensive: [PostTemplate("clowns {tag}")],
        ],
        slots: [
            "line": ["Red Line", "Blue Line", "River Line", "Green Line", "night tram"],
            "route": ["7", "12", "22", "41", "N3", "88"],
            "station": ["Northgate", "Central", "Harbour Street", "Eastside", "Westfield", "Museum Quarter", "Riverside"],
            "family": ["My son", "My daughter", "Grandma", "The twins", "My nephew"],
            "years": ["20", "25", "31", "35"],
            "minutes": ["20", "25", "35", "45"],
            "weeks": ["three", "five", "eight", "ten"],
            "percent": ["8", "10", "12", "15"],
            "link": [
                "http://www.rivertoncourier.example/metro-hashtag", "http://ridersalliance.example/fares",
                "http://liftsforall.example/status", "http://cityhallbeat.example/metro-budget", "http://imgur.com/a/mEtR0",
            ],
        ],
        hashtagSpellings: ["#MyMetroMoment": 0.8, "#mymetromoment": 0.15, "#MYMETROMOMENT": 0.05],
        emojiTails: [
            .supportivePhoto: ["🚆", "😊", "❤️", "🌅"], .supportive: ["🚋", "💙", "👍"], .neutral: ["👀", "🤔"],
            .critical: ["😡", "👎", "😤"], .sarcastic: ["🙃", "😂", "👏"], .offensive: ["🖕", "🤬"],
        ],
        shoutingShare: [.critical: 0.03, .offensive: 0.2],
        replyHashtagShare: 0.4
    )
}
