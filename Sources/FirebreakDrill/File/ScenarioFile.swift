import Firebreak
import Foundation
import Yams

/// Reads scenario files: YAML describing how a campaign stream unfolds, on top of a story kit.
///
/// ```yaml
/// name: troll-handful
/// kit: cupstory                     # campaign, phrase book, accounts (mynypd, cupstory, transit)
/// seed: 7
/// mixes:                            # named mixes phases refer to
///   happy: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.05, reposts: 0.25, replies: 0.08, quotes: 0.02}
/// phases:
///   - {name: launch, minutes: 60, state: healthy, rate: {points: [[0, 100], [60, 800]]}, mix: happy}
/// accounts: [...]                   # extra named accounts (trolls, activists)
/// populations: [...]                # per-role overrides of the kit's populations
/// casting: {offensive: {activist: 1}}
/// bursts: [...]                     # coordinated bursts
/// ```
///
/// Every error names the file, the line and the field (`phases[1].mix.critical: expected a number`).
public enum ScenarioFile {
    /// Reads a scenario file from disk.
    public static func load(path: String) throws -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioFileError(file: path, line: nil, field: "", message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: path)
    }

    /// Parses scenario YAML; `file` names the source in errors.
    public static func parse(_ yaml: String, file: String) throws -> Scenario {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ScenarioFileError(file: file, line: nil, field: "", message: "the file is empty")
            }
            root = node
        } catch let error as ScenarioFileError {
            throw error
        } catch let error as YamlError {
            throw ScenarioFileError(file: file, line: nil, field: "", message: "not valid YAML: \(error)")
        }
        return try build(YAMLValue(node: root, path: "", file: file))
    }

    // MARK: The document

    private static let topFields = [
        "name", "description", "kit", "seed", "start", "campaign", "mixes", "phases", "accounts", "populations", "casting",
        "scripted", "kit_scripted", "bursts", "phrases",
    ]

    private static func build(_ root: YAMLValue) throws -> Scenario {
        let fields = try root.fields(allowed: topFields)
        let name = try fields.required("name").string()
        let kitField = try fields.required("kit")
        let kitName = try kitField.string()
        guard let kit = StoryKit.named(kitName) else {
            throw kitField.error("unknown kit '\(kitName)' (expected one of: \(StoryKit.all.map(\.name).joined(separator: ", ")))")
        }
        let seed = try fields.optional("seed").map { UInt64(try $0.int(in: 0...Int.max)) } ?? 1
        let start = try fields.optional("start")?.date() ?? kit.start
        var campaign = try fields.optional("campaign").map { try parseCampaign($0, base: kit.campaign) } ?? kit.campaign
        campaign.launchedAt = start

        var mixes: [String: PostMix] = [:]
        if let mixField = fields.optional("mixes") {
            for (mixName, value) in try mixField.pairs() { mixes[mixName] = try parseMix(value, named: [:]) }
        }
        let phaseList = try fields.required("phases").sequence()
        guard !phaseList.isEmpty else { throw try fields.required("phases").error("a scenario needs at least one phase") }
        let phases = try phaseList.map { try parsePhase($0, mixes: mixes) }

        var roster = kit.roster
        if let accountsField = fields.optional("accounts") {
            for value in try accountsField.sequence() {
                let account = try parseAccount(value, start: start)
                if roster.account(handle: account.handle) != nil {
                    throw value.error("the account '\(account.handle)' is already in the \(kit.name) kit")
                }
                roster.named.append(account)
            }
        }
        var populations = kit.populations
        if let populationsField = fields.optional("populations") {
            for value in try populationsField.sequence() {
                let population = try parsePopulation(value)
                populations.removeAll { $0.role == population.role }
                populations.append(population)
            }
        }
        var casting = kit.casting
        if let castingField = fields.optional("casting") {
            for (voiceName, value) in try castingField.pairs() {
                let voice = try self.voice(voiceName, at: value)
                var weights: [AuthorRole: Double] = [:]
                for (roleName, weight) in try value.pairs() {
                    guard let role = AuthorRole(rawValue: roleName) else {
                        throw weight.error(
                            "unknown role '\(roleName)' (expected one of: \(AuthorRole.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    weights[role] = try weight.double(in: 0...1_000)
                }
                casting[voice] = weights
            }
        }
        var scripted = try fields.optional("kit_scripted")?.bool() == false ? [] : kit.scripted
        if let scriptedField = fields.optional("scripted") {
            scripted += try scriptedField.sequence().map { try parseScripted($0, roster: roster) }
        }
        let labels = Set(scripted.map(\.label))
        let bursts = try fields.optional("bursts")?.sequence().map { try parseBurst($0, labels: labels) } ?? []
        var phrases = kit.phrases
        if let phraseField = fields.optional("phrases") { try addPhrases(phraseField, to: &phrases) }
        return Scenario(
            name: name, campaign: campaign, start: start, phases: phases, scripted: scripted, populations: populations,
            casting: casting, phrases: phrases, roster: roster, defaultSeed: seed, bursts: bursts
        )
    }

    // MARK: Parts

    private static func parseCampaign(_ value: YAMLValue, base: Campaign) throws -> Campaign {
        let fields = try value.fields(allowed: ["name", "hashtags", "owners", "target", "aliases", "brief"])
        var target = base.target
        if let name = fields.optional("target") { target.name = try name.string() }
        if let aliases = fields.optional("aliases") { target.aliases = try aliases.strings() }
        return Campaign(
            name: try fields.optional("name")?.string() ?? base.name,
            hashtags: try fields.optional("hashtags")?.strings() ?? base.hashtags,
            owners: try fields.optional("owners")?.strings() ?? base.owners, target: target, launchedAt: base.launchedAt,
            brief: try fields.optional("brief")?.string() ?? base.brief
        )
    }

    private static let mixFields = PostVoice.allCases.map(\.rawValue) + ["reposts", "replies", "quotes"]

    /// A mix: inline voice weights and form shares, or the name of one of the file's `mixes`.
    private static func parseMix(_ value: YAMLValue, named: [String: PostMix]) throws -> PostMix {
        if case .scalar = value.node {
            let name = try value.string()
            guard let mix = named[name] else {
                throw value.error("unknown mix '\(name)' (defined: \(named.keys.sorted().joined(separator: ", ")))")
            }
            return mix
        }
        let fields = try value.fields(allowed: mixFields)
        var voices: [PostVoice: Double] = [:]
        for voice in PostVoice.allCases {
            if let weight = fields.optional(voice.rawValue) { voices[voice] = try weight.double(in: 0...1_000) }
        }
        guard voices.values.contains(where: { $0 > 0 }) else {
            throw value.error("a mix needs a positive weight for at least one voice (\(PostVoice.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let reposts = try fields.optional("reposts")?.double(in: 0...1) ?? 0
        let replies = try fields.optional("replies")?.double(in: 0...1) ?? 0
        let quotes = try fields.optional("quotes")?.double(in: 0...1) ?? 0
        guard reposts + replies + quotes <= 1 else { throw value.error("reposts + replies + quotes must not exceed 1") }
        return PostMix(voices: voices, repostShare: reposts, replyShare: replies, quoteShare: quotes)
    }

    private static func parsePhase(_ value: YAMLValue, mixes: [String: PostMix]) throws -> ScenarioPhase {
        let fields = try value.fields(allowed: ["name", "minutes", "state", "rate", "mix", "mix_end"])
        let minutes = try fields.required("minutes").double(in: 0...100_000)
        guard minutes > 0 else { throw try fields.required("minutes").error("a phase must last more than 0 minutes") }
        let mix = try parseMix(fields.required("mix"), named: mixes)
        return ScenarioPhase(
            name: try fields.required("name").string(), minutes: minutes,
            state: try fields.optional("state")?.choice(ScenarioPhase.State.self) ?? .healthy,
            rate: try parseRate(fields.required("rate")), mixAtStart: mix,
            mixAtEnd: try fields.optional("mix_end").map { try parseMix($0, named: mixes) }
        )
    }

    /// A rate: a number of posts per hour, or `{points: [[minute, per_hour], ...], interpolation: linear|exponential}`.
    private static func parseRate(_ value: YAMLValue) throws -> RateCurve {
        if case .scalar = value.node { return .constant(try value.double(in: 0...10_000_000)) }
        let fields = try value.fields(allowed: ["points", "interpolation"])
        let pointList = try fields.required("points").sequence()
        guard !pointList.isEmpty else { throw try fields.required("points").error("a rate needs at least one point") }
        let points = try pointList.map { point -> (minute: Double, perHour: Double) in
            let pair = try point.sequence()
            guard pair.count == 2 else { throw point.error("a point is [minute, posts per hour]") }
            return (try pair[0].double(in: 0...100_000), try pair[1].double(in: 0...10_000_000))
        }
        let interpolation = try fields.optional("interpolation")?.choice(RateCurve.Interpolation.self) ?? .linear
        return RateCurve(points, interpolation: interpolation)
    }

    private static func parseAccount(_ value: YAMLValue, start: Date) throws -> NamedAccount {
        let fields = try value.fields(allowed: [
            "handle", "role", "display_name", "followers", "created", "verified", "joins_at_minute", "share",
        ])
        let handle = try fields.required("handle").string()
        guard !handle.isEmpty, !handle.hasPrefix("@") else { throw try fields.required("handle").error("give the handle without '@'") }
        return NamedAccount(
            role: try fields.required("role").choice(AuthorRole.self), handle: handle,
            displayName: try fields.optional("display_name")?.string() ?? handle,
            followers: try fields.optional("followers")?.int(in: 0...1_000_000_000) ?? 100,
            createdAt: try fields.optional("created")?.date() ?? start.addingTimeInterval(-400 * 86_400),
            verified: try fields.optional("verified")?.bool() ?? false,
            joinsAtMinute: try fields.optional("joins_at_minute")?.double(in: 0...100_000) ?? 0,
            share: try fields.optional("share")?.double(in: 0...1) ?? 0
        )
    }

    private static func parsePopulation(_ value: YAMLValue) throws -> AuthorPopulation {
        let fields = try value.fields(allowed: [
            "role", "newcomer_share", "fresh_account_share", "followers_scale", "followers_shape", "verified_share",
        ])
        return AuthorPopulation(
            role: try fields.required("role").choice(AuthorRole.self),
            newcomerShare: try fields.required("newcomer_share").double(in: 0...1),
            freshAccountShare: try fields.optional("fresh_account_share")?.double(in: 0...1) ?? 0,
            followersScale: try fields.optional("followers_scale")?.double(in: 0.01...10_000_000) ?? 50,
            followersShape: try fields.optional("followers_shape")?.double(in: 0.1...10) ?? 1.2,
            verifiedShare: try fields.optional("verified_share")?.double(in: 0...1) ?? 0
        )
    }

    private static func parseScripted(_ value: YAMLValue, roster: AccountRoster) throws -> ScriptedPost {
        let fields = try value.fields(allowed: [
            "label", "minute", "handle", "voice", "text", "theme", "photo", "reply_to", "popularity",
        ])
        let handleField = try fields.required("handle")
        let handle = try handleField.string()
        guard roster.account(handle: handle) != nil else {
            throw handleField.error("'\(handle)' is not a named account (add it under 'accounts')")
        }
        return ScriptedPost(
            label: try fields.required("label").string(), minute: try fields.required("minute").double(in: 0...100_000),
            handle: handle, voice: try fields.required("voice").choice(PostVoice.self), text: try fields.required("text").string(),
            theme: try fields.optional("theme")?.string(), photoAltText: try fields.optional("photo")?.string(),
            replyTo: try fields.optional("reply_to")?.string(),
            popularity: try fields.optional("popularity")?.double(in: 0...100_000) ?? 0
        )
    }

    private static func parseBurst(_ value: YAMLValue, labels: Set<String>) throws -> CoordinatedBurst {
        let fields = try value.fields(allowed: [
            "minute", "repeats", "every_minutes", "posts", "within_seconds", "voice", "role", "texts", "variation",
            "fresh_account_share", "repost_of", "theme",
        ])
        let repostOf = try fields.optional("repost_of")?.string()
        if let repostOf, !labels.contains(repostOf) {
            throw try fields.required("repost_of").error("no scripted post is labelled '\(repostOf)'")
        }
        let texts = try fields.optional("texts")?.strings() ?? []
        if texts.isEmpty && repostOf == nil { throw value.error("a burst needs 'texts' or 'repost_of'") }
        return CoordinatedBurst(
            minute: try fields.required("minute").double(in: 0...100_000),
            repeats: try fields.optional("repeats")?.int(in: 1...100_000) ?? 1,
            everyMinutes: try fields.optional("every_minutes")?.double(in: 0.01...100_000) ?? 1,
            posts: try fields.required("posts").int(in: 1...1_000_000),
            withinSeconds: try fields.optional("within_seconds")?.double(in: 1...3_600) ?? 50,
            voice: try fields.required("voice").choice(PostVoice.self),
            role: try fields.optional("role")?.choice(AuthorRole.self) ?? .bot, texts: texts,
            variation: try fields.optional("variation")?.double(in: 0...1) ?? 0.3,
            freshAccountShare: try fields.optional("fresh_account_share")?.double(in: 0...1) ?? 0.9, repostOf: repostOf,
            theme: try fields.optional("theme")?.string()
        )
    }

    /// Adds templates and slot values to the kit's phrase book (`originals`, `replies`, `quotes` by voice; `slots`).
    private static func addPhrases(_ value: YAMLValue, to book: inout PhraseBook) throws {
        let fields = try value.fields(allowed: ["originals", "replies", "quotes", "slots"])
        for (key, keyPath) in [("originals", \PhraseBook.originals), ("replies", \.replies), ("quotes", \.quotes)] {
            guard let byVoice = fields.optional(key) else { continue }
            for (voiceName, list) in try byVoice.pairs() {
                let voice = try self.voice(voiceName, at: list)
                book[keyPath: keyPath][voice, default: []] += try list.sequence().map(parseTemplate)
            }
        }
        if let slots = fields.optional("slots") {
            for (slot, values) in try slots.pairs() { book.slots[slot, default: []] += try values.strings() }
        }
    }

    /// A voice named by a mapping key; errors point at the key's value.
    private static func voice(_ name: String, at value: YAMLValue) throws -> PostVoice {
        guard let voice = PostVoice(rawValue: name) else {
            throw value.error("unknown voice '\(name)' (expected one of: \(PostVoice.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return voice
    }

    /// A template: plain text, or `{text, theme, photo, not_before}`.
    private static func parseTemplate(_ value: YAMLValue) throws -> PostTemplate {
        if case .scalar = value.node { return PostTemplate(try value.string()) }
        let fields = try value.fields(allowed: ["text", "theme", "photo", "not_before"])
        return PostTemplate(
            try fields.required("text").string(), theme: try fields.optional("theme")?.string(),
            photo: try fields.optional("photo")?.string(), notBefore: try fields.optional("not_before")?.double(in: 0...100_000)
        )
    }
}
