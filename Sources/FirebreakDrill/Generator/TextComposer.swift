import Foundation

/// Fills a phrase book's templates into tweet-like text and reads back the hashtags, mentions and links.
struct TextComposer: Sendable {
    let book: PhraseBook
    let ownerHandle: String
    private let spellings: [String]
    private let spellingWeights: [Double]

    init(book: PhraseBook, ownerHandle: String) {
        self.book = book
        self.ownerHandle = ownerHandle
        // Sorted so the draw cannot depend on dictionary order.
        let pairs = book.hashtagSpellings.sorted { $0.key < $1.key }
        spellings = pairs.map(\.key)
        spellingWeights = pairs.map(\.value)
    }

    /// Fills `template`; `replyTo` goes in front as a mention; `ally` fills `{ally}`.
    func compose(
        _ template: String, voice: PostVoice, replyTo: String? = nil, ally: String? = nil, forceHashtag: Bool,
        decorate: Bool, rng: inout SplitMix64
    ) -> ComposedText {
        var text = fillOrdinarySlots(template, rng: &rng, depth: 0)
        if decorate, rng.chance(book.shoutingShare[voice] ?? 0) {
            text = shout(text)
        }
        var links: [String] = []
        text = fillSpecialSlots(text, ally: ally, links: &links, rng: &rng)
        if let replyTo {
            text = "@\(replyTo) " + text
        }
        if forceHashtag, !carriesCampaignTag(text) {
            text += " " + hashtagSpelling(rng: &rng)
        }
        if decorate, let tails = book.emojiTails[voice], !tails.isEmpty, rng.chance(0.22) {
            text += " " + rng.pick(tails)
        }
        return ComposedText(text: text, hashtags: Self.hashtags(in: text), mentions: Self.mentions(in: text), links: links)
    }

    /// One spelling of the campaign hashtag, drawn by weight.
    func hashtagSpelling(rng: inout SplitMix64) -> String {
        guard let index = rng.weightedIndex(spellingWeights) else { return "#\(ownerHandle)" }
        return spellings[index]
    }

    /// Whether the text already carries one of the campaign hashtag's spellings.
    func carriesCampaignTag(_ text: String) -> Bool {
        let tags = Self.hashtags(in: text).map { $0.lowercased() }
        return spellings.contains { tags.contains($0.lowercased()) }
    }

    // MARK: Slots

    /// Fills ordinary slots only (for alt texts and other plain strings).
    func fillSlots(_ text: String, rng: inout SplitMix64) -> String {
        fillOrdinarySlots(text, rng: &rng, depth: 0)
    }

    private func fillOrdinarySlots(_ template: String, rng: inout SplitMix64, depth: Int) -> String {
        guard template.contains("{") else { return template }
        var output = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if Self.specialSlots.contains(name) {
                output += rest[open...close]
            } else if let values = book.slots[name], !values.isEmpty, depth < 4 {
                output += fillOrdinarySlots(rng.pick(values), rng: &rng, depth: depth + 1)
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }

    private func fillSpecialSlots(_ text: String, ally: String?, links: inout [String], rng: inout SplitMix64) -> String {
        guard text.contains("{") else { return text }
        var output = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            switch rest[rest.index(after: open)..<close].lowercased() {
            case "tag": output += hashtagSpelling(rng: &rng)
            case "owner": output += "@\(ownerHandle)"
            case "ally": output += "@\(ally ?? ownerHandle)"
            case "link":
                let targets = book.slots["link"] ?? []
                if !targets.isEmpty {
                    links.append(rng.pick(targets))
                    output += Self.shortLink(rng: &rng)
                }
            default: break
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        // Templates put a placeholder before punctuation; an empty fill must not leave a double space.
        while output.contains("  ") { output = output.replacingOccurrences(of: "  ", with: " ") }
        return output.trimmingCharacters(in: .whitespaces)
    }

    /// Capitals outside `{placeholders}`, so the special slots still resolve.
    private func shout(_ text: String) -> String {
        var output = ""
        var inside = false
        for character in text {
            if character == "{" { inside = true }
            output.append(inside ? String(character) : character.uppercased())
            if character == "}" { inside = false }
        }
        return output
    }

    private static let specialSlots: Set<String> = ["tag", "owner", "ally", "link"]
    private static let linkAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// A t.co link as Twitter wrote them in 2014: `http://t.co/` and ten characters.
    static func shortLink(rng: inout SplitMix64) -> String {
        var link = "http://t.co/"
        for _ in 0..<10 { link.append(rng.pick(linkAlphabet)) }
        return link
    }

    // MARK: Entities

    /// Hashtags with `#`, in order: `#` after a non-word character, then word characters including a letter.
    static func hashtags(in text: String) -> [String] {
        tokens(in: text, sigil: "#").filter { $0.dropFirst().contains { $0.isLetter } }
    }

    /// Mentioned handles without `@`, in order.
    static func mentions(in text: String) -> [String] {
        tokens(in: text, sigil: "@").map { String($0.dropFirst()) }
    }

    private static func tokens(in text: String, sigil: Character) -> [String] {
        var found: [String] = []
        var previous: Character? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == sigil, previous.map({ !isWordCharacter($0) && $0 != "/" }) ?? true {
                var end = text.index(after: index)
                while end < text.endIndex, isWordCharacter(text[end]) { end = text.index(after: end) }
                if end > text.index(after: index) {
                    found.append(String(text[index..<end]))
                    previous = text[text.index(before: end)]
                    index = end
                    continue
                }
            }
            previous = character
            index = text.index(after: index)
        }
        return found
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
    }
}
