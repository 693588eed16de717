import Firebreak

/// A brand campaign: Copperleaf Coffee, a fictional coffee chain, asks customers for their #MyCupStory.
///
/// Nothing here is about policing, so a monitor tuned to the #myNYPD story's words cannot pass these drills
/// by vocabulary; the critics talk about baristas' pay, cup waste and prices.
enum CupStoryKit {
    static let brief = "Share the moment your Copperleaf cup made your day. Post a photo with #MyCupStory and we might feature it in our stores!"

    static let campaign = Campaign(
        name: "MyCupStory", hashtags: ["#MyCupStory"], owners: ["@CopperleafCafe"],
        target: Campaign.Target(name: "Copperleaf", aliases: ["Copperleaf Coffee", "Copperleaf", "copperleaf"]),
        launchedAt: StoryKit.utc(2015, 3, 10, 14), brief: brief
    )

    static let kit = StoryKit(
        name: "cupstory", summary: "a coffee chain asks customers for photos with their cup (#MyCupStory)",
        campaign: campaign, start: StoryKit.utc(2015, 3, 10, 14), phrases: book, roster: roster,
        scripted: [
            ScriptedPost(label: "launch", minute: 0, handle: "CopperleafCafe", voice: .supportive, text: brief, popularity: 40),
            ScriptedPost(
                label: "first-photo", minute: 1.8, handle: "LatteLena", voice: .supportivePhoto,
                text: "Rainy Tuesday, warm hands, and the barista drew a fern in my flat white #MyCupStory ☕",
                photoAltText: "A flat white with fern latte art on a rainy window sill", popularity: 6),
            ScriptedPost(
                label: "thanks", minute: 6.5, handle: "CopperleafCafe", voice: .supportive,
                text: "@{reply_to} That fern is a work of art! Thanks for sharing, keep them coming ☕", replyTo: "first-photo"),
        ],
        populations: [
            AuthorPopulation(role: .fan, newcomerShare: 0.8, freshAccountShare: 0.01, followersScale: 60, followersShape: 1.1, verifiedShare: 0.001),
            AuthorPopulation(
                role: .member, newcomerShare: 0.7, freshAccountShare: 0.03, followersScale: 80, followersShape: 1.05, verifiedShare: 0.003),
            AuthorPopulation(
                role: .activist, newcomerShare: 0.45, freshAccountShare: 0.2, followersScale: 150, followersShape: 0.9, verifiedShare: 0),
            AuthorPopulation(
                role: .journalist, newcomerShare: 0.5, freshAccountShare: 0, followersScale: 800, followersShape: 0.8, verifiedShare: 0.35),
            AuthorPopulation(role: .bot, newcomerShare: 0.5, freshAccountShare: 0.7, followersScale: 5, followersShape: 1.5, verifiedShare: 0),
        ],
        casting: [
            .supportivePhoto: [.fan: 0.85, .member: 0.15],
            .supportive: [.fan: 0.6, .member: 0.4],
            .neutral: [.journalist: 0.35, .member: 0.6, .bot: 0.05],
            .critical: [.activist: 0.4, .member: 0.6],
            .sarcastic: [.member: 0.8, .activist: 0.2],
            .offensive: [.member: 0.9, .bot: 0.1],
        ]
    )

    static let roster = AccountRoster(
        named: [
            NamedAccount(
                role: .owner, handle: "CopperleafCafe", displayName: "Copperleaf Coffee", followers: 412_300, createdAt: StoryKit.utc(2009, 5, 4),
                verified: true),
            NamedAccount(
                role: .fan, handle: "LatteLena", displayName: "Lena ☕", followers: 530, createdAt: StoryKit.utc(2012, 2, 11), verified: false,
                share: 0.01),
            NamedAccount(
                role: .activist, handle: "BaristasUnited", displayName: "Baristas United", followers: 14_200, createdAt: StoryKit.utc(2013, 6, 1),
                verified: false, joinsAtMinute: 0, share: 0.04),
            NamedAccount(
                role: .activist, handle: "CupWasteWatch", displayName: "Cup Waste Watch", followers: 6_900, createdAt: StoryKit.utc(2012, 9, 20),
                verified: false, joinsAtMinute: 0, share: 0.03),
            NamedAccount(
                role: .journalist, handle: "RetailWireDaily", displayName: "Retail Wire", followers: 98_000, createdAt: StoryKit.utc(2009, 1, 15),
                verified: true, joinsAtMinute: 30, share: 0.05),
            NamedAccount(
                role: .journalist, handle: "BrandBeatMag", displayName: "Brand Beat", followers: 51_400, createdAt: StoryKit.utc(2010, 4, 2),
                verified: true, joinsAtMinute: 30, share: 0.05),
        ],
        firstNames: [
            "Lena", "Owen", "Priya", "Marco", "Hannah", "Theo", "Aisha", "Jonas", "Mei", "Lucas", "Sofia", "Ben", "Nadia",
            "Felix", "Grace", "Ravi", "Chloe", "Diego", "Ella", "Sam", "Yuki", "Noah", "Zara", "Liam", "Ines", "Kofi",
        ],
        lastNames: [
            "Hart", "Okafor", "Lindqvist", "Moreau", "Patel", "Brennan", "Costa", "Nakamura", "Fischer", "Adeyemi", "Walsh",
            "Novak", "Haddad", "Quinn", "Silva", "Berg", "Mensah", "Rossi", "Kaur", "Doyle",
        ],
        movementWords: ["Fair", "Union", "Green", "Wage", "Zero", "Waste", "Workers", "Living", "Planet", "Action", "Solidarity", "Bean"],
        placeWords: ["UK", "US", "LDN", "NYC", "SEA", "PDX", "MCR", "EU", "Global", "Local"],
        outletWords: ["Retail", "Wire", "Brand", "Beat", "Desk", "Daily", "Food", "Trade", "News", "Report"]
    )

    static let book = PhraseBook(
        originals: [
            .supportivePhoto: [
                PostTemplate("My {drink} and a {weather} morning at Copperleaf {place} {tag}", photo: "A {drink} on a cafe table by the window"),
                PostTemplate("The barista at {place} drew a {art} in my {drink}! {tag}", photo: "Latte art shaped like a {art}"),
                PostTemplate("{family} and I start every Saturday with Copperleaf {tag}", photo: "Two cups on a wooden table"),
                PostTemplate("First date was at Copperleaf {place}. Five years later, same table {tag}", photo: "A couple holding two cups"),
                PostTemplate("Study fuel: {drink} number three {tag}", photo: "A cup beside a pile of textbooks"),
                PostTemplate("My name spelled right for once! {tag}", photo: "A cup with a name written on it"),
                PostTemplate("Hey {owner} here's my cup from {place} {tag}", photo: "A Copperleaf cup held up against the street"),
                PostTemplate("Post-run {drink} is the best {drink} {tag}", photo: "A cup in a runner's hand"),
                PostTemplate("Copperleaf {place} has the comfiest chairs and the best {drink} {tag}", photo: "A corner armchair with a cup"),
                PostTemplate("Sunday, {drink}, crossword. {tag}", photo: "A cup beside a newspaper crossword"),
            ],
            .supportive: [
                PostTemplate("Love Copperleaf, best {drink} in town {tag}"),
                PostTemplate("Shoutout to the team at {place}, always smiling {tag}"),
                PostTemplate("Great idea {owner}! Posting mine tomorrow {tag}"),
                PostTemplate("Copperleaf got me through my exams. Thank you {tag}"),
                PostTemplate("Nothing beats a Copperleaf {drink} on a {weather} day {tag}"),
                PostTemplate("The baristas at {place} know my order by heart {tag}"),
                PostTemplate("Whatever people say, my local Copperleaf is lovely {tag}", notBefore: 30),
            ],
            .neutral: [
                PostTemplate("Copperleaf launches {tag}, asking customers for cup photos {link}"),
                PostTemplate("Anyone else doing the {tag} thing?"),
                PostTemplate("Brands and their hashtags. {tag}"),
                PostTemplate("Curious to see which photos make it into the stores {tag}"),
                PostTemplate("{tag} is trending, here's what people are posting {link}", notBefore: 30),
                PostTemplate("Copperleaf's {tag} campaign by the numbers {link}", notBefore: 30),
                PostTemplate("Watching {tag} with interest this afternoon", notBefore: 30),
                PostTemplate("Has Copperleaf said anything about the {tag} replies? {link}", notBefore: 30),
                PostTemplate("Case study material: {tag} {link}", notBefore: 30),
            ],
            .critical: [
                PostTemplate("My {tag}: I worked at Copperleaf {place} for {years} years on minimum wage and no sick pay {link}", theme: "wages"),
                PostTemplate("Copperleaf baristas can't afford the coffee they make. Shame on you {tag}", theme: "wages"),
                PostTemplate(
                    "They cut our hours when we talked about a union. That's {tag} {link}", theme: "wages", photo: "A rota with crossed-out shifts"),
                PostTemplate("{ally} says it best: pay your baristas, Copperleaf {tag}", theme: "wages"),
                PostTemplate(
                    "{millions} million Copperleaf cups go to landfill every year. Here's mine {tag}", theme: "cups",
                    photo: "An overflowing bin of paper cups"),
                PostTemplate(
                    "Those 'recyclable' Copperleaf cups are lined with plastic and nobody recycles them. Disgusting {tag} {link}", theme: "cups"),
                PostTemplate("Found these on the beach this morning. {tag}", theme: "cups", photo: "Copperleaf cups washed up on a beach"),
                PostTemplate("Copperleaf paid less tax than my local bakery last year {tag} {link}", theme: "tax"),
                PostTemplate("Another price rise at Copperleaf, {price} for a small {drink} now. Terrible {tag}", theme: "prices"),
                PostTemplate("Copperleaf closed our neighbourhood cafe and opened three of its own. {tag}", theme: "closures"),
            ],
            .sarcastic: [
                PostTemplate(
                    "My {tag}: {price} for burnt water and my name spelled wrong. Living the dream", theme: "prices",
                    photo: "A cup with a misspelled name"),
                PostTemplate("Love how {tag} comes with a free side of landfill", theme: "cups", photo: "A pile of discarded cups"),
                PostTemplate("So heartwarming that Copperleaf baristas get paid in exposure {tag}", theme: "wages"),
                PostTemplate("Nothing says 'we care' like cutting staff hours. Great campaign {owner} {tag}", theme: "wages"),
                PostTemplate("My {tag}: waited {minutes} minutes, got the wrong drink. Magical", theme: "service"),
                PostTemplate("Such a wonderful brand that it pays almost no tax. Inspiring. {tag}", theme: "tax"),
                PostTemplate("Can't wait to see these in the stores {owner}, especially the beach ones {tag}", theme: "cups"),
                PostTemplate("Great idea, {owner}. Really. Keep them coming. {tag}"),
                PostTemplate("Thank you Copperleaf for teaching me that {price} is a reasonable price for milk {tag}", theme: "prices"),
            ],
            .offensive: [
                PostTemplate("Copperleaf is overpriced garbage and so is this hashtag {tag}"),
                PostTemplate("screw you {owner} {tag}"),
                PostTemplate("{tag} what a load of crap"),
                PostTemplate("Copperleaf execs are greedy leeches {tag}"),
                PostTemplate("damn clowns running this company {tag}"),
                PostTemplate("{tag} shove your cup where the sun doesn't shine"),
            ],
        ],
        replies: [
            .supportivePhoto: [PostTemplate("Love this!"), PostTemplate("Gorgeous photo"), PostTemplate("Same order as me!")],
            .supportive: [
                PostTemplate("Great pic!"), PostTemplate("so cosy"), PostTemplate("need one right now {tag}"),
                PostTemplate("Ignore the haters {tag}", notBefore: 30),
            ],
            .neutral: [PostTemplate("is this real?"), PostTemplate("interesting"), PostTemplate("has Copperleaf replied?", notBefore: 30)],
            .critical: [
                PostTemplate("now show us the barista payslips", theme: "wages"), PostTemplate("and where does the cup end up?", theme: "cups"),
                PostTemplate("pay your staff {link}", theme: "wages"),
            ],
            .sarcastic: [PostTemplate("great campaign, really going well"), PostTemplate("keep them coming, right?"), PostTemplate("so wholesome")],
            .offensive: [PostTemplate("shut up"), PostTemplate("clowns"), PostTemplate("get lost")],
        ],
        quotes: [
            .supportivePhoto: [PostTemplate("Adorable {tag}")],
            .supportive: [PostTemplate("This is lovely {tag}"), PostTemplate("Mine tomorrow {tag}")],
            .neutral: [PostTemplate("Worth a read {tag}"), PostTemplate("Hmm {tag}")],
            .critical: [PostTemplate("Here's the {tag} nobody will feature"), PostTemplate("The real story {tag}")],
            .sarcastic: [PostTemplate("What could possibly go wrong {tag}"), PostTemplate("Going great {tag}")],
            .offensive: [PostTemplate("garbage {tag}")],
        ],
        slots: [
            "drink": ["flat white", "latte", "cappuccino", "cold brew", "mocha", "chai", "americano", "hot chocolate"],
            "place": ["on High Street", "by the station", "downtown", "near campus", "at the airport", "on Market Square", "in the mall"],
            "weather": ["rainy", "sunny", "freezing", "grey", "snowy", "crisp"],
            "art": ["heart", "fern", "swan", "bear", "leaf"],
            "family": ["My daughter", "My mum", "My partner", "My best friend", "Grandad"],
            "years": ["2", "3", "4", "5"],
            "millions": ["200", "300", "400", "500"],
            "price": ["£4.20", "$5.75", "$6.40", "£3.90"],
            "minutes": ["20", "25", "30", "40"],
            "link": [
                "http://www.retailwire-daily.com/copperleaf-mycupstory", "http://www.brandbeat.example/copperleaf-campaign",
                "http://baristasunited.org/pay", "http://cupwastewatch.org/report", "http://instagram.com/p/cUpSt0ry1/",
            ],
        ],
        hashtagSpellings: ["#MyCupStory": 0.8, "#mycupstory": 0.15, "#MYCUPSTORY": 0.05],
        emojiTails: [
            .supportivePhoto: ["☕", "😊", "❤️", "🌿", "✨"], .supportive: ["☕", "💛", "👍"], .neutral: ["👀", "🤔"],
            .critical: ["😡", "👎", "✊"], .sarcastic: ["🙃", "😂", "👏"], .offensive: ["🖕", "🤮"],
        ],
        shoutingShare: [.critical: 0.03, .offensive: 0.2],
        replyHashtagShare: 0.4
    )
}
