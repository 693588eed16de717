/// A campaign's desk policies: what may happen without a person, and how fast.
public struct DeskPolicy: Sendable, Hashable, Codable {
    /// Approve posts into the gallery without a person when they are clearly eligible and the breaker is armed.
    public var autoApprove: Bool
    /// The least p_supportive an auto-approved post needs.
    public var autoApproveMinSupportive: Double
    /// Send thank-you replies without a person (under `repliesPerHour`) while the breaker is armed.
    public var autoReply: Bool
    /// The most replies sent in any hour.
    public var repliesPerHour: Int
    /// The thank-you text; `{handle}` becomes the author's handle and `{campaign}` the campaign's name.
    public var replyTemplate: String
    /// When the breaker trips, pull back featured posts created in the last this many minutes of event time (0: none).
    public var pullBackMinutes: Int
    /// The least p_supportive a reply draft needs.
    public var replyMinSupportive: Double
    /// The most irony a reply draft or an auto-approval may carry.
    public var maxIrony: Double
    /// The most offence a reply draft or an auto-approval may carry.
    public var maxOffensive: Double

    /// The defaults: nothing automatic, 30 replies an hour, a plain thank-you.
    public init(
        autoApprove: Bool = false, autoApproveMinSupportive: Double = 0.8, autoReply: Bool = false, repliesPerHour: Int = 30,
        replyTemplate: String = "Thank you for taking part in {campaign}, @{handle}!", pullBackMinutes: Int = 0,
        replyMinSupportive: Double = 0.6, maxIrony: Double = 0.35, maxOffensive: Double = 0.3
    ) {
        self.autoApprove = autoApprove
        self.autoApproveMinSupportive = autoApproveMinSupportive
        self.autoReply = autoReply
        self.repliesPerHour = repliesPerHour
        self.replyTemplate = replyTemplate
        self.pullBackMinutes = pullBackMinutes
        self.replyMinSupportive = replyMinSupportive
        self.maxIrony = maxIrony
        self.maxOffensive = maxOffensive
    }

    /// The problems with this policy, empty when it is usable.
    public var problems: [String] {
        var problems: [String] = []
        for (name, value) in [
            ("auto_approve_min_supportive", autoApproveMinSupportive), ("reply_min_supportive", replyMinSupportive),
            ("max_irony", maxIrony), ("max_offensive", maxOffensive),
        ] where !(0...1).contains(value) {
            problems.append("\(name) must be between 0 and 1 (got \(value))")
        }
        if !(0...10_000).contains(repliesPerHour) { problems.append("replies_per_hour must be between 0 and 10000") }
        if !(0...1440).contains(pullBackMinutes) { problems.append("pull_back_minutes must be between 0 and 1440") }
        if replyTemplate.isEmpty || replyTemplate.count > 280 { problems.append("reply_template must be 1 to 280 characters") }
        return problems
    }

    /// The names of the policy's settings, as a configuration file spells them.
    public static var settingNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case autoApprove = "auto_approve"
        case autoApproveMinSupportive = "auto_approve_min_supportive"
        case autoReply = "auto_reply"
        case repliesPerHour = "replies_per_hour"
        case replyTemplate = "reply_template"
        case pullBackMinutes = "pull_back_minutes"
        case replyMinSupportive = "reply_min_supportive"
        case maxIrony = "max_irony"
        case maxOffensive = "max_offensive"
    }

    /// Decodes a policy; missing keys take the defaults.
    public init(from decoder: any Decoder) throws {
        let d = DeskPolicy()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        autoApprove = try c.decodeIfPresent(Bool.self, forKey: .autoApprove) ?? d.autoApprove
        autoApproveMinSupportive = try c.decodeIfPresent(Double.self, forKey: .autoApproveMinSupportive) ?? d.autoApproveMinSupportive
        autoReply = try c.decodeIfPresent(Bool.self, forKey: .autoReply) ?? d.autoReply
        repliesPerHour = try c.decodeIfPresent(Int.self, forKey: .repliesPerHour) ?? d.repliesPerHour
        replyTemplate = try c.decodeIfPresent(String.self, forKey: .replyTemplate) ?? d.replyTemplate
        pullBackMinutes = try c.decodeIfPresent(Int.self, forKey: .pullBackMinutes) ?? d.pullBackMinutes
        replyMinSupportive = try c.decodeIfPresent(Double.self, forKey: .replyMinSupportive) ?? d.replyMinSupportive
        maxIrony = try c.decodeIfPresent(Double.self, forKey: .maxIrony) ?? d.maxIrony
        maxOffensive = try c.decodeIfPresent(Double.self, forKey: .maxOffensive) ?? d.maxOffensive
    }
}
