import Foundation
import Yams

/// Reads a Helm values file into a `ValuesDocument`: Yams composes it (1-based marks, mapping order kept), and the
/// source text supplies what the tree forgets: scalar spellings, block scalars, comments and blank lines.
struct ValuesReader {
    let file: String
    private let source: SourceText
    private var claimed = Set<Int>()
    private var lastContentLine = 0
    /// The furthest mark visited: an alias node carries its anchor's earlier mark.
    private var furthest = (line: 0, column: 0)
    private var stepVotes: [Int: Int] = [:]
    private var sequenceVotes: [Int: Int] = [:]
    private var itemVotes: [Int: Int] = [:]

    static let anchorsRefused = "anchors and aliases (&name, *name) are not supported in values files read by c8runbook; write the values out"

    /// Values files are at most a few thousand lines; anything far larger is not one.
    static let maximumFileSize = 4 << 20

    static func load(path: String) throws(ValuesError) -> ValuesDocument {
        let text: String
        do {
            text = try InputFile.readText(at: path, maximumSize: maximumFileSize, what: "values")
        } catch {
            switch error {
            case let .fileNotFound(path): throw .fileNotFound(path: path)
            case let .unreadable(path, reason): throw .unreadable(path: path, reason: reason)
            case let .syntax(location, problem): throw .syntax(location, problem: problem)
            case let .invalid(location, message): throw .invalid(location, message: message)
            }
        }
        return try read(text, file: path)
    }

    static func read(_ original: String, file: String) throws(ValuesError) -> ValuesDocument {
        // CRLF, lone CR and a BOM read as Helm reads them; the writer gives the file back in its own convention.
        let (text, convention) = TextConvention.normalize(original)
        // Before Yams composes the text: an alias there may expand to more than any walk of the tree can afford.
        if case let .anchorOrAlias(line, column)? = AliasExpansion.firstProblem(in: text, .refuse) {
            throw .invalid(SourceLocation(file: file, line: line, column: column), message: anchorsRefused)
        }
        let composed: Node?
        do {
            composed = try firstDocument(text, file: file)
        } catch let error as ValuesError {
            throw error
        } catch {
            throw ValuesError(yamlError: error, file: file, text: text)
        }
        guard let node = composed else {
            throw .invalid(SourceLocation(file: file, line: 1, column: 1), message: "the values file is empty; Helm values are a mapping such as 'global: ...'")
        }
        guard case .mapping = node else {
            let mark = node.mark
            throw .invalid(SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                           message: "the top level of a values file must be a mapping, found \(node.kindDescription == "nothing" ? "nothing" : node.kindName)")
        }
        var reader = ValuesReader(file: file, source: SourceText(text))
        let root = try reader.value(node, ownerIndent: 0)
        var header: [String] = []
        let firstLine = (root.entries?.first?.keyLocation?.line ?? 1) - (root.entries?.first?.leading.count ?? 0)
        if firstLine > 1 { header = (1..<firstLine).map { reader.source.string($0) } }
        let trailer = reader.lastContentLine < reader.source.count
            ? ((reader.lastContentLine + 1)...reader.source.count).map { reader.source.string($0) } : []
        return ValuesDocument(path: file, text: original, root: root, header: header, trailer: trailer, style: reader.style,
                              convention: convention)
    }

    /// The one document of a values file. Empty documents after it (a trailing `---`) are what Helm ignores too;
    /// a second document with content is refused, as Helm reads only the first and would drop it silently.
    private static func firstDocument(_ text: String, file: String) throws -> Node? {
        var first: Node?
        var index = 0
        // The basic resolver: no regular expression per scalar; `kind(of:)` resolves the few plain scalars that can
        // be anything but a string.
        var documents = try Yams.compose_all(yaml: text, .basic)
        while true {
            guard let document = documents.next() else {
                if let error = documents.error { throw error }
                break
            }
            index += 1
            if index == 1 { first = document; continue }
            if case let .scalar(scalar) = document, scalar.string.isEmpty, scalar.style == .plain { continue }
            let mark = document.mark
            throw ValuesError.invalid(SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                                      message: "a second YAML document ('---' followed by values); Helm reads only the first document of a values file, so these values would be ignored: move them into the first document or remove the '---'")
        }
        return first
    }

    private init(file: String, source: SourceText) {
        self.file = file
        self.source = source
    }

    private var style: ValuesDocument.IndentStyle {
        func mode(_ votes: [Int: Int], _ fallback: Int) -> Int {
            votes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? fallback
        }
        let step = mode(stepVotes, 2)
        return .init(step: step, sequenceOffset: mode(sequenceVotes, step), itemOffset: mode(itemVotes, 2))
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private mutating func see(_ line: Int) { lastContentLine = max(lastContentLine, line) }

    /// Blank and comment lines directly above `line` not already taken.
    private mutating func leading(before line: Int) -> [String] {
        var start = line
        while start - 1 > lastContentLine, !claimed.contains(start - 1), source.isBlank(start - 1) || source.isComment(start - 1) {
            start -= 1
        }
        guard start < line else { return [] }
        (start..<line).forEach { claimed.insert($0) }
        return (start..<line).map { source.string($0) }
    }

    private mutating func value(_ node: Node, ownerIndent: Int) throws(ValuesError) -> ValuesNode {
        if let mark = node.mark {
            if (mark.line, mark.column) < furthest {
                throw .invalid(SourceLocation(file: file, line: furthest.line, column: furthest.column),
                               message: Self.anchorsRefused)
            }
            furthest = (mark.line, mark.column)
        }
        if node.anchor != nil {
            throw .invalid(location(node.mark), message: Self.anchorsRefused)
        }
        switch node {
        case let .scalar(scalar):
            return ValuesNode(.scalar(try self.scalar(scalar, node: node, ownerIndent: ownerIndent)), location: location(node.mark))
        case let .mapping(mapping):
            var entries: [ValuesEntry] = []
            for (keyNode, valueNode) in mapping {
                entries.append(try entry(keyNode, valueNode, flow: mapping.style == .flow))
            }
            return ValuesNode(.mapping(entries), location: location(node.mark))
        case let .sequence(sequence):
            var items: [ValuesItem] = []
            for element in sequence {
                items.append(try item(element, flow: sequence.style == .flow))
            }
            return ValuesNode(.sequence(items), location: location(node.mark))
        case .alias:
            throw .invalid(location(node.mark), message: Self.anchorsRefused)
        }
    }

    private mutating func entry(_ keyNode: Node, _ valueNode: Node, flow: Bool) throws(ValuesError) -> ValuesEntry {
        guard case let .scalar(keyScalar) = keyNode, keyNode.anchor == nil else {
            throw .invalid(location(keyNode.mark), message: "keys in a values file must be plain names")
        }
        if keyScalar.style == .plain, keyScalar.string == "<<" {
            throw .invalid(location(keyNode.mark), message: "merge keys ('<<') are not supported in values files read by c8runbook; write the values out")
        }
        let keyMark = Position(keyNode.mark)
        if (keyMark.line, keyMark.column) > furthest { furthest = (keyMark.line, keyMark.column) }
        var entry = ValuesEntry(keyScalar.string, .string(""))
        entry.keyLocation = SourceLocation(file: file, line: keyMark.line, column: keyMark.column)
        entry.sourceIndent = keyMark.column - 1
        if !flow {
            entry.leading = leading(before: keyMark.line)
        }
        see(keyMark.line)
        let keyText = source.rest(keyMark.line, from: keyMark.column)
        let split = SourceText.splitToken(keyText, keyContext: true)
        if let token = split?.token, token.first == "'" || token.first == "\"" { entry.keySpelling = SourceText.string(token) }

        entry.value = try value(valueNode, ownerIndent: keyMark.column - 1)
        if !flow, let valueMark = valueNode.mark {
            switch valueNode {
            case .mapping(let mapping) where mapping.style != .flow:
                if valueMark.line > keyMark.line { vote(&stepVotes, valueMark.column - keyMark.column) }
                entry.trailingComment = commentAfterColon(split?.rest)
            case .sequence(let sequence) where sequence.style != .flow:
                if let firstMark = sequence.first?.mark, firstMark.line > keyMark.line,
                   let dash = dashColumn(line: firstMark.line, before: firstMark.column) {
                    vote(&sequenceVotes, dash - keyMark.column)
                }
                entry.trailingComment = commentAfterColon(split?.rest)
            case .scalar(let scalar) where scalar.style == .plain && scalar.string.isEmpty:
                entry.trailingComment = commentAfterColon(split?.rest)
            default:
                if case .scalar = valueNode, entry.value.scalar?.block == nil, valueMark.line == keyMark.line {
                    entry.trailingComment = trailing(after: valueNode)
                }
            }
        }
        return entry
    }

    private mutating func item(_ node: Node, flow: Bool) throws(ValuesError) -> ValuesItem {
        let mark = Position(node.mark)
        let dash = flow ? nil : dashColumn(line: mark.line, before: mark.column)
        var item = ValuesItem(.string(""))
        if !flow {
            item.leading = leading(before: mark.line)
            item.sourceIndent = (dash ?? max(1, mark.column - 2)) - 1
        }
        see(mark.line)
        if let dash, case let .mapping(mapping) = node, mapping.style != .flow { vote(&itemVotes, mark.column - dash) }
        item.value = try value(node, ownerIndent: (dash ?? mark.column) - 1)
        if !flow, case .scalar = node, item.value.scalar?.block == nil {
            item.trailingComment = trailing(after: node)
        }
        return item
    }

    private func dashColumn(line: Int, before column: Int) -> Int? {
        let scalars = source.line(line)
        var index = min(column - 2, scalars.count - 1)
        while index >= 0, scalars[index] == " " { index -= 1 }
        return index >= 0 && scalars[index] == "-" ? index + 1 : nil
    }

    private func vote(_ votes: inout [Int: Int], _ value: Int) {
        guard value >= 0, value <= 8 else { return }
        votes[value, default: 0] += 1
    }

    private func commentAfterColon(_ rest: [Unicode.Scalar]?) -> String? {
        guard var rest, rest.first == ":" else { return nil }
        rest.removeFirst()
        return SourceText.trailingComment(rest)
    }

    private func trailing(after node: Node) -> String? {
        guard let mark = node.mark, let split = SourceText.splitToken(source.rest(mark.line, from: mark.column)) else { return nil }
        return SourceText.trailingComment(split.rest)
    }

    private mutating func scalar(_ scalar: Node.Scalar, node: Node, ownerIndent: Int) throws(ValuesError) -> ValuesScalar {
        let kind: ValuesScalar.Kind
        switch Self.tagName(of: scalar).rawValue {
        case Tag.Name.null.rawValue: kind = .null
        case Tag.Name.bool.rawValue: kind = .bool
        case Tag.Name.int.rawValue: kind = .int
        case Tag.Name.float.rawValue: kind = .float
        default: kind = .string
        }
        var result = ValuesScalar(value: kind == .null ? "" : scalar.string, kind: kind)
        guard let mark = scalar.mark else { return result }
        see(mark.line)
        switch scalar.style {
        case .literal, .folded:
            result.block = block(at: Position(mark), ownerIndent: ownerIndent)
        case .plain where scalar.string.isEmpty:
            result.spelling = ""
        default:
            let text = source.rest(mark.line, from: mark.column)
            guard let split = SourceText.splitToken(text) else { break }
            let token = SourceText.string(split.token)
            switch scalar.style {
            case .plain where token == scalar.string: result.spelling = token
            case .singleQuoted where token.count >= 2 && Self.unquoteSingle(token.dropFirst().dropLast()) == scalar.string:
                result.spelling = token
            case .doubleQuoted:
                // Without escapes the value is the text between the quotes; with them, libyaml says (a parser per
                // scalar, so only then, and with the encoding given: Yams' default reads the whole environment).
                if !token.utf8.contains(UInt8(ascii: "\\")) {
                    if token.count >= 2, String(token.dropFirst().dropLast()) == scalar.string { result.spelling = token }
                } else if case let .scalar(reparsed)? = try? Yams.compose(yaml: token, .basic, .default, .utf8), reparsed.string == scalar.string {
                    result.spelling = token
                }
            default: break
            }
        }
        return result
    }

    /// The value of a single-quoted scalar's inner text (`''` is one quote).
    static func unquoteSingle(_ inner: Substring) -> String {
        guard inner.contains("'") else { return String(inner) }
        var output = "", pendingQuote = false
        for character in inner {
            if character == "'" {
                if pendingQuote { pendingQuote = false; continue }
                pendingQuote = true
            } else {
                pendingQuote = false
            }
            output.append(character)
        }
        return output
    }

    /// What YAML 1.1's default resolver (Yams', like go-yaml's) makes of a scalar. Quoted, block and explicitly
    /// tagged scalars keep their tag; a plain scalar is typed by `PlainScalarResolver` (Yams' rules without its
    /// regular expressions, `PlainScalarResolverTests`) only when its first character can start a null, bool, number,
    /// timestamp, merge or value: names and words cannot.
    static func tagName(of scalar: Node.Scalar) -> Tag.Name {
        // Unresolved, the tag reads as its name: empty for an implicit plain scalar, `str` for a quoted one.
        let given = scalar.tag.description
        guard given == Tag.Name.implicit.rawValue else { return Tag.Name(rawValue: given) }
        guard let first = scalar.string.unicodeScalars.first else { return .null }
        switch first {
        case "0"..."9", "+", "-", ".", "~", "<", "=", "y", "Y", "n", "N", "t", "T", "f", "F", "o", "O":
            return PlainScalarResolver.tag(ofPlain: scalar.string)
        default:
            return .str
        }
    }

    private mutating func block(at mark: Position, ownerIndent: Int) -> BlockScalar {
        let header = SourceText.string(source.rest(mark.line, from: mark.column))
        var lines: [Int] = []
        var number = mark.line + 1
        var contentIndent: Int?
        let explicit = header.dropFirst().first { $0.isNumber }.flatMap { Int(String($0)) }
        if let explicit { contentIndent = source.indentation(mark.line) + explicit }
        while number <= source.count {
            if source.isBlank(number) {
                lines.append(number)
            } else {
                let indent = source.indentation(number)
                if contentIndent == nil {
                    guard indent > source.indentation(mark.line) || indent > ownerIndent else { break }
                    contentIndent = indent
                }
                guard indent >= contentIndent! else { break }
                lines.append(number)
            }
            number += 1
        }
        if !header.hasPrefix("|+") && !header.hasPrefix(">+") && !header.contains("+") {
            while let last = lines.last, source.isBlank(last) { lines.removeLast() }
        }
        let indent = contentIndent ?? ownerIndent + 2
        lines.forEach { claimed.insert($0); see($0) }
        let content = lines.map { number -> String in
            let scalars = source.line(number)
            return scalars.count <= indent ? "" : SourceText.string(scalars[indent...])
        }
        return BlockScalar(header: header, lines: content, indentOffset: indent - ownerIndent)
    }
}

extension ValuesDocument {
    /// Parses the text of one values file; `path` names it in diagnostics. The public seam for callers that hold
    /// the text rather than a file (the fuzz targets).
    public static func parse(_ text: String, path: String) throws(ValuesError) -> ValuesDocument {
        try ValuesReader.read(text, file: path)
    }
}

/// A 1-based line and column (Yams' `Mark` cannot be created outside Yams).
private struct Position {
    let line: Int
    let column: Int

    init(_ mark: Mark?) {
        line = mark?.line ?? 1
        column = mark?.column ?? 1
    }
}

extension Node {
    /// "a list", "a string", for messages that must not quote a value.
    var kindName: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: "a single value"
        case .alias: "an alias"
        }
    }
}

extension ValuesError {
    /// Yams errors as `file:line:column` diagnostics. Only the problem is kept, never the snippet of the file.
    /// A duplicate key points at the occurrence Helm uses (the last one), not at the first.
    init(yamlError: any Error, file: String, text: String? = nil) {
        if case let .duplicatedKeysInMapping(duplicates, context)? = yamlError as? YamlError, let key = duplicates.first {
            let first = (line: context.mark.line, column: context.mark.column)
            let later = text.flatMap { DuplicateKey.laterOccurrence(of: key, first: first, in: SourceText($0)) }
            let firstText = "\(first.line):\(first.column)"
            if let later {
                self = .invalid(SourceLocation(file: file, line: later.line, column: later.column),
                                message: "duplicate key '\(key)' (first at \(firstText)); Helm uses this later one and ignores the first without a word: remove the one you do not mean")
            } else {
                self = .invalid(SourceLocation(file: file, line: first.line, column: first.column),
                                message: "duplicate key '\(key)' (this is the first occurrence); Helm uses the last one and ignores this one without a word: remove the one you do not mean")
            }
        } else if let syntax = YAMLSyntaxProblem(yamlError, file: file) {
            self = .syntax(syntax.location, problem: syntax.problem)
        } else {
            self = .unreadable(path: file, reason: yamlError is YamlError ? "not a single YAML document" : "not YAML")
        }
    }
}
