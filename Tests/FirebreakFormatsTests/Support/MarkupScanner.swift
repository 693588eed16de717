import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads generated HTML and SVG back the way a browser would see their structure, so tests check tags and
/// attributes rather than substrings that may legitimately appear inside escaped text.
enum MarkupScanner {
    /// A start tag with its attributes.
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    /// Every start tag in an HTML document. Text is escaped by the renderer, so every raw `<` opens markup;
    /// a stray one would show up here as a tag, which is exactly what the tests want to catch.
    static func tags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let body = rest[..<close]
            rest = rest[rest.index(after: close)...]
            guard let first = body.first, first.isLetter else { continue }  // end tags, comments, doctype
            let name = String(body.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            tags.append(Tag(name: name, attributes: attributes(String(body.dropFirst(name.count)))))
        }
        return tags
    }

    /// Attributes of a tag body: `name="value"`, `name='value'`, `name=value` or a bare `name`.
    private static func attributes(_ body: String) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var scalars = Substring(body)
        func skipSpace() { scalars = scalars.drop { $0.isWhitespace || $0 == "/" } }
        skipSpace()
        while !scalars.isEmpty {
            let name = scalars.prefix { !$0.isWhitespace && $0 != "=" && $0 != "/" }
            scalars = scalars.dropFirst(name.count)
            var value = ""
            if scalars.first == "=" {
                scalars = scalars.dropFirst()
                if let quote = scalars.first, quote == "\"" || quote == "'" {
                    scalars = scalars.dropFirst()
                    value = String(scalars.prefix { $0 != quote })
                    scalars = scalars.dropFirst(value.count + 1)
                } else {
                    value = String(scalars.prefix { !$0.isWhitespace })
                    scalars = scalars.dropFirst(value.count)
                }
            }
            if !name.isEmpty { result.append((String(name).lowercased(), value)) }
            skipSpace()
        }
        return result
    }

    /// The first `<svg …>…</svg>` in a document.
    static func svg(in html: String) -> String? {
        guard let start = html.range(of: "<svg"), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Parses XML with Foundation's parser; returns the elements (name and attributes) or the parse error.
    static func parseXML(_ text: String) -> Result<[(name: String, attributes: [String: String])], Error> {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        if parser.parse() { return .success(collector.elements) }
        return .failure(parser.parserError ?? CocoaError(.propertyListReadCorrupt))
    }

    private final class ElementCollector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            elements.append((elementName, attributes))
        }
    }
}
