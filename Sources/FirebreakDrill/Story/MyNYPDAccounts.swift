import Foundation

/// The accounts of the #myNYPD story: the department, the first fan, the activists and outlets that joined.
///
/// The activist and press handles are fictional but plausible; the department's handle is the real one the
/// campaign came from, because the campaign file names it as the owner.
enum MyNYPDAccounts {
    static let roster = AccountRoster(
        named: named,
        firstNames: [
            "Mike", "Jess", "Chris", "Ashley", "Jose", "Maria", "Kevin", "Tasha", "Danny", "Nicole", "Andre", "Brianna",
            "Tony", "Lauren", "Marcus", "Kayla", "Luis", "Samantha", "Derek", "Jasmine", "Ray", "Erin", "Malik", "Ana",
            "Steve", "Keisha", "Vinny", "Megan", "Omar", "Rachel", "Jay", "Dee", "Carlos", "Tiff", "Sean", "Priya",
            "Eddie", "Carmen", "Nate", "Alexis", "Dom", "Gabby", "Terrence", "Molly", "Hector", "Yara", "Paulie", "Imani",
        ],
        lastNames: [
            "Rivera", "Smith", "Johnson", "Nguyen", "Garcia", "Brown", "Murphy", "Cohen", "Williams", "Jones", "Lee",
            "Martinez", "Davis", "Russo", "Kelly", "Torres", "Jackson", "Ruiz", "Thompson", "Park", "Greenberg",
            "Mitchell", "Flores", "Walker", "Ali", "Morales", "Carter", "Sullivan", "Reyes", "Baptiste",
        ],
        movementWords: [
            "Justice", "Resist", "Occupy", "Rise", "Voices", "Liberty", "Freedom", "People", "Truth", "Witness", "Watch",
            "Solidarity", "Action", "Unite", "Power", "Stop", "Change", "Peoples", "Rebel", "Radical",
        ],
        placeWords: ["NYC", "BK", "Bronx", "Harlem", "Queens", "SI", "US", "NY", "LES", "Uptown"],
        outletWords: ["News", "Wire", "Desk", "Daily", "Report", "Media", "Post", "Beat", "Times", "Live"]
    )

    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12) -> Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    static let named: [NamedAccount] = [
        NamedAccount(
            role: .owner, handle: "NYPDnews", displayName: "NYPD NEWS", followers: 101_328, createdAt: date(2009, 7, 13),
            verified: true),
        NamedAccount(
            role: .fan, handle: "QueensMomDee", displayName: "Dee Castellano", followers: 312,
            createdAt: date(2011, 5, 2), verified: false, joinsAtMinute: 0, share: 0.01),
        NamedAccount(
            role: .fan, handle: "BlueLineBrian", displayName: "Brian 🇺🇸", followers: 2_140, createdAt: date(2010, 9, 18),
            verified: false, joinsAtMinute: 80, share: 0.03),
        NamedAccount(
            role: .member, handle: "sarcasticNYer", displayName: "Nick, Queens-born", followers: 1_870,
            createdAt: date(2010, 2, 8), verified: false, joinsAtMinute: 57, share: 0.004),
        NamedAccount(
            role: .member, handle: "BKTashaWrites", displayName: "Tasha M.", followers: 4_320, createdAt: date(2009, 11, 23),
            verified: false, joinsAtMinute: 57, share: 0.004),
        NamedAccount(
            role: .member, handle: "uptown_jaydee", displayName: "jay 🗽", followers: 960, createdAt: date(2012, 6, 30),
            verified: false, joinsAtMinute: 57, share: 0.003),
        NamedAccount(
            role: .activist, handle: "CopWatchNYC", displayName: "Copwatch NYC", followers: 8_412,
            createdAt: date(2012, 3, 14), verified: false, joinsAtMinute: 57, share: 0.05),
        NamedAccount(
            role: .activist, handle: "OccupyWallSt", displayName: "#OccupyWallStreet", followers: 176_540,
            createdAt: date(2011, 7, 22), verified: false, joinsAtMinute: 70, share: 0.06),
        NamedAccount(
            role: .activist, handle: "StopFriskNYC", displayName: "Stop Frisk Now", followers: 5_207,
            createdAt: date(2012, 8, 1), verified: false, joinsAtMinute: 66, share: 0.03),
        NamedAccount(
            role: .activist, handle: "PeoplesJusticeNY", displayName: "People's Justice NY", followers: 3_115,
            createdAt: date(2013, 1, 9), verified: false, joinsAtMinute: 75, share: 0.025),
        NamedAccount(
            role: .activist, handle: "AntiBrutalityNYC", displayName: "Anti Brutality NYC", followers: 41,
            createdAt: date(2014, 4, 20, 22), verified: false, joinsAtMinute: 72, share: 0.02),
        NamedAccount(
            role: .activist, handle: "OWS_Livestream", displayName: "OWS Livestream", followers: 22_980,
            createdAt: date(2011, 10, 3), verified: false, joinsAtMinute: 85, share: 0.02),
        NamedAccount(
            role: .journalist, handle: "MetroDeskNYC", displayName: "Metro Desk NYC", followers: 221_400,
            createdAt: date(2008, 11, 4), verified: true, joinsAtMinute: 95, share: 0.06),
        NamedAccount(
            role: .journalist, handle: "GothamWire", displayName: "Gotham Wire", followers: 84_150,
            createdAt: date(2009, 4, 17), verified: true, joinsAtMinute: 88, share: 0.06),
        NamedAccount(
            role: .journalist, handle: "SocialBeatMag", displayName: "Social Media Beat", followers: 45_600,
            createdAt: date(2010, 1, 25), verified: true, joinsAtMinute: 92, share: 0.05),
        NamedAccount(
            role: .journalist, handle: "JenKimReports", displayName: "Jen Kim", followers: 12_880,
            createdAt: date(2010, 6, 11), verified: true, joinsAtMinute: 100, share: 0.04),
    ]
}
