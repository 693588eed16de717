import Foundation
import Testing

@testable import FirebreakFormats

/// The fast tape parser checked against Foundation's `JSONSerialization` on the same bytes.
@Suite("JSON tape parser")
struct JSONDocumentTests {
    /// A parser-independent form of a JSON value, so the two parsers' results can be compared.
    indirect enum Canon: Equatable, CustomStringConvertible {
        case object([String: Canon])
        case array([Canon])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null

        var description: String {
            switch self {
            case .object(let members): "{" + members.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription):\($0.value)" }.joined(separator: ",") + "}"
            case .array(let elements): "[" + elements.map(\.description).joined(separator: ",") + "]"
            case .string(let s): s.debugDescription
            case .number(let n): "\(n)"
            case .bool(let b): "\(b)"
            case .null: "null"
            }
        }

        init(_ value: JSONValue) {
            switch value.kind {
            case .object:
                var members: [String: Canon] = [:]
                for key in value.keys { members[key] = value[key].map(Canon.init) }
                self = .object(members)
            case .array: self = .array(value.array.map(Canon.init))
            case .string: self = .string(value.string!)
            case .number: self = .number(value.double!)
            case .true: self = .bool(true)
            case .false: self = .bool(false)
            case .null: self = .null
            }
        }

        init(foundation any: Any) {
            switch any {
            case let members as [String: Any]: self = .object(members.mapValues(Canon.init(foundation:)))
            case let elements as [Any]: self = .array(elements.map(Canon.init(foundation:)))
            case let s as String: self = .string(s)
            case is NSNull: self = .null
            case let n as NSNumber:
                // JSON booleans come back as NSNumbers of Objective-C type `c`; JSON numbers never do.
                self = String(cString: n.objCType) == "c" ? .bool(n.boolValue) : .number(n.doubleValue)
            default:
                Issue.record("unexpected Foundation value \(type(of: any))")
                self = .null
            }
        }
    }

    func ours(_ bytes: [UInt8]) throws -> Canon { Canon(try JSONDocument(parsing: bytes).root) }

    func foundation(_ bytes: [UInt8]) throws -> Canon {
        Canon(foundation: try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
    }

    func oursRejects(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try JSONDocument(parsing: bytes)
            return false
        } catch {
            return true
        }
    }

    func foundationRejects(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) == nil
    }

    static let valid: [String] = [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e","f":{"g":[1,[2,[3,[]]]]}}}"#,
        "{}", "[]", "[{}]", #"{"a":{}}"#, "[[],[[]],{}]", #"  { "spaced" : [ 1 , 2 ] }  "#, "\n\t[\r\n1\n]\n",
        #""plain""#, #""""#, "0", "-0", "1", "-1", "1.5", "-1.5e10", "1E-5", "2.5e+3", "123456789012345678",
        "1e308", "0.000001", "true", "false", "null",
        #""\"\\\/\b\f\n\r\t""#, #""caf\u00e9 caf\u00C9""#, #""\ud83d\ude00 grin""#, #""\u0000 nul""#,
        #""日本語 and raw emoji 😀 and é""#, #"{"k\u00e9y":"v","😀":"emoji key"}"#, "\"\u{7F} DEL is not a control\"",
        #"[1,-2,3.25,-4e-2,"five",{"six":6}]"#,
    ]

    @Test(arguments: valid)
    func validDocumentsMatchFoundation(_ text: String) throws {
        let bytes = Array(text.utf8)
        #expect(try ours(bytes) == (try foundation(bytes)), "\(text)")
    }

    @Test func surrogatePairsAndEscapesDecode() throws {
        let document = try JSONDocument(parsing: Array(#"["\ud83d\ude00","\u00e9","a\nb","\/"]"#.utf8))
        #expect(document.root.array.map(\.string) == ["😀", "é", "a\nb", "/"])
    }

    @Test func loneSurrogateEscapesBecomeReplacementCharacters() throws {
        // RFC 8259's grammar allows them; Foundation rejects them. A post with one is kept, not lost.
        let document = try JSONDocument(parsing: Array(#"["\ud800","x\udc00y","\ud83d\u0041"]"#.utf8))
        #expect(document.root.array.map(\.string) == ["\u{FFFD}", "x\u{FFFD}y", "\u{FFFD}A"])
        #expect(foundationRejects(Array(#""\ud800""#.utf8)))
    }

    @Test func numbersAndIDs() throws {
        let root = try JSONDocument(parsing: Array(#"[12.0,1e3,-7,9223372036854775807,9223372036854775808,"458650000000000001",1.5]"#.utf8)).root
        let values = root.array
        #expect(values.map(\.int) == [12, 1000, -7, Int.max, nil, 458_650_000_000_000_001, nil])
        #expect(values[0].idString == "12.0")
        #expect(values[5].idString == "458650000000000001")
        #expect(values[6].double == 1.5)
    }

    @Test func aSliceIsReadFromItsOwnStart() throws {
        // Records are framed as slices of the read buffer: the tape counts from the slice's start.
        let buffer = Array(#"99,"junk"{"n":-42,"x":1.5,"s":"caf\u00e9","id":"458650000000000001"}77"#.utf8)
        let start = buffer.firstIndex(of: UInt8(ascii: "{"))!
        let end = buffer.lastIndex(of: UInt8(ascii: "}"))! + 1
        let root = try JSONDocument(parsing: buffer[start..<end]).root
        #expect(root["n"]?.int == -42)
        #expect(root["x"]?.numberText == "1.5")
        #expect(root["x"]?.double == 1.5)
        #expect(root["s"]?.string == "caf\u{E9}")
        #expect(root["id"]?.idString == "458650000000000001")
        #expect(root["id"]?.int == 458_650_000_000_000_001)
    }

    @Test func escapedKeysAreFound() throws {
        let root = try JSONDocument(parsing: Array(#"{"a\u0062":1,"c":{"d\"e":2}}"#.utf8)).root
        #expect(root["ab"]?.int == 1)
        #expect(root[path: "c", "d\"e"]?.int == 2)
        #expect(root.keys == ["ab", "c"])
    }

    static let invalid: [(String, [UInt8])] = [
        ("unclosed array", Array("[1".utf8)), ("missing value", Array(#"{"a":"#.utf8)),
        ("unterminated string", Array(#""abc"#.utf8)), ("truncated literal", Array("tru".utf8)),
        ("truncated null", Array("nul".utf8)), ("truncated escape", Array(#""ab\"#.utf8)),
        ("truncated unicode escape", Array(#""\u12"#.utf8)), ("missing colon", Array(#"{"a" 1}"#.utf8)),
        ("unquoted key", Array("{a:1}".utf8)), ("missing comma", Array("[1 2]".utf8)),
        ("bad escape", Array(#""\x""#.utf8)), ("bad hex escape", Array(#""\u12G4""#.utf8)),
        ("raw tab", Array("\"a\tb\"".utf8)), ("raw control byte", [0x22, 0x01, 0x22]),
        ("raw newline", Array("\"a\nb\"".utf8)),
        ("invalid byte", [0x22, 0xFF, 0x22]), ("lone continuation byte", [0x22, 0x80, 0x22]),
        ("overlong two-byte", [0x22, 0xC0, 0xAF, 0x22]), ("overlong three-byte", [0x22, 0xE0, 0x80, 0xAF, 0x22]),
        ("overlong four-byte", [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22]),
        ("raw UTF-8 surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22]), ("beyond U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]),
        ("truncated sequence", [0x22, 0xE6, 0x97, 0x22]), ("truncated at end", [0x22, 0xE6, 0x97]),
        ("trailing garbage", Array("[1]x".utf8)), ("two values", Array("{} {}".utf8)),
        ("leading zero", Array("01".utf8)), ("negative leading zero", Array("-01".utf8)), ("bare dot", Array("1.".utf8)),
        ("leading dot", Array(".5".utf8)), ("lone minus", Array("-".utf8)), ("empty exponent", Array("1e".utf8)),
        ("plus sign", Array("+1".utf8)), ("NaN", Array("NaN".utf8)), ("Infinity", Array("Infinity".utf8)),
        ("empty", []), ("only space", Array("  ".utf8)), ("single quotes", Array("['a']".utf8)),
        ("comment", Array("[1] // c".utf8)),
    ]

    @Test func invalidDocumentsAreRejectedByBoth() {
        for (name, bytes) in Self.invalid {
            #expect(oursRejects(bytes), "ours accepted: \(name)")
            #expect(foundationRejects(bytes), "Foundation accepted: \(name)")
        }
    }

    @Test func trailingCommasAreRejected() throws {
        // Foundation on Linux accepts these; RFC 8259 does not, and neither do the platforms' own writers.
        for text in ["[1,]", #"{"a":1,}"#, "[,]", "[1,,2]", #"{,"a":1}"#] {
            #expect(oursRejects(Array(text.utf8)), "\(text)")
        }
        do {
            _ = try JSONDocument(parsing: Array("[1,]".utf8))
        } catch {
            #expect(error.offset == 3)
        }
    }

    /// Strings are scanned eight bytes at a time; a byte that needs attention must be seen at any offset.
    @Test func specialBytesAtEveryOffsetOfTheWordScan() throws {
        for offset in 0..<24 {
            let before = [UInt8](repeating: UInt8(ascii: "a"), count: offset)
            let after = [UInt8](repeating: UInt8(ascii: "b"), count: 11)
            func record(_ middle: [UInt8]) -> [UInt8] { [0x22] + before + middle + after + [0x22] }
            for bad: [UInt8] in [[0x00], [0x01], [0x1F], [0x0A], [0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80]] {
                #expect(oursRejects(record(bad)), "byte \(bad) at \(offset)")
                #expect(foundationRejects(record(bad)), "byte \(bad) at \(offset)")
            }
            for good: [UInt8] in [[0x20], [0x7E], [0x7F], [0x5C, 0x6E], [0x5C, 0x22], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80]] {
                #expect(try ours(record(good)) == (try foundation(record(good))), "bytes \(good) at \(offset)")
            }
            // A quote ends the string there, so what follows is trailing garbage.
            #expect(oursRejects(record([0x22])))
            #expect(try JSONDocument(parsing: [0x22] + before + [0x22]).root.string == String(repeating: "a", count: offset))
        }
    }

    @Test func nestingIsBoundedWithoutRecursion() throws {
        func nested(_ depth: Int) -> [UInt8] { Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth) }
        #expect(try ours(nested(256)) == (try foundation(nested(256))))
        #expect(oursRejects(nested(257)))
        // A hostile record far deeper than any stack would allow for a recursive parser.
        #expect(oursRejects(nested(1_000_000)))
        #expect(try JSONDocument(parsing: nested(600), maxDepth: 1000).root.count == 1)
        do {
            _ = try JSONDocument(parsing: Array(String(repeating: #"{"a":"#, count: 300).utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("nesting deeper than 256"))
        }
    }

    /// Records parsed one after another into one tape, as a batch reads them: a long record leaves entries behind a
    /// short one, a rejected record leaves a half-written tape, and each still reads as Foundation reads it.
    @Test func aReusedTapeReadsEachRecordAfresh() throws {
        let records = [
            #"{"a":[1,2,3,{"b":"c"}],"d":{"e":[true,false,null]},"f":"long record"}"#,
            "[" + Array(repeating: "1", count: 500).joined(separator: ",") + "]",  // one entry for every two bytes
            #"{"x":1}"#, #"{"half":[1,2,"#, "7", #"[[],{},""]"#, #"{"a":{"a":{"a":"a"}}}"#,
        ]
        var tape: [JSONDocument.Entry] = []
        for text in records {
            let bytes = Array(text.utf8)
            let document: JSONDocument
            do {
                document = try JSONDocument(parsing: bytes[...], tape: tape)
            } catch {
                #expect(foundationRejects(bytes), "\(text)")
                continue
            }
            #expect(Canon(document.root) == (try foundation(bytes)), "\(text)")
            tape = document.reusableTape
        }
    }

    /// Random documents written by Foundation, read by both parsers.
    @Test func randomDocumentsMatchFoundation() throws {
        var random = SeededRandom(seed: 0x5EED_F1EB)
        let alphabet: [String] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "é", "日", "😀", "\u{7F}", "&amp;", "#myNYPD"]
        func string() -> String { (0..<random.next(upTo: 12)).map { _ in alphabet[random.next(upTo: alphabet.count)] }.joined() }
        func value(_ depth: Int) -> Any {
            switch random.next(upTo: depth > 4 ? 5 : 7) {
            case 0: return string()
            case 1: return random.next(upTo: 2) == 0 ? Int(truncatingIfNeeded: random.next()) : -random.next(upTo: 1000)
            case 2: return Double(random.next(upTo: 1_000_000)) / 64.0 - 5000
            case 3: return random.next(upTo: 2) == 0
            case 4: return NSNull()
            case 5: return (0..<random.next(upTo: 5)).map { _ in value(depth + 1) }
            default: return Dictionary((0..<random.next(upTo: 5)).map { _ in (string(), value(depth + 1)) }, uniquingKeysWith: { a, _ in a })
            }
        }
        for _ in 0..<300 {
            let document: Any = random.next(upTo: 2) == 0 ? [value(0), value(0)] : ["k": value(0)]
            let bytes = Array(try JSONSerialization.data(withJSONObject: document))
            #expect(try ours(bytes) == (try foundation(bytes)), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// SplitMix64, so the random documents are the same on every run.
    struct SeededRandom {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func next(upTo bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
    }
}
