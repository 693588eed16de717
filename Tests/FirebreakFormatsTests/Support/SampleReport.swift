import Firebreak
import Foundation

/// Campaign reports for the renderer tests: a realistic #myNYPD evening, a hostile one, and an empty one.
enum SampleReport {
    /// 2014-04-22T17:55:00Z, the launch post.
    static let launch = Date(timeIntervalSince1970: 1_398_189_300)

    static func at(_ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
        // 2014-04-22T00:00:00Z plus the clock time.
        Date(timeIntervalSince1970: 1_398_124_800 + TimeInterval(hour * 3600 + minute * 60 + second))
    }

    static let campaign = Campaign(
        name: "myNYPD", hashtags: ["#myNYPD"], owners: ["@NYPDnews"],
        target: .init(name: "NYPD", aliases: ["NYPD", "New York Police Department", "police", "cops", "officer"]),
        launchedAt: launch,
        brief: "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD. It may be featured on our Facebook.")

    /// Quarter-hour buckets from 17:45 to midnight: friendly at first, turning critical from about 18:45.
    static var timeline: [TimelineBucket] {
        (0..<25).map { index in
            let start = at(17, 45).addingTimeInterval(TimeInterval(index * 900))
            let posts = index < 4 ? 8 + index * 6 : min(2600, 40 * (index - 3) * (index - 3) + 60)
            let criticalShare = index < 4 ? 0.1 : min(0.92, 0.35 + Double(index - 4) * 0.09)
            let critical = Int(Double(posts) * criticalShare)
            let supportive = index < 4 ? posts - critical - 2 : max(1, posts / 25)
            let neutral = posts - critical - supportive
            let health: Health = index < 4 ? .healthy : index == 4 ? .watch : index >= 23 ? .recovering : .hijacked
            return TimelineBucket(
                start: start, end: start.addingTimeInterval(900), posts: posts, supportive: supportive, neutral: neutral,
                critical: critical, sarcastic: critical / 3, authors: posts * 9 / 10, newAuthors: posts * 7 / 10, health: health)
        }
    }

    static var alerts: [Alert] {
        [
            Alert(
                id: "A1", kind: .volumeBurst, level: .watch, raisedAt: at(18, 52, 17), onsetEstimate: at(18, 45),
                summary: "Posting rate is 6.1 times the campaign's own baseline.",
                figures: ["posts_per_hour": 1240, "baseline_posts_per_hour": 203.5, "ratio": 6.1], themes: [],
                accounts: ["@OccupyWallSt"], examplePostIDs: ["458708406337540096"],
                recommendedActions: ["Watch the next quarter hour before replying to anyone."]),
            Alert(
                id: "A2", kind: .hijack, level: .alert, raisedAt: at(19, 3, 41), onsetEstimate: at(18, 47, 30),
                summary: "Critical posts rose from 9% to 71% of the hashtag within 20 minutes; the campaign has been hijacked.",
                figures: ["critical_share": 0.7134, "baseline_critical_share": 0.0912, "sarcastic_share": 0.28, "posts_per_hour": 2890],
                themes: ["jaywalking", "dog", "dragged"], accounts: ["@OccupyWallSt", "@Copwatch", "@nycjayjay"],
                examplePostIDs: ["458709876543210001", "458710000000000002"],
                recommendedActions: [
                    "Pause automatic replies and approvals (done by the circuit breaker).",
                    "Freeze the featured gallery.", "Brief the communications team before posting again.",
                ]),
            Alert(
                id: "A3", kind: .coordination, level: .watch, raisedAt: at(19, 41), onsetEstimate: nil,
                summary: "14 accounts posted the same photo within 3 minutes.", figures: ["accounts": 14, "window_seconds": 180],
                accounts: ["@Copwatch", "@OccupyWallSt"], examplePostIDs: ["458720000000000003"],
                recommendedActions: ["Check whether the accounts are coordinated before answering any of them."]),
            Alert(
                id: "A4", kind: .theme, level: .alert, raisedAt: at(20, 16), onsetEstimate: at(19, 58),
                summary: "A new theme is spreading: \"84-year-old man bloodied for jaywalking\".",
                figures: ["posts": 412, "growth": 3.4], themes: ["84-year-old", "jaywalking", "bloodied"],
                recommendedActions: ["Prepare a statement on the jaywalking incident."]),
        ]
    }

    static var examples: [ExamplePost] {
        [
            ExamplePost(
                id: "458687999999999999", handle: "@NYPDnews", createdAt: launch,
                text: "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD. It may be featured on our Facebook.",
                stance: .supportive, sarcastic: false, hasMedia: false, why: "launch post"),
            ExamplePost(
                id: "458690123456789012", handle: "@NYPDnews", createdAt: at(18, 4),
                text: "Thanks for the photo! Keep them coming...", stance: .supportive, sarcastic: false, hasMedia: false,
                why: "owner reply"),
            ExamplePost(
                id: "458709876543210001", handle: "@OccupyWallSt", createdAt: at(18, 56),
                text: "#myNYPD cares about noise control, so they'll shoot a homeless man's dog while he's having a seizure",
                stance: .critical, sarcastic: true, hasMedia: true, why: "most reposted critical post"),
            ExamplePost(
                id: "458712222222222222", handle: "@nycjayjay", createdAt: at(19, 12),
                text: "The NYPD will also help you de-tangle your hair. #myNYPD", stance: .critical, sarcastic: true,
                hasMedia: true, why: "most reposted sarcastic post"),
            ExamplePost(
                id: "458713333333333333", handle: "@freedelivery", createdAt: at(19, 30),
                text: "Need a lift? The #NYPD's got you! Free Delivery, Only at #myNYPD", stance: .critical, sarcastic: true,
                hasMedia: true, why: "sarcastic post with photo"),
        ]
    }

    /// The realistic report.
    static var nypd: CampaignReport {
        CampaignReport(
            campaign: campaign,
            input: InputSummary(
                files: ["archives/mynypd-2014-04-22.jsonl.gz", "archives/mynypd-late.jsonl"], records: 31_544, posts: 30_981,
                duplicates: 540, rejected: 23,
                rejections: [
                    Rejection(file: "archives/mynypd-late.jsonl", record: 117, reason: "invalid JSON: unexpected end of input"),
                    Rejection(file: "archives/mynypd-late.jsonl", record: 2048, reason: "missing required field `created_at`"),
                ]),
            summary: Summary(
                posts: 30_981, authors: 24_112, firstPostAt: launch, lastPostAt: at(23, 59, 48), supportive: 1_377, neutral: 5_190,
                critical: 24_414, sarcastic: 8_022, health: .recovering, turnedAt: at(18, 47, 30)),
            timeline: timeline, alerts: alerts,
            themes: [
                Theme(terms: ["84-year-old", "jaywalking", "bloodied"], posts: 3_120, firstSeen: at(19, 58), examplePostIDs: ["458730000000000004"]),
                Theme(terms: ["dog", "shoot", "seizure", "homeless"], posts: 2_245, firstSeen: at(18, 56), examplePostIDs: ["458709876543210001"]),
                Theme(terms: ["dragged", "woman", "hair"], posts: 1_410, firstSeen: at(19, 12), examplePostIDs: ["458712222222222222"]),
            ],
            accounts: [
                AccountSummary(handle: "@OccupyWallSt", posts: 41, critical: 40, followers: 195_000, role: "critic"),
                AccountSummary(handle: "@Copwatch", posts: 28, critical: 28, followers: 12_400, role: "critic"),
                AccountSummary(handle: "@NYPDnews", posts: 3, critical: 0, followers: 110_000, role: "owner"),
                AccountSummary(handle: "@proud_officer_mom", posts: 4, critical: 0, followers: nil, role: "supporter"),
            ],
            coordination: [
                CoordinationCluster(
                    kind: "same_media", accounts: ["@Copwatch", "@OccupyWallSt", "@nycjayjay"], posts: 14, windowSeconds: 180,
                    shared: "3_1399999999"),
                CoordinationCluster(
                    kind: "same_text", accounts: ["@a1", "@a2", "@a3", "@a4"], posts: 9, windowSeconds: 42.5,
                    shared: "#myNYPD cares about noise control", startedAt: Date(timeIntervalSince1970: 1_398_193_200.5),
                    detectedAt: Date(timeIntervalSince1970: 1_398_193_230.25), examplePostID: "458658305040240640"),
            ],
            examples: examples, featuredCandidates: ["458688111111111111", "458688222222222222"], generatedBy: "firebreak 0.1.0")
    }

    /// A report with nothing in it: no posts, no dates, no alerts.
    static var empty: CampaignReport {
        CampaignReport(
            campaign: Campaign(name: "quiet", hashtags: ["#quiet"]),
            input: InputSummary(files: ["-"], records: 0, posts: 0, duplicates: 0, rejected: 0, rejections: []),
            summary: Summary(
                posts: 0, authors: 0, firstPostAt: nil, lastPostAt: nil, supportive: 0, neutral: 0, critical: 0, sarcastic: 0,
                health: .healthy, turnedAt: nil),
            timeline: [], alerts: [], themes: [], accounts: [], coordination: [], examples: [], featuredCandidates: [],
            generatedBy: "firebreak test")
    }

    // MARK: - Hostile content

    static let script = "<script>alert(1)</script>"
    static let jsLink = "javascript:alert(1)"
    static let imgBreakout = "\"><img src=x onerror=alert(1)>"
    static let rlo = "\u{202E}"
    /// About 10 kB of emoji: 2,500 four-byte scalars.
    static let emojiRun = String(repeating: "😀", count: 2500)
    /// A family emoji is one grapheme cluster of seven scalars; truncation must not split it.
    static let familyRun = String(repeating: "👨‍👩‍👧‍👦", count: 600)

    /// Every attack in one string, used for every untrusted field.
    static let attack = "\(script) \(jsLink) \(imgBreakout) \(rlo)gnp.exe\u{202C} [x](\(jsLink)) ![i](\(jsLink)) **b** | pipe"

    /// The realistic report with hostile strings in every field that comes from posts or the input.
    static var hostile: CampaignReport {
        var report = nypd
        report.campaign = Campaign(
            name: attack, hashtags: ["#" + script, "#myNYPD"], owners: ["@" + imgBreakout],
            target: .init(name: attack, aliases: [jsLink, emojiRun]), launchedAt: launch, brief: attack + emojiRun)
        report.input.files = [attack, emojiRun]
        report.input.rejections = [
            Rejection(file: attack, record: 1, reason: attack + emojiRun),
            Rejection(file: "feed.jsonl", record: 2, reason: "invalid UTF-8 near \"\(script)\""),
        ]
        report.alerts[1].summary = attack + emojiRun
        report.alerts[1].themes = [script, emojiRun, jsLink]
        report.alerts[1].accounts = ["@" + imgBreakout, "@" + emojiRun]
        report.alerts[1].examplePostIDs = [script]
        report.alerts[1].recommendedActions = [attack]
        report.alerts[1].figures[imgBreakout] = 1
        report.alerts[0].id = script
        report.themes[0].terms = [script, jsLink, imgBreakout, rlo + "evil", emojiRun]
        report.themes[1].examplePostIDs = [script]
        report.accounts[0].handle = "@" + imgBreakout
        report.accounts[1].handle = "@" + emojiRun
        report.accounts[1].role = "critic\" onmouseover=\"alert(1)"
        report.coordination[0].accounts = [jsLink, "@" + script]
        report.coordination[0].shared = jsLink
        report.coordination[1].shared = attack + emojiRun
        report.coordination[1].kind = script
        report.examples = [
            ExamplePost(
                id: script, handle: "@" + imgBreakout, createdAt: at(19, 0), text: attack + "\n" + emojiRun, stance: .critical,
                sarcastic: true, hasMedia: true, why: attack),
            ExamplePost(
                id: "2", handle: "@" + emojiRun, createdAt: at(19, 1), text: "see \(jsLink) and https://example.com/x?a=1&b=<2>",
                stance: .neutral, sarcastic: false, hasMedia: false, why: jsLink),
            ExamplePost(
                id: "3", handle: "@" + rlo + "evil", createdAt: at(19, 2), text: familyRun, stance: .critical, sarcastic: false,
                hasMedia: false, why: "family run"),
        ]
        report.featuredCandidates = [script, jsLink]
        report.generatedBy = attack
        return report
    }

    /// Total UTF-8 size of the untrusted strings planted in `hostile`, to check that renderers bound their output.
    static var hostilePayloadBytes: Int {
        let r = hostile
        var strings = [r.campaign.name, r.campaign.brief ?? "", r.generatedBy] + r.campaign.hashtags + r.campaign.owners
        strings += [r.campaign.target.name] + r.campaign.target.aliases + r.input.files
        strings += r.input.rejections.flatMap { [$0.file, $0.reason] }
        strings += r.alerts.flatMap { [$0.id, $0.summary] + $0.themes + $0.accounts + $0.examplePostIDs + $0.recommendedActions }
        strings += r.themes.flatMap { $0.terms + $0.examplePostIDs } + r.accounts.map(\.handle)
        strings += r.coordination.flatMap { $0.accounts + [$0.shared, $0.kind] }
        strings += r.examples.flatMap { [$0.id, $0.handle, $0.text, $0.why] } + r.featuredCandidates
        return strings.reduce(0) { $0 + $1.utf8.count }
    }
}
