/// One token of a post: where its normalised bytes live in a `TokenBuffer`, what it is, and its flags.
public struct Token: Sendable, Hashable {
    /// Offset of the token's normalised UTF-8 bytes in the buffer.
    public var start: Int32
    /// Number of normalised bytes.
    public var length: Int32
    /// What the token is.
    public var kind: TokenKind
    /// Properties of the token's surface form and context.
    public var flags: TokenFlags
    /// FNV-1a of the normalised bytes, computed once by the buffer so features, lexicon look-ups, negation
    /// and target matching do not hash the same bytes again.
    public var hash: UInt64

    /// Creates a token (the buffer fills in `hash` when the token is appended).
    public init(start: Int32, length: Int32, kind: TokenKind, flags: TokenFlags = [], hash: UInt64 = 0) {
        self.start = start
        self.length = length
        self.kind = kind
        self.flags = flags
        self.hash = hash
    }
}

/// The kinds of token the tokenizer emits.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable {
    case word
    case number
    case hashtag
    case mention
    case url
    case emoji
    case emoticon
    case punctuation
    case symbol
}

/// Flags on a token; stored in one byte so tokens stay small.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    /// The raw flag bits.
    public let rawValue: UInt8
    /// Creates flags from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Inside a negation scope (after not / never / n't, up to the next punctuation).
    public static let negated = TokenFlags(rawValue: 1 << 0)
    /// A letter was repeated three or more times and was shortened to two (sooo → soo).
    public static let elongated = TokenFlags(rawValue: 1 << 1)
    /// Written in capitals (at least two letters, none lower case).
    public static let allCaps = TokenFlags(rawValue: 1 << 2)
    /// A word split out of the preceding hashtag (#PoliceBrutality → police, brutality).
    public static let fromHashtag = TokenFlags(rawValue: 1 << 3)
    /// A punctuation mark repeated (!!! → !!).
    public static let repeated = TokenFlags(rawValue: 1 << 4)
    /// The token names the target (set by `TargetMatcher`).
    public static let target = TokenFlags(rawValue: 1 << 5)
    /// The token continues a target name already reported by an earlier token (set by `TargetMatcher`).
    public static let targetContinuation = TokenFlags(rawValue: 1 << 6)
    /// The token starts a negation scope (not, never, n't ...).
    public static let negator = TokenFlags(rawValue: 1 << 7)
}
