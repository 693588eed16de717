/// Splits social posts into normalised tokens: links, @mentions, #hashtags (and the words inside them),
/// emoji (ZWJ sequences, flags and skin tones kept whole), emoticons, words (lower-cased, elongations
/// shortened), numbers and punctuation, with negation scope marked.
///
/// The tokenizer works on the UTF-8 bytes of the text and writes into a caller-owned `TokenBuffer`;
/// once the buffer has grown to the size of a typical post it does not allocate.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Tokenizes `text` into `buffer`, replacing what the buffer held.
    public func tokenize(_ text: String, into buffer: inout TokenBuffer) {
        buffer.removeAll()
        var text = text
        text.withUTF8 { utf8 in
            // Normalised bytes are written through a raw pointer into storage sized for the worst case
            // (lower-casing can turn a two-byte letter into a three-byte one; nothing else grows), then
            // trimmed: appending byte by byte costs a uniqueness and capacity check per byte.
            var bytes = buffer.bytes
            buffer.bytes = []
            let bound = utf8.count * 2 + 8
            bytes.append(contentsOf: repeatElement(0, count: bound))
            let written = bytes.withUnsafeMutableBufferPointer { out in
                var scanner = PostScanner(input: utf8, out: out.baseAddress!, negatorHashes: Self.negatorHashes)
                scanner.run(into: &buffer)
                return scanner.written
            }
            bytes.removeLast(bound - written)
            buffer.bytes = bytes
        }
    }

    /// Stable hashes of the negators, compared as integers so the word loop touches no nested arrays.
    static let negatorHashes: [UInt64] = negators.map { bytes in
        bytes.withUnsafeBufferPointer { StableHash.fnv1a($0, namespace: 0) }
    }

    /// The normalised token texts of `text` (allocates; for tests and tools).
    public func tokens(_ text: String) -> [String] {
        var buffer = TokenBuffer()
        tokenize(text, into: &buffer)
        return buffer.texts
    }

    /// Words that open a negation scope, besides any word ending in n't.
    static let negators: [[UInt8]] = [
        "not", "no", "never", "cannot", "nobody", "nothing", "nowhere", "neither", "nor", "none", "without",
        "dont", "cant", "wont", "didnt", "isnt", "arent", "wasnt", "werent", "doesnt", "couldnt", "shouldnt",
        "wouldnt", "aint", "hasnt", "havent", "hadnt",
    ].map { Array($0.utf8) }

    /// Emoticons, longest first so `:-)` wins over `:-`; `&lt;3` is how `<3` arrives in many archives.
    static let emoticons: [(surface: [UInt8], normal: [UInt8])] = {
        let list = [
            ">:(", ">:)", ":'-(", ":-)", ":-(", ":-D", ";-)", ":-P", ":-p", ":'(", ":')", ":-/", ":-|", ":-O",
            ":-o", ":-*", "^_^", "-_-", "o_O", "O_o", "</3", ":)", ":(", ":D", ";)", ";D", ":P", ":p", ":/", ":|",
            ":o", ":O", "=)", "=(", "=D", "<3", "xD", "XD", ":*", ":]", ":[", ":3", "^^",
        ]
        var pairs = list.map { (surface: Array($0.utf8), normal: Array($0.utf8)) }
        pairs.append((Array("&lt;3".utf8), Array("<3".utf8)))
        pairs.append((Array("&lt;/3".utf8), Array("</3".utf8)))
        return pairs.sorted { $0.surface.count > $1.surface.count }
    }()
}
