import Testing
@testable import FirebreakLanguage

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    func tokens(_ text: String) -> TokenBuffer {
        var buffer = TokenBuffer()
        tokenizer.tokenize(text, into: &buffer)
        return buffer
    }

    @Test("empty and whitespace-only posts have no tokens")
    func emptyAndWhitespace() {
        #expect(tokens("").count == 0)
        #expect(tokens("   \t\n\u{00A0}\u{3000}\u{200B} ").count == 0)
    }

    @Test("ZWJ sequences, skin tones, flags and keycaps stay one token")
    func emojiSequences() {
        let buffer = tokens("love 👩‍👩‍👧‍👦 and 👍🏽 for 🇺🇸 at 1️⃣ ❤️❤")
        let emoji = buffer.tokens.filter { $0.kind == .emoji }.map { buffer.text(of: $0) }
        #expect(emoji == ["👩‍👩‍👧‍👦", "👍🏽", "🇺🇸", "1⃣", "❤", "❤"])
        #expect(buffer.texts.contains("love"))
    }

    @Test("emoji next to words split from them")
    func emojiGluedToWords() {
        #expect(tokenizer.tokens("great😂😂") == ["great", "😂", "😂"])
    }

    @Test("URLs keep their path and lose trailing punctuation")
    func urls() {
        let buffer = tokens("see https://t.co/AbC123. and (http://en.wikipedia.org/wiki/Foo_(bar)), www.nypd.gov!")
        let urls = buffer.tokens.filter { $0.kind == .url }.map { buffer.text(of: $0) }
        #expect(urls == ["https://t.co/AbC123", "http://en.wikipedia.org/wiki/Foo_(bar)", "www.nypd.gov"])
        #expect(buffer.texts.contains("!"))
    }

    @Test("CamelCase and digit hashtags are split into words")
    func hashtags() {
        #expect(tokenizer.tokens("#PoliceBrutality") == ["#policebrutality", "police", "brutality"])
        #expect(tokenizer.tokens("#NYPDNews") == ["#nypdnews", "nypd", "news"])
        #expect(tokenizer.tokens("#myNYPD") == ["#mynypd", "my", "nypd"])
        #expect(tokenizer.tokens("#Top10Fails") == ["#top10fails", "top", "10", "fails"])
        #expect(tokenizer.tokens("#black_lives_matter") == ["#black_lives_matter", "black", "lives", "matter"])
        let buffer = tokens("#iPhone6")
        #expect(buffer.tokens[0].kind == .hashtag)
        #expect(buffer.tokens.dropFirst().allSatisfy { $0.flags.contains(.fromHashtag) })
        #expect(buffer.tokens.last?.kind == .number)
    }

    @Test("a # inside a word or before punctuation is not a hashtag")
    func notHashtags() {
        #expect(!tokens("C# is fun").tokens.contains { $0.kind == .hashtag })
        #expect(!tokens("# nope").tokens.contains { $0.kind == .hashtag })
    }

    @Test("mentions are lower-cased; e-mail addresses are not mentions")
    func mentions() {
        let buffer = tokens("@NYPDnews thanks, and @alice@mastodon.social. mail me at bob@example.com")
        let mentions = buffer.tokens.filter { $0.kind == .mention }.map { buffer.text(of: $0) }
        #expect(mentions == ["@nypdnews", "@alice@mastodon.social"])
    }

    @Test("negation scope runs from the negator to the next punctuation")
    func negationScope() {
        let buffer = tokens("I don't like the cops here, they are nice. Never again")
        let negated = buffer.tokens.filter { $0.flags.contains(.negated) }.map { buffer.text(of: $0) }
        #expect(negated == ["like", "the", "cops", "here", "again"])
        let negators = buffer.tokens.filter { $0.flags.contains(.negator) }.map { buffer.text(of: $0) }
        #expect(negators == ["don't", "never"])
    }

    @Test("elongations are shortened to two letters and flagged; all caps flagged")
    func elongationAndCaps() {
        let buffer = tokens("sooooo GOOOOD lol")
        #expect(buffer.texts == ["soo", "good", "lol"])
        #expect(buffer.tokens[0].flags.contains(.elongated))
        #expect(buffer.tokens[1].flags.contains(.allCaps))
        #expect(buffer.tokens[1].flags.contains(.elongated))
        #expect(!buffer.tokens[2].flags.contains(.allCaps))
    }

    @Test("repeated punctuation is one token kept to two marks")
    func repeatedPunctuation() {
        let buffer = tokens("what?!?! no!!!")
        #expect(buffer.texts == ["what", "?!", "no", "!!"])
        #expect(buffer.tokens[1].flags.contains(.repeated))
    }

    @Test("emoticons, but not times or words")
    func emoticons() {
        #expect(tokenizer.tokens("nice :) :-( &lt;3 xD") == ["nice", ":)", ":-(", "<3", "xD"])
        #expect(!tokens("at 10:30 pm").tokens.contains { $0.kind == .emoticon })
        #expect(!tokens("xDDD").tokens.contains { $0.kind == .emoticon })
    }

    @Test("numbers keep separators and are their own kind")
    func numbers() {
        let buffer = tokens("70,000 people in 3.5 hours")
        #expect(buffer.tokens[0].kind == .number)
        #expect(buffer.text(of: buffer.tokens[0]) == "70,000")
        #expect(buffer.text(of: buffer.tokens[3]) == "3.5")
    }

    @Test("mixed scripts: case folding beyond ASCII, CJK split from Latin, combining marks kept")
    func mixedScripts() {
        #expect(tokenizer.tokens("ПОЛИЦИЯ Ελλάδα") == ["полиция", "ελλάδα"])
        #expect(tokenizer.tokens("NYPD警察いい") == ["nypd", "警察いい"])
        #expect(tokenizer.tokens("e\u{301}te\u{301} café") == ["e\u{301}te\u{301}", "café"])
        #expect(tokenizer.tokens("مرحبا بالشرطة") == ["مرحبا", "بالشرطة"])
    }

    @Test("HTML entities as archives escape them")
    func entities() {
        #expect(tokenizer.tokens("cops &amp; robbers") == ["cops", "&", "robbers"])
    }

    @Test("reusing a buffer does not reallocate its storage for a post of similar size")
    func bufferReuse() {
        var buffer = TokenBuffer()
        tokenizer.tokenize(String(repeating: "word #Tag @user 😂 ", count: 10), into: &buffer)
        let bytes = buffer.bytes.capacity
        let tokens = buffer.tokens.capacity
        for _ in 0..<100 { tokenizer.tokenize(String(repeating: "other #Tags @user 😡 ", count: 10), into: &buffer) }
        #expect(buffer.bytes.capacity == bytes)
        #expect(buffer.tokens.capacity == tokens)
    }
}
