import Firebreak
import Foundation

/// Plays a scenario minute by minute: draws how many posts each minute holds, then writes them one by one.
public struct StoryIterator: IteratorProtocol, Sendable {
    private struct Event: Sendable {
        var millis: Int64
        var scripted: Int?
        /// The index of the burst occurrence the post belongs to.
        var burst: Int? = nil
    }

    /// One repetition of a coordinated burst.
    private struct BurstOccurrence: Sendable {
        var burst: Int
        var minute: Double
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
    private let burstOccurrences: [BurstOccurrence]
    private var burstCursor = 0
    /// Planned burst posts not yet due: a burst can spill over into the next minute.
    private var burstBacklog: [Event] = []
    /// The text each burst occurrence repeats, written at its first post.
    private var burstTexts: [Int: ComposedText] = [:]

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
        burstOccurrences = scenario.bursts.enumerated()
            .flatMap { index, burst in burst.startMinutes.map { BurstOccurrence(burst: index, minute: $0) } }
            .sorted { ($0.minute, $0.burst) < ($1.minute, $1.burst) }
    }

    /// The next post in time order, or nil when the scenario is over.
    public mutating func next() -> DrillPost? {
        while pendingIndex >= pending.count {
            guard minute < totalMinutes || !burstBacklog.isEmpty else { return nil }
            planMinute()
            minute += 1
        }
        let event = pending[pendingIndex]
        pendingIndex += 1
        if let index = event.scripted {
            return makeScripted(scripted[index], millis: event.millis)
        }
        if let occurrence = event.burst {
            return makeBurst(occurrence: occurrence, millis: event.millis)
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
        planBursts(minuteStart: minuteStart)
        // Scripted posts go first on a tie, so the story's anchors precede the crowd.
        pending.sort { ($0.millis, $0.scripted == nil ? 1 : 0) < ($1.millis, $1.scripted == nil ? 1 : 0) }
    }

    /// Schedules the bursts that start in this minute and moves the burst posts due in it into `pending`.
    ///
    /// Scenarios without bursts draw nothing here, so their streams are unchanged by the feature.
    private mutating func planBursts(minuteStart: Int64) {
        while burstCursor < burstOccurrences.count, burstOccurrences[burstCursor].minute < Double(minute + 1) {
            let occurrence = burstOccurrences[burstCursor]
            let burst = scenario.bursts[occurrence.burst]
            let begin = startMillis + Int64((occurrence.minute * 60_000).rounded())
            let span = max(1, Int(burst.withinSeconds * 1000))
            let count = max(0, Int((Double(burst.posts) * scale).rounded()))
            for _ in 0..<count {
                burstBacklog.append(Event(millis: begin + Int64(rng.below(span)), scripted: nil, burst: burstCursor))
            }
            burstCursor += 1
        }
        guard !burstBacklog.isEmpty else { return }
        let minuteEnd = minuteStart + 60_000
        pending += burstBacklog.filter { $0.millis < minuteEnd }
        burstBacklog.removeAll { $0.millis < minuteEnd }
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
        return repost(of: target, author: author, millis: millis, phase: phase)
    }

    private mutating func repost(of target: CascadePool.Candidate, author: Author, millis: Int64, phase: Int) -> DrillPost {
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

    // MARK: Coordinated bursts

    private mutating func makeBurst(occurrence index: Int, millis: Int64) -> DrillPost {
        let occurrence = burstOccurrences[index]
        let burst = scenario.bursts[occurrence.burst]
        let now = Self.date(millis)
        let minuteF = Double(millis - startMillis) / 60_000
        let phaseIndex = scenario.phase(atMinute: minuteF)?.index ?? max(0, scenario.phases.count - 1)
        let author = accounts.newcomer(role: burst.role, now: now, freshShare: burst.freshAccountShare, rng: &rng)
        if let label = burst.repostOf, let target = scriptedByLabel[label] {
            return repost(of: target, author: author, millis: millis, phase: phaseIndex)
        }
        let base: ComposedText
        if let written = burstTexts[index] {
            base = written
        } else {
            let template = burst.texts.isEmpty ? "{tag}" : rng.pick(burst.texts)
            base = composer.compose(template, voice: burst.voice, forceHashtag: true, decorate: false, rng: &rng)
            burstTexts[index] = base
        }
        var text = base.text
        if rng.chance(burst.variation) { text = vary(text) }
        let id = String(clock.id(atMillis: millis, rng: &rng))
        let post = Post(
            platform: .x, nativeID: id, author: author, createdAt: now, text: text, language: "en",
            hashtags: TextComposer.hashtags(in: text), mentions: TextComposer.mentions(in: text), links: base.links,
            metrics: PublicMetrics(reposts: 0, replies: 0, likes: rng.below(2), quotes: 0)
        )
        return DrillPost(
            post: post, voice: burst.voice, theme: burst.theme, phase: phaseIndex, conversationID: id,
            mentionedAuthors: knownAuthors(post.mentions, extra: nil)
        )
    }

    /// A near-copy: the small edits copy-paste campaigns make to slip past exact-duplicate filters.
    private mutating func vary(_ text: String) -> String {
        switch rng.below(4) {
        case 0:
            let tails = scenario.phrases.emojiTails.values.flatMap { $0 }.sorted()
            return tails.isEmpty ? text + "!" : text + " " + rng.pick(tails)
        case 1: return text + " " + rng.pick(Self.burstWords)
        case 2: return text + String(repeating: "!", count: 1 + rng.below(3))
        default: return rng.pick(Self.burstWords).capitalized + ". " + text
        }
    }

    private static let burstWords = ["RT", "wake up", "share this", "pass it on", "spread the word", "retweet", "look", "again"]

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
