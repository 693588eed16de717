/// Fills a thank-you template with an author's handle and the campaign's name.
public enum ReplyTemplate {
    /// The reply text. The handle is reduced to the characters platforms allow in handles, so a display trick in a
    /// hostile handle cannot reach the reply; the result is cut to 280 characters.
    public static func render(_ template: String, handle: String, campaign: String) -> String {
        let safeHandle = String(handle.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "." || $0 == "-") }.map(Character.init).prefix(64))
        let text = template.replacingOccurrences(of: "{handle}", with: safeHandle).replacingOccurrences(of: "{campaign}", with: campaign)
        return String(text.prefix(280))
    }
}
