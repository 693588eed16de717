import Firebreak
import FirebreakFormats

/// The JSON line `firebreak classify` writes for one post (see DESIGN.md, "Command line").
enum ClassificationLine {
    static func json(id: String, assessment: Assessment, withReasons: Bool) -> String {
        var out = "{\"id\": \(JSONString.quoted(id)), \"stance\": \"\(assessment.stance.rawValue)\""
        out += ", \"p_critical\": \(number(assessment.pCritical)), \"p_supportive\": \(number(assessment.pSupportive))"
        out += ", \"sentiment\": \"\(assessment.sentiment.rawValue)\""
        let p = assessment.pSentiment
        out += ", \"p_sentiment\": {\"negative\": \(number(p[0])), \"neutral\": \(number(p[1])), \"positive\": \(number(p[2]))}"
        out += ", \"irony\": \(number(assessment.irony)), \"offensive\": \(number(assessment.offensive))"
        if withReasons {
            let reasons = assessment.reasons.map {
                "{\"head\": \(JSONString.quoted($0.head)), \"feature\": \(JSONString.quoted($0.feature)), \"weight\": \(signed($0.weight))}"
            }
            out += ", \"reasons\": [\(reasons.joined(separator: ", "))]"
        }
        return out + "}"
    }

    /// A probability with four decimals, always within 0…1.
    static func number(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(value, 0), 1) : 0
        let scaled = Int((clamped * 10_000).rounded())
        if scaled >= 10_000 { return "1.0" }
        let digits = String(scaled)
        return "0." + String(repeating: "0", count: 4 - digits.count) + digits
    }

    static func signed(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let magnitude = abs(scaled)
        let digits = String(magnitude % 10_000)
        return (scaled < 0 ? "-" : "") + "\(magnitude / 10_000)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
