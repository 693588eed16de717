import Firebreak
import Foundation

/// Plays a scenario minute by minute: draws how many posts each minute holds, then writes them one by one.
public struct StoryIterator: IteratorProtocol, Sendable {
    private struct Event: Sendable {
        var millis: Int64
        var scripted: Int?
    }

    private let scenario: Scenario
    private let scale: Double
    private var rng: SplitMix64
    private let composer: TextComposer
    private var accounts: AccountFactory
    private var pool = CascadePool()
    private var clock = SnowflakeClock()
    private let startMillis: Int64
    private let totalMinutes: Int
    private let scripted: [ScriptedPost]
    private var scriptedCursor = 0
    private var scriptedByLabel: [String: CascadePool.Candidate] = [:]
    private var root: CascadePool.Candidate?
    private var minute = 0
    private var pending: [Event] = []
    private var pendingIndex = 0
    /// The mix of the current minute: it moves slowly, and blending per post would dominate large runs.
    private var mixCache: (minute: Int, phase: Int, mix: PostMix)?

    init(scenario: Scenario, seed: UInt64, scale: Double) {
        self.scenario = scenario
        self.scale = scale
        rng = SplitMix64(seed: seed)
        let owner =
            scenario.roster.named.first { $0.role == .owner }?.handle
            ?? String(scenario.campaign.owners.first?.dropFirst() ?? "owner")
        composer = TextComposer(book: scenario.phrases, ownerHandle: owner)
        accounts = AccountFactory(roster: scenario.roster, populations: scenario.populations)
        startMillis = Int64((scenario.start.timeIntervalSince1970 * 1000).rounded())
        totalMinutes = Int(scenario.minutes.rounded(.up))
        scripted = scenario.scripted.enumerated().sorted { ($0.element.minute, $0.offset) < ($1.element.minute, $1.offset) }
            .map(\.element)
    }

    /// The next post in time order, or nil when the scenario is over.
    public mutating func next() -> DrillPost? {
        while pendingIndex >= pending.count {
            guard minute < totalMinutes else { return nil }
            planMinute()
            minute += 1
        }
        let event = pending[pendingIndex]
        pendingIndex += 1
        if let index = event.scripted {
            return makeScripted(scripted[index], millis: event.millis)
        }
        return makeOrganic(millis: event.millis)
    }

    // MARK: Planning

    private mutating func planMinute() {
        pending.removeAll(keepingCapacity: true)
        pendingIndex = 0
        let minuteStart = startMillis + Int64(minute) * 60_000
        if let (index, inPhase) = scenario.phase(atMinute: Double(minute)) {
            let phase = scenario.phases[index]
            let upper = min(inPhase + 1, phase.minutes)
            let mean = phase.rate.expectedPosts(fromMinute: inPhase, toMinute: upper) * scale
            let count = rng.poisson(mean: mean)
            let span = Int((upper - inPhase) * 60_000)
            for _ in 0..<count {
                pending.append(Event(millis: minuteStart + Int64(rng.below(max(1, span))), scripted: nil))
            }
        }
        while scriptedCursor < scripted.count, scripted[scriptedCursor].minute < Double(minute + 1) {
            let millis = startMillis + Int64((scripted[scriptedCursor].minute * 60_000).rounded())
            pending.append(Event(millis: millis, scripted: scriptedCursor))
            scriptedCursor += 1
        }
        // Scripted posts go first on a tie, so the story's anchors precede the crowd.
        pending.sort { ($0.millis, $0.scripted == nil ? 1 : 0) < ($1.millis, $1.scripted == nil ? 1 : 0) }
    }

    // MARK: Scripted posts

    private mutating func makeScripted(_ script: ScriptedPost, millis: Int64) -> DrillPost {
        let now = Self.date(millis)
        let phaseIndex = scenario.phase(atMinute: script.minute)?.index ?? 0
        let author =
            accounts.namedAuthor(handle: script.handle)
            ?? accounts.author(role: .member, atMinute: script.minute, now: now, rng: &rng)
        let target = script.replyTo.flatMap { scriptedByLabel[$0] }
        let template = script.text.replacingOccurrences(of: "{reply_to}", with: target?.post.author.handle ?? "")
        let composed = composer.compose(
            template, voice: script.voice, forceHashtag: false, decorate: false, rng: &rng
        )
        let id = String(clock.id(atMillis: millis, rng: &rng))
        let media = script.photoAltText.map { [photo(altText: $0, millis: millis)] } ?? []
        let popularity = script.popularity > 0 ? script.popularity : organicPopularity(author: author, hasMedia: !media.isEmpty)
        var post = Post(
            platform: .x, nativeID: id, kind: target == nil ? .original : .reply, author: author, createdAt: now,
            text: composed.text, language: "en", hashtags: composed.hashtags, mentions: composed.mentions,
            links: composed.links, media: media, repliedToID: target?.post.nativeID
        )
        post.metrics = metrics(popularity: popularity)
        let candidate = CascadePool.Candidate(
            post: post, voice: script.voice, theme: script.theme, popularity: popularity,
            conversationID: target?.conversationID ?? id
        )
        scriptedByLabel[script.label] = candidate
        if target == nil {
            pool.add(candidate, pinned: script.popularity > 0)
            if root == nil, scenario.campaign.isOwner(handle: author.handle) { root = candidate }
        }
        return DrillPost(
            post: post, voice: script.voice, theme: script.theme, phase: phaseIndex,
            conversationID: candidate.conversationID, inReplyTo: target?.post.author,
            mentionedAuthors: knownAuthors(composed.mentions, extra: target?.post.author), scriptLabel: script.label
        )
    }

    // MARK: The crowd

    private mutating func makeOrganic(millis: Int64) -> DrillPost {
        let now = Self.date(millis)
        let minuteF = Double(millis - startMillis) / 60_000
        let (phaseIndex, mix) = currentMix(atMinute: minuteF)
        let voice = drawVoice(mix)
        let role = drawRole(voice)
        let author = accounts.author(role: role, atMinute: minuteF, now: now, rng: &rng)
        let roll = rng.unit()
        var drill: DrillPost?
        if roll < mix.repostShare {
            drill = makeRepost(voice: voice, author: author, millis: millis, phase: phaseIndex)
        } else if roll < mix.repostShare + mix.replyShare {
            drill = makeReply(voice: voice, author: author, millis: millis, phase: phaseIndex)
        } else if roll < mix.repostShare + mix.replyShare + mix.quoteShare {
            drill = makeQuote(voice: voice, author: author, millis: millis, phase: phaseIndex)
        }
        return drill ?? makeOriginal(voice: voice, author: author, role: role, millis: millis, phase: phaseIndex)
    }

    private mutating func makeOriginal(
        voice: PostVoice, author: Author, role: AuthorRole, millis: Int64, phase: Int
    ) -> DrillPost {
        let templates = Self.current(scenario.phrases.originals[voice] ?? [], atMillis: millis - startMillis)
        let template = templates.isEmpty ? PostTemplate("{tag}") : rng.pick(templates)
        let ally =
            voice.stance == .critical
            ? accounts.namedHandle(role: .activist, atMinute: Double(millis - startMillis) / 60_000, rng: &rng) : nil
        let composed = composer.compose(template.text, voice: voice, ally: ally, forceHashtag: true, decorate: true, rng: &rng)
        let id = String(clock.id(atMillis: millis, rng: &rng))
        var media: [Media] = []
        if let alt = template.photo {
            media.append(photo(altText: rng.chance(0.4) ? composer.fillSlots(alt, rng: &rng) : nil, millis: millis))
        }
        let popularity = organicPopularity(author: author, hasMedia: !media.isEmpty)
        let post = Post(
            platform: .x, nativeID: id, author: author, createdAt: Self.date(millis), text: composed.text, language: "en",
            hashtags: composed.hashtags, mentions: composed.mentions, links: composed.links, media: media,
            metrics: metrics(popularity: popularity)
        )
        pool.add(
            CascadePool.Candidate(post: post, voice: voice, theme: template.theme, popularity: popularity, conversationID: id),
            pinned: false
        )
        return DrillPost(
            post: post, voice: voice, theme: template.theme, phase: phase, conversationID: id,
            mentionedAuthors: knownAuthors(composed.mentions, extra: nil)
        )
    }

    private mutating func makeRepost(voice: PostVoice, author: Author, millis: Int64, phase: Int) -> DrillPost? {
        guard let target = pool.pick(voice.stance, excludingAuthor: author.id, rng: &rng) else { return nil }
        let original = target.post
        let id = String(clock.id(atMillis: millis, rng: &rng))
        // The model keeps the reposted text as the repost's text; the encoder writes the `RT @handle:` form.
        let post = Post(
            platform: .x, nativeID: id, kind: .repost, author: author, createdAt: Self.date(millis), text: original.text,
            language: original.language, hashtags: original.hashtags, mentions: original.mentions, links: original.links,
            repostedID: original.nativeID, carried: [original],
            metrics: PublicMetrics(reposts: original.metrics?.reposts ?? 0, replies: 0, likes: 0, quotes: 0)
        )
        return DrillPost(
            post: post, voice: target.voice, theme: target.theme, phase: phase, conversationID: id,
            mentionedAuthors: knownAuthors(original.mentions, extra: original.author)
        )
    }

    private mutating func makeReply(voice: PostVoice, author: Author, millis: Int64, phase: Int) -> DrillPost? {
        // Critics answer the owner (their replies are written to the department); the others answer the crowd.
        let toRoot: Double
        let side: Stance
        switch voice.stance {
        case .critical: (toRoot, side) = (1, .critical)
        case .supportive: (toRoot, side) = (0.25, .supportive)
        case .neutral: (toRoot, side) = (0.3, .critical)
        }
        var target = rng.chance(toRoot) ? root : nil
        if target == nil || target?.post.author.id == author.id {
            target = voice.stance == .critical ? nil : pool.pick(side, excludingAuthor: author.id, rng: &rng)
        }
        let templates = Self.current(scenario.phrases.replies[voice] ?? [], atMillis: millis - startMillis)
        guard let target, !templates.isEmpty else { return nil }
        let template = rng.pick(templates)
        let composed = composer.compose(
            template.text, voice: voice, replyTo: target.post.author.handle,
            forceHashtag: rng.chance(scenario.phrases.replyHashtagShare), decorate: true, rng: &rng
        )
        let id = String(clock.id(atMillis: millis, rng: &rng))
        var media: [Media] = []
        if template.photo != nil { media.append(photo(altText: nil, millis: millis)) }
        let popularity = organicPopularity(author: author, hasMedia: !media.isEmpty)
        let post = Post(
            platform: .x, nativeID: id, kind: .reply, author: author, createdAt: Self.date(millis), text: composed.text,
            language: "en", hashtags: composed.hashtags, mentions: composed.mentions, links: composed.links, media: media,
            repliedToID: target.post.nativeID, metrics: metrics(popularity: popularity / 3)
        )
        return DrillPost(
            post: post, voice: voice, theme: template.theme, phase: phase, conversationID: target.conversationID,
            inReplyTo: target.post.author, mentionedAuthors: knownAuthors(composed.mentions, extra: target.post.author)
        )
    }

    private mutating func makeQuote(voice: PostVoice, author: Author, millis: Int64, phase: Int) -> DrillPost? {
        var target = rng.chance(0.35) ? root : nil
        if target == nil || target?.post.author.id == author.id {
            target = pool.pick(voice.stance, excludingAuthor: author.id, rng: &rng)
        }
        let templates = Self.current(scenario.phrases.quotes[voice] ?? [], atMillis: millis - startMillis)
        guard let target, !templates.isEmpty else { return nil }
        let template = rng.pick(templates)
        let composed = composer.compose(template.text, voice: voice, forceHashtag: true, decorate: true, rng: &rng)
        let id = String(clock.id(atMillis: millis, rng: &rng))
        let popularity = organicPopularity(author: author, hasMedia: false)
        let post = Post(
            platform: .x, nativeID: id, kind: .quote, author: author, createdAt: Self.date(millis), text: composed.text,
            language: "en", hashtags: composed.hashtags, mentions: composed.mentions, links: composed.links,
            quotedID: target.post.nativeID, carried: [target.post], metrics: metrics(popularity: popularity)
        )
        return DrillPost(
            post: post, voice: voice, theme: target.theme ?? template.theme, phase: phase, conversationID: id,
            mentionedAuthors: knownAuthors(composed.mentions, extra: nil)
        )
    }

    // MARK: Draws

    private mutating func currentMix(atMinute minute: Double) -> (phase: Int, mix: PostMix) {
        let whole = Int(minute)
        if let cached = mixCache, cached.minute == whole { return (cached.phase, cached.mix) }
        let (phase, inPhase) = scenario.phase(atMinute: Double(whole) + 0.5) ?? (scenario.phases.count - 1, 0)
        let mix = scenario.phases[phase].mix(atMinute: inPhase)
        mixCache = (whole, phase, mix)
        return (phase, mix)
    }

    /// The templates that make sense at this point of the story.
    private static func current(_ templates: [PostTemplate], atMillis elapsed: Int64) -> [PostTemplate] {
        let minute = Double(elapsed) / 60_000
        return templates.filter { ($0.notBefore ?? 0) <= minute }
    }

    private mutating func drawVoice(_ mix: PostMix) -> PostVoice {
        let voices = PostVoice.allCases
        let index = rng.weightedIndex(voices.map { mix.weight(of: $0) }) ?? 0
        return voices[index]
    }

    private mutating func drawRole(_ voice: PostVoice) -> AuthorRole {
        let roles = AuthorRole.allCases
        let weights = scenario.casting[voice] ?? [:]
        guard let index = rng.weightedIndex(roles.map { weights[$0] ?? 0 }) else { return .member }
        return roles[index]
    }

    /// How strongly an original attracts reposts: heavy-tailed, more for big accounts and photos.
    private mutating func organicPopularity(author: Author, hasMedia: Bool) -> Double {
        let reach = 1 + log10(1 + Double(author.followers ?? 0)) / 2
        return rng.pareto(scale: 1, shape: 1.5) * reach * (hasMedia ? 1.6 : 1)
    }

    /// Engagement at collection time, in line with the popularity that drives reposts in the stream.
    private mutating func metrics(popularity: Double) -> PublicMetrics {
        let reposts = max(0, Int((popularity - 1.5) * 2.5))
        return PublicMetrics(
            reposts: reposts, replies: Int(Double(reposts) * 0.12 * rng.unit()) + (rng.chance(0.25) ? 1 : 0),
            likes: Int(Double(reposts) * (0.4 + rng.unit())) + rng.below(3), quotes: Int(Double(reposts) * 0.02)
        )
    }

    private mutating func photo(altText: String?, millis: Int64) -> Media {
        let mediaID = clock.id(atMillis: millis, rng: &rng)
        var name = ""
        for _ in 0..<15 { name.append(rng.pick(Self.mediaAlphabet)) }
        return Media(kind: .photo, url: "https://pbs.twimg.com/media/\(name).jpg", altText: altText, key: "3_\(mediaID)")
    }

    private static let mediaAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    private func knownAuthors(_ handles: [String], extra: Author?) -> [Author] {
        var found: [Author] = []
        if let extra { found.append(extra) }
        for handle in handles where !found.contains(where: { $0.handle.caseInsensitiveCompare(handle) == .orderedSame }) {
            if let author = accounts.namedAuthor(handle: handle) { found.append(author) }
        }
        return found
    }

    private static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}
