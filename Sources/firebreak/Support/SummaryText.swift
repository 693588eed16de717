import Firebreak
import FirebreakFormats
import Foundation

/// The short summary `analyze` prints on standard output.
enum SummaryText {
    static func render(_ report: CampaignReport) -> String {
        let s = report.summary
        let i = report.input
        func pct(_ n: Int) -> String { s.posts == 0 ? "0 %" : "\(Int((Double(n) * 100 / Double(s.posts)).rounded())) %" }
        var lines: [String] = []
        lines.append("Campaign \(report.campaign.name) (\(report.campaign.hashtags.joined(separator: " ")))")
        lines.append(
            "Read \(i.records) records: \(i.posts) posts, \(i.duplicates) duplicates, \(i.rejected) rejected")
        if let first = s.firstPostAt, let last = s.lastPostAt {
            lines.append("From \(Timestamp.format(first)) to \(Timestamp.format(last)), \(s.authors) authors")
        } else if s.posts > 0 {
            lines.append("No post times in the input (plain text, or CSV without a date column): no timeline, \(s.authors) authors")
        }
        lines.append(
            "Stance: \(s.supportive) supportive (\(pct(s.supportive))), \(s.neutral) neutral (\(pct(s.neutral))), "
                + "\(s.critical) critical (\(pct(s.critical))); \(s.sarcastic) sarcastic")
        lines.append("Health: \(s.health.rawValue)" + (s.turnedAt.map { ", turned at \(Timestamp.format($0))" } ?? ""))
        for alert in report.alerts.prefix(5) {
            lines.append("Alert \(alert.id) [\(alert.kind.rawValue), \(alert.level.rawValue)] at \(Timestamp.format(alert.raisedAt)): \(alert.summary)")
        }
        if !report.themes.isEmpty {
            lines.append("Themes: " + report.themes.prefix(5).map { $0.terms.prefix(3).joined(separator: " / ") }.joined(separator: "; "))
        }
        for rejection in i.rejections.prefix(3) { lines.append("Rejected \(rejection.file):\(rejection.record): \(rejection.reason)") }
        return lines.map(safe).joined(separator: "\n")
    }

    /// Neutralises control and bidi characters, so a post cannot rewrite the user's terminal.
    static func safe(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { s in
                    let v = s.value
                    let control = v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                        || v == 0x200E || v == 0x200F
                    return control ? "\u{FFFD}" : s
                }))
    }
}
