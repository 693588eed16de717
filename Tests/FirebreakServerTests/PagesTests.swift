import Firebreak
import FirebreakStore
import Foundation
import Testing

@testable import FirebreakServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

// Every page is rendered with posts written by an attacker; the checks below parse the markup and fail on any
// script, event handler, inline style or dangerous URL that made it through.

/// Strings an attacker would put in a post.
private enum Hostile {
    static let script = "<script>alert(1)</script>"
    static let text = "<script>alert(1)</script> \u{202E}gpj.exe\u{202C} cares \u{0001}\u{FFFE}#myNYPD"
    static let link = "javascript:alert(1)"
    static let handle = "evil\"><img src=x onerror=alert(1)>"
    static let alt = "a \"quoted\" 'alt' <b>"
    static let term = "</style><script>"
    static let escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;"
    static let escapedHandle = "evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    static let escapedAlt = "a &quot;quoted&quot; &#39;alt&#39; &lt;b&gt;"
    static let escapedTerm = "&lt;/style&gt;&lt;script&gt;"
}

private enum Fixture {
    static let csrf = "T0K3N-abc123"
    static let campaignID = "nypd"
    static let date = Date(timeIntervalSince1970: 1_398_189_300)  // 2014-04-22T17:55:00Z

    static var campaign: Campaign {
        Campaign(
            name: "myNYPD", hashtags: ["#myNYPD"], owners: ["@NYPDnews"], target: .init(name: "NYPD", aliases: ["police", Hostile.term]),
            launchedAt: date, brief: "Do you have a photo? " + Hostile.script)
    }

    static func context(_ role: DeskRole = .admin, active: String = "overview") -> PageContext {
        PageContext(
            user: "ana", role: role, csrfToken: csrf, campaigns: [PageCampaign(id: campaignID, name: "myNYPD"), PageCampaign(id: "other", name: Hostile.script)],
            campaignID: campaignID, active: active)
    }

    static var hostilePost: StoredPost {
        let post = Post(
            platform: .x, nativeID: "123", author: Author(id: "9", handle: Hostile.handle, displayName: Hostile.script), createdAt: date,
            text: Hostile.text, hashtags: ["#myNYPD"],
            links: [Hostile.link, "https://example.org/ok", "data:text/html,<script>alert(1)</script>", " https://spaced.example", "//evil.example/x"],
            media: [
                Media(kind: .photo, url: Hostile.link, altText: Hostile.alt), Media(kind: .photo, url: "https://img.example/a.jpg", altText: Hostile.alt),
                Media(kind: .photo, url: "http://insecure.example/b.jpg"),
            ])
        let assessment = Assessment(
            stance: .critical, pCritical: 0.91, pSupportive: 0.03, sentiment: .negative, pSentiment: [0.8, 0.15, 0.05], irony: 0.7, offensive: 0.2,
            mentionsTarget: true, reasons: [.init(head: "stance", feature: "word \"\(Hostile.script)\"", weight: 1.25), .init(head: "irony", feature: "word \"cares\"", weight: -0.5)])
        return StoredPost(campaignID: campaignID, post: post, assessment: assessment, moderation: .pending, receivedAt: date, sequence: 1)
    }

    static var friendlyPost: StoredPost {
        let post = Post(
            platform: .mastodon, nativeID: "110", author: Author(id: "5", handle: "ana@social.example", displayName: "Ana"), createdAt: date.addingTimeInterval(60),
            text: "Thanks NYPD for the help today! #myNYPD", media: [Media(kind: .photo, url: "https://img.example/friendly.png", altText: "officer")])
        let assessment = Assessment(
            stance: .supportive, pCritical: 0.02, pSupportive: 0.94, sentiment: .positive, pSentiment: [0.05, 0.1, 0.85], irony: 0.05, offensive: 0.01,
            mentionsTarget: true)
        return StoredPost(
            campaignID: campaignID, post: post, assessment: assessment, moderation: .approved, moderatedBy: "ana", featuredAt: date.addingTimeInterval(120),
            receivedAt: date, sequence: 2)
    }

    static var trippedBreaker: CircuitBreaker {
        var breaker = CircuitBreaker()
        _ = breaker.observe(.hijacked, at: date)
        return breaker
    }

    static var cluster: CoordinationCluster {
        CoordinationCluster(kind: "same_link", accounts: ["@" + Hostile.handle, "@b"], posts: 4, windowSeconds: 42, shared: Hostile.link + " " + Hostile.script)
    }

    static var alert: AlertRecord {
        let alert = Alert(
            id: "A1", kind: .hijack, level: .alert, raisedAt: date.addingTimeInterval(300), onsetEstimate: date, summary: "Critical share rose: " + Hostile.script,
            figures: ["critical_share": 0.81, Hostile.script: 1], themes: [Hostile.term, "dog"], accounts: ["@" + Hostile.handle], examplePostIDs: ["123"],
            recommendedActions: ["Pause replies " + Hostile.script], clusters: [cluster])
        return AlertRecord(
            campaignID: campaignID, alert: alert, status: .acknowledged, acknowledgedBy: Hostile.handle,
            notes: [.init(author: "ana", text: "Note " + Hostile.script, at: date)])
    }

    static var hostileAlertID: AlertRecord {
        var record = alert
        record.alert.id = "A2\"><script>alert(1)</script>"
        record.status = .open
        return record
    }

    static func snapshot(breaker: CircuitBreaker = trippedBreaker) -> DeskSnapshot {
        DeskSnapshot(
            campaignID: campaignID, campaign: campaign, health: .hijacked, breaker: breaker, policy: DeskPolicy(replyTemplate: "Thanks {handle} " + Hostile.script),
            posts: 1234, duplicates: 5, rejected: 2, supportive: 100, neutral: 200, critical: 934, sarcastic: 300, latestPostAt: date, closedThrough: date,
            themes: [Theme(terms: [Hostile.term, "dog"], posts: 42, firstSeen: date, examplePostIDs: ["123"])],
            accounts: [AccountSummary(handle: "@" + Hostile.handle, posts: 9, critical: 8, followers: 12, role: "critic")], clusters: [cluster],
            flagged: [Hostile.handle, "troll"])
    }

    static var minutes: [MinuteRow] {
        (0..<30).map { i in
            MinuteRow(
                campaignID: campaignID, minute: 23_303_155 + i, posts: 10 + i, supportive: max(0, 8 - i), neutral: 2, critical: i, sarcastic: i / 2, offensive: 0,
                health: i < 10 ? "healthy" : (i < 15 ? "watch" : "hijacked\"><script>"))
        }
    }

    static var outbox: [OutboxItem] {
        let payload = #"{"in_reply_to":"123","platform":"x","handle":"evil\"><img src=x onerror=alert(1)>","text":"Thanks <script>alert(1)</script> \u202e!"}"#
        return [
            OutboxItem(id: 5, campaignID: campaignID, kind: .reply, status: .draft, postKey: "x:123", payload: payload, createdAt: date),
            OutboxItem(id: 6, campaignID: campaignID, kind: .reply, status: .queued, payload: Hostile.script, createdAt: date),
            OutboxItem(
                id: 7, campaignID: campaignID, kind: .facebookPhoto, status: .dryRun, payload: #"{"caption":"<script>alert(1)</script>"}"#,
                destination: Hostile.link, attempts: 1, error: "HTTP 400 " + Hostile.script, createdAt: date),
            OutboxItem(id: 8, campaignID: campaignID, kind: .webhook, status: .sent, payload: "{}", destination: "https://hooks.example/x", createdAt: date),
        ]
    }
}

// MARK: - Markup checks

/// What is wrong with a page, security-wise; empty when nothing is.
///
/// The scan relies on the pages' own discipline: every attribute value is double-quoted and escaped text never holds
/// `<` or `"`, so tags and attributes can be read with regular expressions.
private func problems(in html: String) -> [String] {
    var found: [String] = []
    if html.localizedCaseInsensitiveContains("<script>alert") { found.append("raw <script>alert") }
    if html.unicodeScalars.contains(where: { $0.value == 0x202E }) { found.append("raw U+202E") }
    let tagPattern = try! NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>"#)
    let attributePattern = try! NSRegularExpression(pattern: #"([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?"#)
    let range = NSRange(html.startIndex..., in: html)
    var scripts = 0
    for match in tagPattern.matches(in: html, range: range) {
        let name = (html as NSString).substring(with: match.range(at: 1)).lowercased()
        let attributes = (html as NSString).substring(with: match.range(at: 2))
        if name == "style" { found.append("<style> element") }
        if name == "script" { scripts += 1 }
        var attributeNames: [String: String] = [:]
        for attribute in attributePattern.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
            let attributeName = (attributes as NSString).substring(with: attribute.range(at: 1)).lowercased()
            var value = attribute.range(at: 2).location == NSNotFound ? "" : (attributes as NSString).substring(with: attribute.range(at: 2))
            if value.hasPrefix("\"") || value.hasPrefix("'") {
                value = String(value.dropFirst().dropLast())
            } else if !value.isEmpty {
                found.append("unquoted attribute \(attributeName)=\(value) on <\(name)>")
            }
            attributeNames[attributeName] = value
            if attributeName.hasPrefix("on") { found.append("event handler \(attributeName) on <\(name)>") }
            if attributeName == "style" { found.append("inline style on <\(name)>") }
            if ["href", "src", "action", "formaction", "xlink:href", "data-src"].contains(attributeName) {
                let lower = value.lowercased()
                let allowed = lower.hasPrefix("/") && !lower.hasPrefix("//") || lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("#")
                if !allowed || lower.contains("javascript:") { found.append("dangerous \(attributeName)=\(value) on <\(name)>") }
            }
        }
        if name == "script", attributeNames["src"] != "/static/desk.js" { found.append("inline or foreign <script>") }
        if name == "img", let src = attributeNames["src"], !src.hasPrefix("https://") { found.append("non-https image \(src)") }
        if name == "a", let href = attributeNames["href"], href.hasPrefix("http"), attributeNames["rel"] != "noopener noreferrer nofollow ugc" {
            found.append("external link without rel: \(href)")
        }
    }
    // Every "<script" must have been a tag the scan saw (and so checked).
    if html.lowercased().components(separatedBy: "<script").count - 1 != scripts { found.append("unparsed <script") }
    return found
}

/// The post forms of a page that lack the hidden CSRF field.
private func postFormsWithoutCSRF(_ html: String, token: String = Fixture.csrf) -> [String] {
    html.components(separatedBy: "<form").dropFirst().compactMap { chunk -> String? in
        let form = chunk.components(separatedBy: "</form>").first ?? chunk
        guard form.hasPrefix(" method=\"post\"") || form.contains("method=\"post\"") else { return nil }
        return form.contains("<input type=\"hidden\" name=\"csrf\" value=\"\(token)\">") ? nil : String(form.prefix(120))
    }
}

private func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

// MARK: - Tests

@Suite("Desk pages")
struct PagesTests {
    @Test("the markup checker catches what it is meant to catch")
    func checkerCatchesUnsafeMarkup() {
        #expect(!problems(in: "<p><img src=x onerror=alert(1)></p>").isEmpty)
        #expect(!problems(in: "<a href=\"javascript:alert(1)\">x</a>").isEmpty)
        #expect(!problems(in: "<p style=\"color:red\">x</p>").isEmpty)
        #expect(!problems(in: "<script>var a = 1;</script>").isEmpty)
        #expect(!problems(in: "<img src=\"http://x.example/a.png\" alt=\"\">").isEmpty)
        #expect(!problems(in: "<a href=\"https://x.example\">x</a>").isEmpty)
        #expect(!problems(in: "<p>\u{202E}</p>").isEmpty)
        #expect(problems(in: "<p title=\"a onclick=x\">evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>").isEmpty)
        #expect(!postFormsWithoutCSRF("<form method=\"post\" action=\"/x\"><button>x</button></form>").isEmpty)
    }

    @Test("layout: csrf meta, assets, nav, logout form, data-campaign, nothing inline")
    func layout() {
        let html = Layout.page(title: Hostile.script, context: Fixture.context(active: "queue"), body: "<p>body</p>")
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("<meta name=\"csrf-token\" content=\"\(Fixture.csrf)\">"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/static/desk.css\">"))
        #expect(html.contains("<script src=\"/static/desk.js\" defer></script>"))
        #expect(html.contains("data-campaign=\"nypd\""))
        #expect(html.contains("<form method=\"post\" action=\"/logout\""))
        for label in ["Overview", "Posts", "Queue", "Replies", "Outbox", "Alerts", "Settings", "Audit", "Gallery (public)"] {
            #expect(html.contains(">\(label)</a>"), "nav item \(label)")
        }
        #expect(html.contains("<a href=\"/campaigns/nypd/queue\" class=\"active\" aria-current=\"page\">Queue</a>"))
        #expect(html.contains("<a href=\"/gallery/nypd\""))
        #expect(html.contains("<bdi>ana</bdi>") && html.contains("role-admin"))
        #expect(problems(in: html) == [])
        #expect(postFormsWithoutCSRF(html) == [])
        #expect(html.contains(Hostile.escapedScript))

        let noScripts = Layout.page(title: "x", context: Fixture.context(), body: "", scripts: false)
        #expect(!noScripts.contains("<script"))
    }

    @Test("login page: password form and optional token form, both with csrf")
    func login() {
        let html = LoginPage.render(csrf: Fixture.csrf, error: "Wrong password " + Hostile.script, notice: "Use the one-time token", offerToken: true, username: Hostile.handle)
        #expect(html.contains("action=\"/login\""))
        #expect(html.contains("action=\"/login/token\""))
        for field in ["username", "password", "token"] { #expect(html.contains("name=\"\(field)\""), "field \(field)") }
        #expect(count("name=\"csrf\" value=\"\(Fixture.csrf)\"", in: html) == 2)
        #expect(html.contains(Hostile.escapedScript))
        #expect(html.contains("value=\"\(Hostile.escapedHandle)\""))
        #expect(problems(in: html) == [])
        #expect(postFormsWithoutCSRF(html) == [])
        #expect(!LoginPage.render(csrf: Fixture.csrf).contains("/login/token"))
    }

    @Test("campaign list shows health and escapes names")
    func campaignList() {
        var snapshot = Fixture.snapshot()
        snapshot.campaign.name = Hostile.script
        let html = CampaignListPage.render(context: Fixture.context(active: "campaigns"), snapshots: [snapshot])
        #expect(html.contains("<span class=\"health health-hijacked\" data-health=\"hijacked\">hijacked</span>"))
        #expect(html.contains("href=\"/campaigns/nypd\""))
        #expect(html.contains(Hostile.escapedScript))
        #expect(html.contains("1,234"))
        #expect(problems(in: html) == [])
    }

    @Test("overview: health badge, breaker sentence, counts, timeline, alerts, themes, accounts, clusters")
    func overview() {
        let html = OverviewPage.render(context: Fixture.context(), snapshot: Fixture.snapshot(), minutes: Fixture.minutes, alerts: [Fixture.alert])
        #expect(html.contains("<span class=\"health health-hijacked\" id=\"health\" data-health=\"hijacked\">"))
        #expect(html.contains("Circuit breaker tripped: auto-approval stopped, gallery frozen, replies paused"))
        for key in ["posts", "supportive", "neutral", "critical", "sarcastic", "duplicates", "rejected"] {
            #expect(html.contains("id=\"count-\(key)\""), "count \(key)")
        }
        #expect(html.contains("<dd id=\"count-posts\">1,234</dd>"))
        #expect(html.contains("<div id=\"timeline\" class=\"timeline\" data-src=\"/api/campaigns/nypd/timeline\">"))
        #expect(html.contains("<svg id=\"timeline-svg\""))
        #expect(count("class=\"bucket\"", in: html) == 30)
        #expect(html.contains("class=\"hb hb-watch\""))
        #expect(!html.contains("hb-hijacked\"><script>"))
        #expect(html.contains("class=\"alert-marker level-alert\""))
        #expect(html.contains("data-campaign=\"nypd\""))
        #expect(html.contains(Hostile.escapedTerm))
        #expect(html.contains(Hostile.escapedHandle))
        #expect(html.contains(Hostile.escapedScript))
        #expect(html.contains("critical_share"))
        #expect(html.contains("Recommended actions"))
        #expect(html.contains("id=\"mix-critical\""))
        #expect(problems(in: html) == [])
        #expect(postFormsWithoutCSRF(html) == [])
    }

    @Test("timeline groups many minutes into round buckets")
    func timelineGrouping() {
        let rows = (0..<400).map { MinuteRow(campaignID: "c", minute: 23_303_100 + $0, posts: 1, supportive: 1, neutral: 0, critical: 0, sarcastic: 0, offensive: 0, health: "healthy") }
        let (buckets, size) = MinuteTimelineSVG.buckets(rows)
        #expect(size == 5)
        #expect(buckets.count == 80)
        #expect(buckets.reduce(0) { $0 + $1.supportive } == 400)
        let svg = MinuteTimelineSVG.render(minutes: rows, alerts: [])
        #expect(count("class=\"bucket\"", in: svg) == 80)
        #expect(svg.contains("5 minutes per bar"))
        #expect(MinuteTimelineSVG.render(minutes: [], alerts: []).contains("No closed minutes yet."))
        #expect(MinuteTimelineSVG.niceMaximum(37) == 50)
    }

    @Test("posts page: filter form, hostile post card, why, older link")
    func posts() {
        let filter = PostsPageFilter(stance: "critical", sarcastic: "yes", author: Hostile.handle, q: "a&b")
        let html = PostsPage.render(
            context: Fixture.context(active: "posts"), campaignID: Fixture.campaignID, posts: [Fixture.hostilePost, Fixture.friendlyPost], filter: filter,
            olderCursor: "1398189300.0_1", flagged: [Hostile.handle])
        #expect(html.contains("<form method=\"get\" action=\"/campaigns/nypd/posts\""))
        for field in ["stance", "sarcastic", "media", "author", "since", "until", "q"] { #expect(html.contains("name=\"\(field)\""), "filter \(field)") }
        #expect(html.contains("type=\"datetime-local\" name=\"since\""))
        #expect(html.contains("<option value=\"critical\" selected>"))
        #expect(html.contains(Hostile.escapedScript))
        #expect(html.contains(Hostile.escapedHandle))
        #expect(html.contains("[U+202E]"))
        #expect(html.contains("alt=\"\(Hostile.escapedAlt)\""))
        #expect(html.contains("<img src=\"https://img.example/a.jpg\" alt=\"\(Hostile.escapedAlt)\" loading=\"lazy\" referrerpolicy=\"no-referrer\">"))
        #expect(!html.contains("src=\"http://insecure.example"))
        #expect(html.contains("<a href=\"https://example.org/ok\" rel=\"noopener noreferrer nofollow ugc\" target=\"_blank\">"))
        #expect(html.contains("<span class=\"link-text\"><bdi>javascript:alert(1)</bdi></span>"))
        #expect(html.contains("<details class=\"why\"><summary>Why</summary>"))
        #expect(html.contains("p_critical 0.91"))
        #expect(html.contains("class=\"tag flagged\""))
        #expect(html.contains("href=\"/campaigns/nypd/posts?stance=critical&amp;sarcastic=yes&amp;author=evil%22%3E%3Cimg"))
        #expect(html.contains("before=1398189300.0_1\">Older posts</a>"))
        #expect(html.contains("href=\"https://social.example/@ana/110\""))
        #expect(html.contains("id=\"new-posts\""))
        #expect(problems(in: html) == [])
    }

    @Test("queue: bulk form, checkboxes with escaped keys, buttons, warnings, frozen note, keyboard help")
    func queue() {
        var post = Fixture.hostilePost
        post.post.nativeID = "12\"3"
        let entries = [QueueEntry(post: post, warnings: ["Flagged author " + Hostile.script], replyBlockers: ["sarcastic " + Hostile.term])]
        let html = QueuePage.render(
            context: Fixture.context(.moderator, active: "queue"), campaignID: Fixture.campaignID, status: .pending, counts: [.pending: 3, .held: 1],
            entries: entries, galleryFrozen: true)
        #expect(html.contains("<form method=\"post\" action=\"/campaigns/nypd/moderation\" id=\"queue-form\""))
        #expect(html.contains("<input type=\"checkbox\" name=\"keys\" value=\"x:12&quot;3\">"))
        #expect(html.contains("class=\"card post stance-critical sarcastic\" tabindex=\"0\" data-key=\"x:12&quot;3\""))
        for (value, label) in [("approved", "Approve (a)"), ("rejected", "Reject (r)"), ("held", "Hold (h)")] {
            #expect(html.contains("name=\"status\" value=\"\(value)\""), "button \(value)")
            #expect(html.contains(label))
        }
        #expect(html.contains("Approved posts wait: the gallery is frozen"))
        #expect(html.contains("id=\"keyboard-help\""))
        #expect(html.contains("<kbd>j</kbd>"))
        #expect(html.contains("href=\"/campaigns/nypd/queue?status=held\""))
        #expect(html.contains("id=\"queue-count-pending\">3<"))
        #expect(html.contains("Flagged author " + Hostile.escapedScript))
        #expect(html.contains(Hostile.escapedTerm))
        #expect(problems(in: html) == [])
        #expect(postFormsWithoutCSRF(html) == [])

        let viewer = QueuePage.render(
            context: Fixture.context(.viewer), campaignID: Fixture.campaignID, status: .pending, counts: [:], entries: entries, galleryFrozen: false)
        #expect(!viewer.contains("name=\"keys\""))
        #expect(viewer.contains("<fieldset class=\"toolbar\" disabled>"))
        #expect(!viewer.contains("the gallery is frozen"))
    }

    @Test("replies: decoded drafts with approve and cancel forms, raw payload fallback, paused banner, policy")
    func replies() {
        let html = RepliesPage.render(
            context: Fixture.context(.moderator, active: "replies"), campaignID: Fixture.campaignID, items: Fixture.outbox, policy: Fixture.snapshot().policy,
            breaker: Fixture.trippedBreaker, sentLastHour: 4)
        #expect(html.contains("action=\"/campaigns/nypd/replies/5/approve\""))
        #expect(html.contains("action=\"/campaigns/nypd/outbox/5/cancel\""))
        #expect(html.contains("action=\"/campaigns/nypd/outbox/6/cancel\""))
        #expect(html.contains("<textarea name=\"text\" rows=\"3\" maxlength=\"280\" required>Thanks \(Hostile.escapedScript) [U+202E]!</textarea>"))
        #expect(html.contains(Hostile.escapedHandle))
        #expect(html.contains("<pre><bdi>\(Hostile.escapedScript)</bdi></pre>"))
        #expect(html.contains("Replies are paused"))
        #expect(html.contains("At most 30 replies in any hour (4 sent in the last hour)"))
        #expect(!html.contains("facebook_photo"))
        #expect(problems(in: html) == [])
        #expect(postFormsWithoutCSRF(html) == [])

        let armed = RepliesPage.render(
            context: Fixture.context(), campaignID: Fixture.campaignID, items: [], policy: DeskPolicy(), breaker: CircuitBreaker())
        #expect(!armed.contains("Replies are paused"))
    }

    @Test("outbox: every item, payload escaped, cancel only for draft and queued, dry-run explained")
    func outbox() {
        let html = OutboxPage.render(context: Fixture.context(active: "outbox"), campaignID: Fixture.campaignID, items: Fixture.outbox)
        #expect(count("<tr id=\"outbox-", in: html) == 4)
        #expect(html.contains("/outbox/5/cancel") && html.contains("/outbox/6/cancel"))
        #expect(!html.contains("/outbox/7/cancel") && !html.contains("/outbox/8/cancel"))
        #expect(html.contains("dry run"))
        #expect(html.contains("facebook_photo") && html.contains("dry_run"))
        #expect(html.contains("<bdi>javascript:alert(1)</bdi>"))
        #expect(html.contains("HTTP 400 " + Hostile.escapedScript))
        #expect(problems(in: html) == [])
        #expect(postFormsWithoutCSRF(html) == [])
    }

    @Test("alerts: evidence, who acted, notes, and the three forms per alert with escaped ids")
    func alerts() {
        let html = AlertsPage.render(context: Fixture.context(.moderator, active: "alerts"), campaignID: Fixture.campaignID, alerts: [Fixture.alert, Fixture.hostileAlertID])
        #expect(html.contains("action=\"/campaigns/nypd/alerts/A1/resolve\""))
        #expect(html.contains("action=\"/campaigns/nypd/alerts/A1/annotate\""))
        #expect(!html.contains("action=\"/campaigns/nypd/alerts/A1/acknowledge\""))  // already acknowledged
        #expect(html.contains("action=\"/campaigns/nypd/alerts/A2%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E/acknowledge\""))
        #expect(html.contains("<textarea name=\"text\""))
        #expect(html.contains("Acknowledged by</dt><dd><bdi>\(Hostile.escapedHandle)</bdi>"))
        #expect(html.contains("Note " + Hostile.escapedScript))
        // Open alerts come first.
        let open = html.range(of: "A2&quot;")!.lowerBound
        let acknowledged = html.range(of: ">A1<")!.lowerBound
        #expect(open < acknowledged)
        #expect(problems(in: html) == [])
        #expect(postFormsWithoutCSRF(html) == [])

        let viewer = AlertsPage.render(context: Fixture.context(.viewer), campaignID: Fixture.campaignID, alerts: [Fixture.alert])
        #expect(viewer.contains("<fieldset disabled>"))
    }

    @Test("settings: policy fields named as DeskPolicy's coding keys, breaker and flag forms by role")
    func settings() throws {
        let keys = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(DeskPolicy())) as? [String: Any]).keys
        #expect(keys.count == 9)
        let html = SettingsPage.render(context: Fixture.context(.admin, active: "settings"), snapshot: Fixture.snapshot(), personFlags: [Hostile.handle])
        for key in keys { #expect(html.contains("name=\"\(key)\""), "policy field \(key)") }
        #expect(html.contains("<input type=\"checkbox\" name=\"auto_approve\" value=\"true\">"))
        #expect(html.contains("action=\"/campaigns/nypd/settings/policy\""))
        #expect(html.contains("<input type=\"hidden\" name=\"action\" value=\"override\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"action\" value=\"rearm\">"))
        #expect(!html.contains("value=\"trip\""))
        #expect(html.contains("name=\"reason\" required"))
        #expect(count("data-confirm=", in: html) == 2)
        #expect(html.contains("action=\"/campaigns/nypd/flags\""))
        #expect(html.contains("<input type=\"hidden\" name=\"handle\" value=\"\(Hostile.escapedHandle)\">"))
        #expect(html.contains("value=\"unflag\"") && html.contains("value=\"flag\""))
        #expect(html.contains("by coordination"))
        #expect(html.contains(Hostile.escapedTerm))
        #expect(html.contains("value=\"Thanks {handle} \(Hostile.escapedScript)\""))
        #expect(!html.contains("disabled>"))
        #expect(problems(in: html) == [])
        #expect(postFormsWithoutCSRF(html) == [])

        let moderator = SettingsPage.render(context: Fixture.context(.moderator), snapshot: Fixture.snapshot(breaker: CircuitBreaker()))
        #expect(count("<fieldset disabled>", in: moderator) == 2)  // policy and trip; flags stay usable
        #expect(moderator.contains("value=\"trip\""))
        #expect(moderator.contains("Read-only: this needs the admin role"))
        let viewer = SettingsPage.render(context: Fixture.context(.viewer), snapshot: Fixture.snapshot())
        #expect(viewer.contains("Read-only: this needs the moderator role"))
    }

    @Test("audit table escapes every column")
    func audit() {
        let entries = [AuditEntry(id: 1, at: Fixture.date, actor: Hostile.handle, campaignID: "nypd", action: "moderation.approve", subject: "x:123", detail: Hostile.script)]
        let html = AuditPage.render(context: Fixture.context(active: "audit"), campaignID: Fixture.campaignID, entries: entries, olderCursor: "5")
        #expect(html.contains("<time datetime=\"2014-04-22T17:55:00Z\">2014-04-22 17:55:00 UTC</time>"))
        #expect(html.contains(Hostile.escapedHandle) && html.contains(Hostile.escapedScript))
        #expect(html.contains("href=\"/campaigns/nypd/audit?before=5\""))
        #expect(problems(in: html) == [])
    }

    @Test("gallery: public page and embed, no script, frozen notice, feed links")
    func gallery() {
        let posts = [Fixture.hostilePost, Fixture.friendlyPost]
        let html = GalleryPage.render(campaignID: Fixture.campaignID, campaign: Fixture.campaign, posts: posts, frozen: true)
        #expect(!html.contains("<script"))
        #expect(!html.contains("desk.css") && html.contains("/static/gallery.css"))
        #expect(!html.contains("csrf"))
        #expect(html.contains("The gallery is paused."))
        #expect(html.contains("href=\"/gallery/nypd/feed.rss\"") && html.contains("href=\"/gallery/nypd/feed.json\""))
        #expect(html.contains("<h1><bdi>myNYPD</bdi></h1>"))
        #expect(html.contains(Hostile.escapedScript) && html.contains(Hostile.escapedHandle))
        #expect(html.contains("<img src=\"https://img.example/a.jpg\""))
        #expect(problems(in: html) == [])

        let embed = GalleryPage.render(campaignID: Fixture.campaignID, campaign: Fixture.campaign, posts: posts, frozen: false, embed: true)
        #expect(embed.contains("<base target=\"_blank\">"))
        #expect(!embed.contains("<h1>") && !embed.contains("<script") && !embed.contains("The gallery is paused."))
        #expect(embed.contains("class=\"gallery embed\""))
        #expect(problems(in: embed) == [])
    }

    @Test("RSS feed parses as XML and carries the posts, stripped of characters XML forbids")
    func rss() throws {
        let xml = GalleryFeeds.rss(
            campaignID: Fixture.campaignID, campaign: Fixture.campaign, baseURL: "https://desk.example.org/", posts: [Fixture.hostilePost, Fixture.friendlyPost])
        #expect(!xml.contains("<script"))
        #expect(!xml.unicodeScalars.contains { $0.value == 0x01 || $0.value == 0xFFFE })
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = FeedCollector()
        parser.delegate = collector
        #expect(parser.parse(), "RSS must be well-formed: \(String(describing: parser.parserError))")
        #expect(collector.elements["item"] == 2)
        #expect(collector.elements["guid"] == 2)
        #expect(collector.texts["description"]?.contains(where: { $0.contains(Hostile.script) }) == true)
        #expect(collector.texts["link"]?.first == "https://desk.example.org/gallery/nypd")
        #expect(collector.texts["pubDate"]?.first == "Tue, 22 Apr 2014 17:55:00 +0000")
        #expect(collector.enclosures == ["https://img.example/a.jpg", "https://img.example/friendly.png"])
    }

    @Test("JSON feed parses and has JSON Feed 1.1 keys, with only http(s) urls and https images")
    func jsonFeed() throws {
        let text = GalleryFeeds.jsonFeed(
            campaignID: Fixture.campaignID, campaign: Fixture.campaign, baseURL: "https://desk.example.org", posts: [Fixture.hostilePost, Fixture.friendlyPost])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(object["title"] as? String == "myNYPD")
        #expect(object["home_page_url"] as? String == "https://desk.example.org/gallery/nypd")
        #expect(object["feed_url"] as? String == "https://desk.example.org/gallery/nypd/feed.json")
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 2)
        let first = items[0]
        #expect(first["id"] as? String == "x:123")
        #expect(first["date_published"] as? String == "2014-04-22T17:55:00Z")
        #expect((first["content_text"] as? String)?.contains(Hostile.script) == true)
        #expect(first["image"] as? String == "https://img.example/a.jpg")
        #expect(first["url"] as? String == "https://x.com/i/web/status/123")
        let authors = try #require(first["authors"] as? [[String: Any]])
        #expect(authors.first?["name"] as? String == "@" + Hostile.handle)
        for item in items {
            for key in ["url", "image"] {
                if let value = item[key] as? String { #expect(value.hasPrefix("https://"), "\(key) \(value)") }
            }
        }
        #expect(items[1]["url"] as? String == "https://social.example/@ana/110")
    }

    @Test("error page escapes the message and has no script")
    func errorPage() {
        let html = ErrorPage.render(status: 404, message: "No post " + Hostile.script)
        #expect(html.contains("404") && html.contains("Not found"))
        #expect(html.contains(Hostile.escapedScript))
        #expect(!html.contains("<script"))
        #expect(problems(in: html) == [])
    }

    @Test("URLs: only absolute http(s) with a host become links; path segments are encoded")
    func urls() {
        #expect(PageHTML.httpURL("https://example.org/a?b=c") == "https://example.org/a?b=c")
        #expect(PageHTML.httpURL("HTTP://EXAMPLE.org") != nil)
        for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", " https://x.example", "https://", "//evil.example", "https:evil", "ftp://x.example", "https://x.example/\u{202E}"] {
            #expect(PageHTML.httpURL(bad) == nil, "\(bad)")
        }
        #expect(PageHTML.httpsURL("http://x.example/a.png") == nil)
        #expect(PageHTML.campaignPath("a/b\"c") == "/campaigns/a%2Fb%22c")
        #expect(PageHTML.query([("q", "a&b c"), ("x", nil), ("y", "")]) == "?q=a%26b%20c")
    }

    @Test("times: a post without one (plain text, CSV without dates) shows 'no time', not 1970")
    func times() {
        #expect(PageHTML.time(Date(timeIntervalSince1970: 1_398_189_300)) == "<time datetime=\"2014-04-22T17:55:00Z\">2014-04-22 17:55:00 UTC</time>")
        #expect(PageHTML.time(Post.undated) == "no time")
        #expect(PageHTML.time(nil as Date?) == "–")
    }

    @Test("permalinks only from ids that match the platform's syntax")
    func permalinks() {
        var post = Fixture.hostilePost.post
        #expect(PostPermalink.url(for: post) == "https://x.com/i/web/status/123")
        post.author.handle = "NYPDnews"
        #expect(PostPermalink.url(for: post) == "https://x.com/NYPDnews/status/123")
        post.nativeID = "javascript:alert(1)"
        #expect(PostPermalink.url(for: post) == nil)
        post.platform = .bluesky
        post.nativeID = "at://did:plc:abc123/app.bsky.feed.post/3kabc"
        #expect(PostPermalink.url(for: post) == "https://bsky.app/profile/did:plc:abc123/post/3kabc")
        post.nativeID = "at://did:plc:abc\"/app.bsky.feed.post/3kabc"
        #expect(PostPermalink.url(for: post) == nil)
    }

    @Test("static assets: strict script without innerHTML, SSE events handled, focus ring and health colours")
    func assets() {
        let js = DeskAssets.js
        #expect(js.contains("'use strict'"))
        #expect(!js.contains("innerHTML") && !js.contains("eval(") && !js.contains("document.write"))
        #expect(js.contains("new EventSource('/campaigns/' + encodeURIComponent(campaign) + '/events')"))
        for event in ["posts", "minute", "health", "alert", "breaker", "moderation", "outbox"] {
            #expect(js.contains("addEventListener('\(event)'"), "event \(event)")
        }
        #expect(js.contains("createElementNS"))
        #expect(js.contains("data-confirm"))
        #expect(js.contains("\\d{3}"))  // the raw literal kept the regular expression's backslashes
        #expect(!js.contains("http://") || js.contains("http://www.w3.org/2000/svg"))
        let css = DeskAssets.css
        #expect(css.contains(".card:focus"))
        for health in ["healthy", "watch", "hijacked", "recovering"] { #expect(css.contains(".health-\(health)")) }
        #expect(!css.contains("@import") && !css.contains("url("))
        #expect(DeskAssets.galleryCSS.contains(".grid"))
    }
}

/// Collects element counts, text per element and enclosure URLs from a parsed feed.
private final class FeedCollector: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var texts: [String: [String]] = [:]
    var enclosures: [String] = []
    private var current = ""
    private var buffer = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if name == "enclosure", let url = attributes["url"] { enclosures.append(url) }
        current = name
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        buffer += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == current { texts[name, default: []].append(buffer) }
        current = ""
        buffer = ""
    }
}
