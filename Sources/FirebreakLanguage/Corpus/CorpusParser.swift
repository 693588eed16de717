import Foundation

/// Parsers for the shared-task file layouts. They take file contents, not paths: reading files is the
/// caller's business.
public enum CorpusParser {
    /// Why a corpus could not be parsed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// TweetEval: one text a line and its integer label on the same line of the labels file; with `classes`, every
    /// label must be below it.
    public static func tweetEval(text: String, labels: String, classes: Int? = nil) throws(Failure) -> [LabelledText] {
        let texts = lines(text)
        let values = lines(labels)
        guard texts.count == values.count else {
            throw Failure(description: "\(texts.count) texts but \(values.count) labels")
        }
        var result: [LabelledText] = []
        result.reserveCapacity(texts.count)
        for (offset, (line, label)) in zip(texts, values).enumerated() {
            guard let value = Int(label.trimmingWhitespace()) else {
                throw Failure(description: "label on line \(offset + 1) is not a number: \(label)")
            }
            // A label past the task's classes would index past every per-class table of training and scoring.
            if let classes, !(0..<classes).contains(value) {
                throw Failure(description: "label on line \(offset + 1) is \(value), not one of 0…\(classes - 1)")
            }
            result.append(LabelledText(text: String(line), label: value))
        }
        return result
    }

    /// SemEval-2016 task 4 subtask A: `id<TAB>label<TAB>text`, labels negative / neutral / positive (0, 1, 2).
    /// Texts may be wrapped in double quotes and followed by a tab.
    public static func semEvalMessage(_ content: String) -> [LabelledText] {
        lines(content).compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let label = ["negative", "neutral", "positive"].firstIndex(of: String(fields[1]))
            else { return nil }
            return LabelledText(text: unquote(fields[2]), label: label)
        }
    }

    /// SemEval-2016 task 4 subtask B: `id<TAB>topic<TAB>label<TAB>text`, labels negative / positive (0, 1).
    public static func semEvalTopic(_ content: String) -> [LabelledText] {
        lines(content).compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let label = ["negative", "positive"].firstIndex(of: String(fields[2])) else {
                return nil
            }
            return LabelledText(text: unquote(fields[3]), label: label, topic: String(fields[1]))
        }
    }

    /// A key under which the same tweet matches across corpora: lower case, HTML entities and `\uXXXX` escapes
    /// decoded, user names and links dropped, only letters and digits kept. The TweetEval sentiment `val` holds
    /// the SemEval-2016 tweets re-encoded (`&amp;` for `&`, `\u2019` for `’`, spacing changed), so anything
    /// looser lets a third of the overlap leak into training.
    public static func deduplicationKey(_ text: String) -> String {
        var key = ""
        for word in decodingEscapes(text).lowercased().split(whereSeparator: \.isWhitespace) {
            if word.hasPrefix("@") || word.hasPrefix("http") { continue }
            key.unicodeScalars.append(contentsOf: word.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        }
        return key
    }

    /// `text` with HTML entities (also double-escaped ones such as `&amp;amp;`) and literal `\uXXXX` escapes decoded.
    static func decodingEscapes(_ text: String) -> String {
        guard text.contains("&") || text.contains("\\u") else { return text }
        var result = text
        for _ in 0..<2 {
            result = result.replacingOccurrences(of: "&amp;", with: "&")
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        guard result.contains("\\u") else { return result }
        var scalars = String.UnicodeScalarView()
        var characters = Array(result.unicodeScalars)[...]
        while let first = characters.first {
            if first == "\\", characters.count >= 6, characters.dropFirst().first == "u",
                let value = UInt32(String(String.UnicodeScalarView(characters.dropFirst(2).prefix(4))), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                scalars.append(scalar)
                characters = characters.dropFirst(6)
            } else {
                scalars.append(first)
                characters = characters.dropFirst()
            }
        }
        return String(scalars)
    }

    /// The lines of a file whose lines end in LF or CR LF (a last line ending at the end of the file). CR LF is one
    /// Character to Swift, so splitting on "\n" alone read a CR LF file as one line. Other line separators (U+2028 in
    /// a tweet) stay inside their line.
    public static func lines(_ content: String) -> [Substring] {
        var result = content.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if result.last?.isEmpty == true { result.removeLast() }
        return result.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    static func unquote(_ field: Substring) -> String {
        var text = field.trimmingWhitespace()
        if text.count >= 2, text.first == "\"", text.last == "\"" {
            text = text.dropFirst().dropLast()
        }
        return String(text)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
