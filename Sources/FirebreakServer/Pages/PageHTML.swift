import Firebreak
import FirebreakFormats
import Foundation

/// Small building blocks every page uses, so escaping, URLs and times are done one way everywhere.
///
/// The rule: a string that came from a post, a feed, a user or a file is shown with `text` (element content) or
/// `attr` (a quoted attribute that is not a URL). Strings the desk itself chose (ids of our own elements, enum raw
/// values) go through `esc`, which escapes without rewriting, so values that must round-trip (a post key in a
/// checkbox) stay exact. Only `httpURL`/`httpsURL` may produce an `href` or `src` from outside data.
enum PageHTML {
    // MARK: Escaping

    /// Untrusted text in element content: cut, bidi controls made visible, escaped, isolated in `<bdi>`.
    static func text(_ value: String, _ limit: TextLimit = .line) -> String {
        HTMLEscaping.untrusted(value, limit: limit)
    }

    /// Untrusted text in a quoted, non-URL attribute (`title`, `alt`, `value` of a visible field).
    static func attr(_ value: String, _ limit: TextLimit = .line) -> String {
        HTMLEscaping.untrustedAttribute(value, limit: limit)
    }

    /// Plain escaping that keeps the value exact (machine values that must come back unchanged in a form).
    static func esc(_ value: String) -> String {
        HTMLEscaping.escape(value)
    }

    // MARK: URLs

    /// The characters a path segment or query value keeps as they are (RFC 3986 unreserved).
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A value percent-encoded for a path segment or a query value; nothing in it can end the segment.
    static func component(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `/campaigns/{id}` with the id encoded (ids come from configuration, but a path is no place to trust them).
    static func campaignPath(_ id: String) -> String {
        "/campaigns/" + component(id)
    }

    /// A query string (`?a=1&b=2`) from name/value pairs, skipping empty values; "" when nothing is left.
    static func query(_ pairs: [(String, String?)]) -> String {
        let parts = pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return component(name) + "=" + component(value)
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// The URL, normalised, when it is an absolute `http`/`https` URL with a host; nil otherwise.
    ///
    /// Parsing (not prefix matching) is what rules out `javascript:`, `data:`, `HTTPS:` tricks with leading
    /// spaces or control characters, and protocol-relative `//host` forms. The result is printable ASCII only.
    static func httpURL(_ raw: String, httpsOnly: Bool = false) -> String? {
        guard raw.utf8.count <= 2048 else { return nil }
        // Anything outside printable ASCII (spaces, controls, bidi marks) means the string is not a URL as written.
        guard raw.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else { return nil }
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased() else { return nil }
        guard scheme == "https" || (!httpsOnly && scheme == "http") else { return nil }
        guard let host = url.host, !host.isEmpty else { return nil }
        let absolute = url.absoluteString
        guard absolute.lowercased().hasPrefix(scheme + "://"),
            absolute.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else { return nil }
        return absolute
    }

    /// An `https` URL suitable for an `<img src>`; nil otherwise.
    static func httpsURL(_ raw: String) -> String? {
        httpURL(raw, httpsOnly: true)
    }

    /// A link from a post: a safe external `<a>` when the URL is http(s), plain text otherwise.
    static func externalLink(_ raw: String, label: String? = nil) -> String {
        let shown = text(label ?? raw, .line)
        guard let url = httpURL(raw) else { return "<span class=\"link-text\">\(shown)</span>" }
        return "<a href=\"\(esc(url))\" rel=\"noopener noreferrer nofollow ugc\" target=\"_blank\">\(shown)</a>"
    }

    // MARK: Forms

    /// The hidden CSRF field every state-changing form carries.
    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(token))\">"
    }

    /// `disabled` (with a leading space) when the role may not use a form, so it shows read-only.
    static func disabled(unless allowed: Bool) -> String {
        allowed ? "" : " disabled"
    }

    /// A one-line explanation shown beside read-only forms.
    static func roleNote(_ required: DeskRole, _ context: PageContext) -> String {
        guard !context.role.allows(required) else { return "" }
        return "<p class=\"note readonly\">Read-only: this needs the \(required.rawValue) role (you are \(context.role.rawValue)).</p>"
    }

    // MARK: Badges

    /// The health badge; `id: true` only for the one the live script updates.
    static func healthBadge(_ health: Health, id: Bool = false) -> String {
        let raw = health.rawValue
        let idAttribute = id ? " id=\"health\"" : ""
        return "<span class=\"health health-\(raw)\"\(idAttribute) data-health=\"\(raw)\">\(raw)</span>"
    }

    /// A health read from storage, where it is a string: anything unknown shows as healthy rather than as raw text.
    static func health(_ raw: String) -> Health {
        Health(rawValue: raw) ?? .healthy
    }

    /// The stance badge.
    static func stanceBadge(_ stance: Stance) -> String {
        "<span class=\"stance stance-\(stance.rawValue)\">\(stance.rawValue)</span>"
    }

    /// What the breaker's position means, in a sentence a person can act on.
    static func breakerSentence(_ state: CircuitBreaker.State) -> String {
        switch state {
        case .armed: "Circuit breaker armed: auto-approval, gallery and replies run normally."
        case .tripped: "Circuit breaker tripped: auto-approval stopped, gallery frozen, replies paused."
        case .overridden: "Circuit breaker overridden: a person let actions resume; it trips again if health gets worse."
        }
    }

    // MARK: Numbers

    /// A probability or score with two decimals; a dash when it is not a number.
    static func decimal(_ value: Double, places: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        return String(format: "%.\(places)f", value)
    }

    /// A share as a whole percentage ("0%" for an empty whole).
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        return "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    /// A count with thousands separators that do not depend on the server's locale.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    // MARK: Time (always UTC: event time is the posts' own and the desk never guesses a reader's zone)

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// The UTC fields of a date.
    static func fields(_ date: Date) -> DateComponents {
        utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    private static func pad(_ value: Int?, _ width: Int = 2) -> String {
        let text = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `2014-04-22T17:55:00Z`.
    static func rfc3339(_ date: Date) -> String {
        let f = fields(date)
        return "\(pad(f.year, 4))-\(pad(f.month))-\(pad(f.day))T\(pad(f.hour)):\(pad(f.minute)):\(pad(f.second))Z"
    }

    /// `2014-04-22 17:55:03 UTC`.
    static func display(_ date: Date) -> String {
        let f = fields(date)
        return "\(pad(f.year, 4))-\(pad(f.month))-\(pad(f.day)) \(pad(f.hour)):\(pad(f.minute)):\(pad(f.second)) UTC"
    }

    /// `17:55`.
    static func clock(_ date: Date) -> String {
        let f = fields(date)
        return "\(pad(f.hour)):\(pad(f.minute))"
    }

    /// `<time datetime="...">...</time>`; "no time" for a post that had none (`Post.undated`).
    static func time(_ date: Date) -> String {
        guard date != Post.undated else { return "no time" }
        return "<time datetime=\"\(rfc3339(date))\">\(display(date))</time>"
    }

    /// `<time>` or a dash for a missing date.
    static func time(_ date: Date?) -> String {
        date.map { time($0) } ?? "–"
    }
}
