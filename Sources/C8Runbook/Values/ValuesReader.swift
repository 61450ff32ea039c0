import Foundation
import Yams

/// Reads a Helm values file into a `ValuesDocument` in one pass over libyaml's events (`YAMLEvents`): the tree is
/// built as the events come (1-based marks, mapping order kept, as Yams' composer gives them), and the source text
/// supplies what the events do not carry: scalar spellings, block scalars, comments and blank lines.
///
/// It refuses what Yams' composer refused, in the same order and with the same words: the first anchor or alias
/// anywhere in the stream (before any other error), YAML syntax errors, a key written twice in one mapping (checked
/// when the mapping ends, keys compared by text and resolved tag as Yams compares them), a second document with
/// values; then an empty file or a top level that is not a mapping; then what the walk over the first document
/// finds (a key that is not a scalar, a merge key).
struct ValuesReader {
    let file: String
    private let source: SourceText
    private var claimed = Set<Int>()
    private var lastContentLine = 0
    private var stepVotes: [Int: Int] = [:]
    private var sequenceVotes: [Int: Int] = [:]
    private var itemVotes: [Int: Int] = [:]
    /// Where the last scalar read starts and what follows its token on its line: its trailing comment is looked
    /// for there, without splitting the line again.
    private var lastToken: (start: YAMLMark, rest: ArraySlice<Unicode.Scalar>)?

    /// Documents begun so far.
    private var documents = 0
    /// The root of the document being read, and of the first one.
    private var documentRoot: Shape?
    private var firstRoot: Shape?
    /// The collections open, innermost last.
    private var open: [Open] = []
    /// Whether the first document's tree is being built (its root is a mapping and the walk found nothing wrong).
    private var building = false
    private var root: ValuesNode?
    /// The first error Yams' composer would have thrown (a duplicate key, a second document). Past it only anchors
    /// are looked for, as the alias pass before the composer did; then it is thrown.
    private var composeError: ValuesError?
    /// The first error of the walk over the first document, thrown when nothing else is wrong.
    private var walkError: ValuesError?
    /// The first text libyaml reads and Helm refuses (a `\/` escape, a directive), thrown when nothing else is wrong.
    private var helmRefuses: ValuesError?
    /// The first line not yet searched for directives.
    private var directivesFrom = 1
    /// Where the last event was a quoted scalar that does not close on the line it opens: a quote left open runs on
    /// to the next quote in the file, and the error comes there.
    private var openQuote: YAMLMark?

    static let anchorsRefused = "anchors and aliases (&name, *name) are not supported in values files read by c8runbook; write the values out"

    /// Helm 3 reads a values file with go-yaml's Unmarshal, the first document only (helm v3.20.0
    /// pkg/cli/values/options.go); Helm 4 reads every document and merges them (v4.1.4 pkg/chart/loader/load.go
    /// LoadValues): one file, two meanings.
    static let secondDocument = "a second YAML document ('---' followed by values); Helm 3 reads only the first document of a values file and ignores these values, Helm 4 merges them into the first: move them into the first document or remove the '---'"

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
        if let (line, column, name) = unicodeLineBreak(in: text) {
            throw .invalid(SourceLocation(file: file, line: line, column: column),
                           message: "a line break editors do not show (\(name)): YAML, and so Helm, starts a new line there; replace it with a newline or remove it")
        }
        var reader = ValuesReader(file: file, source: SourceText(text))
        let root = try reader.compose(text)
        var header: [String] = []
        let firstLine = (root.entries?.first?.keyLocation?.line ?? 1) - (root.entries?.first?.leading.count ?? 0)
        if firstLine > 1 { header = (1..<firstLine).compactMap { Self.headerLine(reader.source.string($0)) } }
        let trailer = reader.lastContentLine < reader.source.count
            ? ((reader.lastContentLine + 1)...reader.source.count).map { reader.source.string($0) } : []
        return ValuesDocument(path: file, text: original, root: root, header: header, trailer: trailer, style: reader.style,
                              convention: convention)
    }

    /// A line above the first key as the writer gives it back: blank lines, comments, directives and the document
    /// marker as written; anything else there is the opening bracket of a root flow mapping (`{` alone on the first
    /// line of a pretty-printed JSON file, which Helm reads as YAML), whose content is written in block style, so the
    /// bracket goes (`--- {` keeps its marker). Kept, the bracket made the written text invalid YAML (exit 70).
    static func headerLine(_ text: String) -> String? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("%") { return text }
        guard text.hasPrefix("---") else { return nil }
        let rest = text.dropFirst(3)
        guard let first = rest.first else { return text }
        guard first == " " || first == "\t" else { return nil }
        let after = rest.drop { $0 == " " || $0 == "\t" }
        return after.isEmpty || after.hasPrefix("#") ? text : "---"
    }

    /// The first NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR in `text` (LF endings): libyaml, like go-yaml, breaks
    /// lines there, editors and `SourceText` do not. Its 1-based line and column (Unicode scalars) as editors count
    /// them, and its name; nil when there is none.
    static func unicodeLineBreak(in text: String) -> (line: Int, column: Int, name: String)? {
        // Most texts hold none of the three: they are looked for in the text's own bytes (no copy), and the bytes
        // are copied only to place one that is there.
        var text = text
        let found = text.withUTF8 { bytes in
            bytes.indices.contains { bytes[$0] == 0x85 || ((bytes[$0] == 0xA8 || bytes[$0] == 0xA9) && $0 > 0 && bytes[$0 - 1] == 0x80) }
        }
        guard found else { return nil }
        let bytes = Array(text.utf8)
        var (beforeLast, last): (UInt8, UInt8) = (0, 0)
        for (offset, byte) in bytes.enumerated() {
            // NEL is C2 85, LS E2 80 A8, PS E2 80 A9; the place is the sequence's first byte, counted as
            // `InputFile.location` counts (lines at LF, columns by scalar).
            let name: String?
            if byte == 0x85, last == 0xC2 { name = "U+0085 NEXT LINE" }
            else if byte == 0xA8 || byte == 0xA9, last == 0x80, beforeLast == 0xE2 {
                name = byte == 0xA8 ? "U+2028 LINE SEPARATOR" : "U+2029 PARAGRAPH SEPARATOR"
            } else { name = nil }
            if let name {
                let place = InputFile.location(of: offset - (byte == 0x85 ? 1 : 2), in: Data(bytes), file: "")
                return (place.line, place.column, name)
            }
            (beforeLast, last) = (last, byte)
        }
        return nil
    }

    private init(file: String, source: SourceText) {
        self.file = file
        self.source = source
    }

    /// The first document's top-level mapping, read from all of `text`'s events. Empty documents after it (a
    /// trailing `---`) are what Helm ignores too; a second document with content is refused, as Helm reads only
    /// the first and would drop it silently.
    private mutating func compose(_ text: String) throws(ValuesError) -> ValuesNode {
        let failure = try YAMLEvents.parse(text) { (event: YAMLEvent) throws(ValuesError) -> Bool in
            try self.take(event)
        }
        if let composeError { throw composeError }
        if let failure {
            guard let syntax = YAMLSyntaxProblem(failure, text: text, file: file) else {
                throw .unreadable(path: file, reason: "not a single YAML document")
            }
            // A quote left open closes at the next quote, often another value's opening quote lines below, and the
            // text after it is the error: the mistake is where the quote opened (Helm names only the later line).
            if let openQuote, syntax.location.line > openQuote.line, failure.stage == .parser {
                throw .syntax(location(openQuote),
                              problem: "the quoted value opened here does not close on its line and runs on to line \(syntax.location.line), where reading stopped (\(failure.problem) at \(syntax.location.line):\(syntax.location.column)): close the quote on its line")
            }
            throw .syntax(syntax.location, problem: syntax.problem)
        }
        if let helmRefuses { throw helmRefuses }
        guard let firstRoot else {
            throw .invalid(SourceLocation(file: file, line: 1, column: 1), message: "the values file is empty; Helm values are a mapping such as 'global: ...'")
        }
        guard let root, walkError == nil else {
            if let walkError, case .mapping = firstRoot { throw walkError }
            throw .invalid(location(firstRoot.start), message: "the top level of a values file must be a mapping, found \(firstRoot.kindName)")
        }
        return root
    }

    // MARK: Events

    /// A node as its parent sees it once it is read.
    private enum Shape {
        case mapping(YAMLMark)
        case sequence(YAMLMark, firstItem: YAMLMark?)
        /// A scalar: where it starts, its style and whether its value is empty.
        case scalar(YAMLMark, style: YAMLScalarEvent.Style, isEmpty: Bool)

        var start: YAMLMark {
            switch self {
            case let .mapping(start), let .sequence(start, _): start
            case let .scalar(start, _, _): start
            }
        }

        /// "a list", "a single value", "nothing", for messages that must not quote a value.
        var kindName: String {
            switch self {
            case .mapping: "a mapping"
            case .sequence: "a list"
            case let .scalar(_, _, isEmpty): isEmpty ? "nothing" : "a single value"
            }
        }
    }

    /// A key as Yams' composer compares keys for duplicates: by text (a collection by its content) and resolved tag
    /// (`Resolver.basic`: a scalar without a tag is a string, a collection without one a map or seq).
    private struct KeyIdentity: Hashable {
        var text: String
        var tag: String
        var isScalar: Bool
        /// A scalar key's value as written, when Helm names it otherwise (`01` for the key "1"); not compared.
        var written: String?

        static func == (lhs: KeyIdentity, rhs: KeyIdentity) -> Bool {
            lhs.text == rhs.text && lhs.tag == rhs.tag && lhs.isScalar == rhs.isScalar
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(text)
            hasher.combine(tag)
            hasher.combine(isScalar)
        }

        /// The scalar as a self-delimiting part of a collection key's content.
        var canonical: String { "'" + Self.length(tag) + Self.length(text) }

        static func length(_ text: String) -> String { "\(text.utf8.count):" + text }

        /// A tag as `Resolver.basic` resolves it: none, or the non-specific `!`, is the kind's default tag.
        static func resolved(_ tag: String?, _ defaultTag: String) -> String {
            guard let tag, tag != "!" else { return defaultTag }
            return tag
        }
    }

    /// A mapping or sequence whose end has not come yet.
    private struct Open {
        let isMapping: Bool
        let start: YAMLMark
        let tag: String?
        let isFlow: Bool
        /// The next node of a mapping is a key.
        var expectingKey = true
        /// A mapping's keys so far and where each is written, for the duplicate check.
        var keys: [(identity: KeyIdentity, mark: YAMLMark)] = []
        /// For a collection written as a mapping key, or inside one: its content, for the duplicate check.
        var content: String?
        /// The tree, while the first document is built.
        var entries: [ValuesEntry] = []
        var items: [ValuesItem] = []
        var pendingEntry: PendingEntry?
        var pendingItem: ValuesItem?
        var firstItem: YAMLMark?
        /// How many entries, or items, the last mapping, or sequence, directly inside this one held: the capacity
        /// the next one reserves, so that the entries of a long env list (two each) are allocated once, at their
        /// size, instead of growing one entry at a time.
        var lastEntries = 0
        var lastItems = 0

        init(isMapping: Bool, start: YAMLCollectionStart, content: String?, capacity: Int) {
            self.isMapping = isMapping
            self.start = start.start
            self.tag = start.tag
            self.isFlow = start.isFlow
            self.content = content
            // At most 16: a long list is no guide to the size of the next one.
            if isMapping {
                entries.reserveCapacity(min(capacity, 16))
                keys.reserveCapacity(min(capacity, 16))
            } else {
                items.reserveCapacity(min(capacity, 16))
            }
        }
    }

    /// A key read, waiting for its value.
    private struct PendingEntry {
        var entry: ValuesEntry
        let keyMark: YAMLMark
    }

    private enum Role {
        case root, key, value, item
    }

    private var role: Role {
        guard let parent = open.last else { return .root }
        return parent.isMapping ? (parent.expectingKey ? .key : .value) : .item
    }

    /// Takes one event; false at the end of the stream.
    private mutating func take(_ event: YAMLEvent) throws(ValuesError) -> Bool {
        openQuote = nil
        switch event {
        case .streamStart:
            break
        case .streamEnd:
            return false
        case .documentStart:
            guard composeError == nil else { break }
            documents += 1
            documentRoot = nil
        case .documentEnd:
            guard composeError == nil else { break }
            // Only the first document is built; the others are checked.
            building = false
            if documents > 1, let documentRoot {
                if case .scalar(_, .plain, isEmpty: true) = documentRoot { break }
                composeError = .invalid(location(documentRoot.start), message: Self.secondDocument)
            }
        case let .alias(_, start):
            throw .invalid(location(start), message: Self.anchorsRefused)
        case let .scalar(scalar):
            if scalar.anchor != nil { throw .invalid(location(scalar.start), message: Self.anchorsRefused) }
            guard composeError == nil else { break }
            read(scalar)
        case let .sequenceStart(start), let .mappingStart(start):
            if start.anchor != nil { throw .invalid(location(start.start), message: Self.anchorsRefused) }
            guard composeError == nil else { break }
            if case .mappingStart = event { begin(start, isMapping: true) } else { begin(start, isMapping: false) }
        case let .sequenceEnd(mark), let .mappingEnd(mark):
            guard composeError == nil else { break }
            end(at: mark)
        }
        return true
    }

    private mutating func read(_ scalar: YAMLScalarEvent) {
        let role = self.role
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
           SourceText.splitToken(source.rest(scalar.start.line, from: scalar.start.column)) == nil {
            openQuote = scalar.start
        }
        if role == .root { findDirective(before: scalar.start.line) }
        if scalar.style == .doubleQuoted, helmRefuses == nil, scalar.value.utf8.contains(UInt8(ascii: "/")),
           let mark = slashEscape(inQuotedAt: scalar.start) {
            helmRefuses = .invalid(location(mark), message: "'\\/' in a double-quoted value: YAML 1.2 reads it as '/', but Helm's YAML reader (go-yaml, YAML 1.1) knows no such escape and refuses the whole file ('found unknown escape character'); write '/' alone")
        }
        var node: ValuesNode?
        if building {
            switch role {
            case .root:
                break
            case .key:
                if scalar.style == .plain, scalar.value == "<<" {
                    fail(.invalid(location(scalar.start), message: "merge keys ('<<') are not supported in values files read by c8runbook; write the values out"))
                } else if Self.tagName(tag: scalar.tag, value: scalar.value) == .null {
                    // helm 4.1.4: 'unsupported map key of type: %!s(<nil>)' for `~:`, `null:` and an empty `? `.
                    fail(.invalid(location(scalar.start), message: "a null key ('\(scalar.value)'): YAML reads it as no value, and Helm refuses the file ('unsupported map key'); quote it if it is a name ('\"\(scalar.value)\"')"))
                } else {
                    beginEntry(scalar)
                }
            case .value, .item:
                let ownerIndent = role == .item ? beginItem(scalar.start, isMapping: false) : open[open.count - 1].pendingEntry!.keyMark.column - 1
                node = ValuesNode(.scalar(self.scalar(scalar, ownerIndent: ownerIndent)), location: location(scalar.start))
            }
        }
        // Only keys, and what is inside a collection key, are compared. A scalar key is the JSON key Helm makes of it:
        // a tag on a key is no more than its value (`!custom a` is `a`, `!!int 1` is `1`, and `1` is `"1"` once the
        // values become JSON), and go-yaml types plain keys as values (`01` and `1` are "1", `on` and `"true"` are
        // "true"), so two keys Helm names alike are one key for Helm, whatever their spelling and tags.
        let mappingKey = role == .key && open.last?.content == nil
        var identity = role == .key || open.last?.content != nil
            ? KeyIdentity(text: mappingKey ? Self.helmKey(scalar) : scalar.value,
                          tag: mappingKey ? Self.stringTag : KeyIdentity.resolved(scalar.tag, Self.stringTag), isScalar: true) : nil
        if identity?.text != scalar.value { identity?.written = scalar.value }
        finish(.scalar(scalar.start, style: scalar.style, isEmpty: scalar.value.isEmpty), node: node, identity: identity,
               content: open.last?.content == nil ? nil : identity?.canonical)
    }

    private mutating func begin(_ start: YAMLCollectionStart, isMapping: Bool) {
        let role = self.role
        if role == .root { findDirective(before: start.start.line) }
        if role == .root, documents == 1, isMapping { building = true }
        if building {
            switch role {
            case .root, .value:
                break
            case .key:
                fail(.invalid(location(start.start), message: "keys in a values file must be plain names"))
            case .item:
                _ = beginItem(start.start, isMapping: isMapping)
            }
        }
        let inKey = role == .key || open.last?.content != nil
        let capacity = building ? open.last.map { isMapping ? $0.lastEntries : $0.lastItems } ?? 0 : 0
        open.append(Open(isMapping: isMapping, start: start, content: inKey ? "" : nil, capacity: capacity))
    }

    private mutating func end(at mark: YAMLMark) {
        let closed = open.removeLast()
        if let parent = open.indices.last {
            if closed.isMapping { open[parent].lastEntries = closed.entries.count } else { open[parent].lastItems = closed.items.count }
        }
        // A flow collection's closing bracket is content: the lines up to it are not the trailer's or the next
        // entry's comments.
        if building, closed.isFlow { see(mark.line) }
        if closed.isMapping, let duplicate = Self.firstDuplicate(closed.keys) {
            composeError = duplicateKey(duplicate.key, first: duplicate.mark, last: duplicate.last, spellings: duplicate.spellings)
            return
        }
        let shape: Shape = closed.isMapping ? .mapping(closed.start) : .sequence(closed.start, firstItem: closed.firstItem)
        let node = building ? ValuesNode(closed.isMapping ? .mapping(closed.entries) : .sequence(closed.items), location: location(closed.start)) : nil
        let tag = KeyIdentity.resolved(closed.tag, closed.isMapping ? Tag.Name.map.rawValue : Tag.Name.seq.rawValue)
        let content = closed.content.map { (closed.isMapping ? "{" : "[") + KeyIdentity.length(tag) + $0 + (closed.isMapping ? "}" : "]") }
        finish(shape, node: node, identity: content.map { KeyIdentity(text: $0, tag: tag, isScalar: false) }, content: content)
    }

    /// A node is read: its parent takes it (a key, a value, an item, the root).
    private mutating func finish(_ shape: Shape, node: ValuesNode?, identity: KeyIdentity?, content: String?) {
        guard !open.isEmpty else {
            documentRoot = shape
            if documents == 1 {
                firstRoot = shape
                root = node
            }
            return
        }
        let parent = open.count - 1
        if open[parent].content != nil, let content { open[parent].content! += content }
        guard open[parent].isMapping else {
            // Taken out of the frame, not copied: a copy retains all an entry holds.
            if building, let node, var item = open[parent].pendingItem.take() {
                item.value = node
                if case .scalar = shape, node.scalar?.block == nil { item.trailingComment = trailing(after: shape.start) }
                open[parent].items.append(item)
            }
            return
        }
        if open[parent].expectingKey {
            open[parent].expectingKey = false
            if let identity { open[parent].keys.append((identity, shape.start)) }
            return
        }
        open[parent].expectingKey = true
        if building, let node, var pending = open[parent].pendingEntry.take() {
            pending.entry.value = node
            finishEntry(&pending.entry, keyMark: pending.keyMark, shape: shape)
            open[parent].entries.append(pending.entry)
        }
    }

    /// The walk found what the reader refuses: stop building, report it if nothing else is wrong.
    private mutating func fail(_ error: ValuesError) {
        if walkError == nil { walkError = error }
        building = false
    }

    static let stringTag = Tag.Name.str.rawValue

    /// The key Yams' composer reports of the keys written twice in one mapping: the least by text, at its first
    /// occurrence, with its last occurrence (the one Helm uses). Nil when every key is distinct.
    private static func firstDuplicate(_ keys: [(identity: KeyIdentity, mark: YAMLMark)]) -> (key: String, mark: YAMLMark, last: YAMLMark, spellings: [String]?)? {
        guard keys.count > 1 else { return nil }
        // Yams sorts scalar keys by text; a collection key has no text ("<uncovertable>") and no order among them.
        // The least is kept as the keys come (linear, however many keys repeat).
        var least: Int?
        func consider(_ first: Int) {
            guard let current = least else { least = first; return }
            let (candidate, best) = (keys[first].identity, keys[current].identity)
            if candidate.isScalar != best.isScalar ? candidate.isScalar : candidate.text < best.text { least = first }
        }
        if keys.count <= 8 {
            for index in 1..<keys.count {
                if let first = keys[..<index].firstIndex(where: { $0.identity == keys[index].identity }) { consider(first) }
            }
        } else {
            var seen: [KeyIdentity: Int] = [:]
            for (index, key) in keys.enumerated() {
                if let first = seen[key.identity] { consider(first) } else { seen[key.identity] = index }
            }
        }
        return least.map { first in
            let identity = keys[first].identity
            let last = keys.lastIndex { $0.identity == identity } ?? first
            let written = [keys[first].identity.written, keys[last].identity.written]
            let spellings = written == [nil, nil] ? nil : written.map { $0 ?? identity.text }
            return (identity.isScalar ? identity.text : "<uncovertable>", keys[first].mark, keys[last].mark, spellings)
        }
    }

    /// The key Helm's reading makes of a scalar key once the values become JSON (sigs.k8s.io/yaml over go-yaml's YAML
    /// 1.1 resolver, keys formatted as Go formats the typed value): an int in any spelling is its decimal (`01`,
    /// `0x1`, `+1` are "1"), a bool "true" or "false" (`on`, `Yes`, `y`), a float without a fraction its whole number
    /// (`1.0` is "1"; helm 4.1.4 took each of these pairs as one key, the later value kept). Any other key, and a
    /// key tagged `!!str` or with a custom tag, is its text.
    static func helmKey(_ scalar: YAMLScalarEvent) -> String {
        let kind = scalar.tag.map { Tag.Name(rawValue: $0) } ?? implicitTagName(scalar.value)
        switch kind {
        case .int:
            let canonical = ValuesNode.canonical(ValuesScalar(value: scalar.value, kind: .int))
            return canonical.map { String($0.dropFirst(4)) } ?? scalar.value
        case .bool:
            return ValuesNode.isTrue(ValuesScalar(value: scalar.value, kind: .bool)) ? "true" : "false"
        case .float:
            guard let number = Double(String(scalar.value.filter { $0 != "_" })), number.isFinite, number.rounded() == number,
                  abs(number) < 1e6 else { return scalar.value }
            return String(Int(number))
        default:
            return scalar.value
        }
    }

    /// Yams reports the first occurrence of a duplicate key, Helm (go-yaml, not strict) keeps the last, so a
    /// duplicate key points at the occurrence Helm uses: the last, from the keys' own marks (any spelling, tag,
    /// flow or block).
    private func duplicateKey(_ key: String, first: YAMLMark, last: YAMLMark, spellings: [String]?) -> ValuesError {
        // Keys written as different values that Helm names alike (`01` and `1`) are named as written.
        let alike = spellings.map { ", written \($0[0]) there and \($0[1]) here: one key for Helm" } ?? ""
        return .invalid(location(last),
                        message: "duplicate key '\(key)' (first at \(first.line):\(first.column)\(alike)); Helm uses this later one and ignores the first without a word: remove the one you do not mean")
    }

    // MARK: The tree and its trivia

    private var style: ValuesDocument.IndentStyle {
        func mode(_ votes: [Int: Int], _ fallback: Int) -> Int {
            votes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? fallback
        }
        let step = mode(stepVotes, 2)
        return .init(step: step, sequenceOffset: mode(sequenceVotes, step), itemOffset: mode(itemVotes, 2))
    }

    private func location(_ mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
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

    /// A key of the mapping being built: everything of its entry but the value.
    private mutating func beginEntry(_ key: YAMLScalarEvent) {
        let keyMark = key.start
        // The value comes when it is read; an empty mapping holds its place (nothing to allocate or free).
        var entry = ValuesEntry(key.value, ValuesNode(.mapping([])))
        entry.keyLocation = location(keyMark)
        entry.sourceIndent = keyMark.column - 1
        entry.leading = leading(before: keyMark.line)
        see(keyMark.line)
        // Only a quoted key has a spelling to keep: the line is split at the key's token only then (and, for the
        // comment after `key:`, in `finishEntry`, only for a value that does not carry that comment itself).
        let rest = source.rest(keyMark.line, from: keyMark.column)
        if rest.first == "'" || rest.first == "\"", let token = SourceText.splitToken(rest, keyContext: true)?.token {
            entry.keySpelling = SourceText.string(token)
        }
        open[open.count - 1].pendingEntry = PendingEntry(entry: entry, keyMark: keyMark)
    }

    /// The entry with its value read: layout votes and the comment on the key's line.
    /// In place: taking the pending entry and returning it copied the whole entry (each of its strings, arrays and
    /// nodes retained and released again).
    private mutating func finishEntry(_ entry: inout ValuesEntry, keyMark: YAMLMark, shape: Shape) {
        /// The key's line after the key (`: value  # note`); nil when the key's token does not end on its line.
        let keyLine = source.rest(keyMark.line, from: keyMark.column)
        var afterKey: ArraySlice<Unicode.Scalar>? { SourceText.splitToken(keyLine, keyContext: true)?.rest }
        switch shape {
        case let .mapping(valueMark):
            if valueMark.line > keyMark.line { vote(&stepVotes, valueMark.column - keyMark.column) }
            entry.trailingComment = commentAfterColon(afterKey)
        case let .sequence(_, firstItem):
            if let firstItem, firstItem.line > keyMark.line,
               let dash = dashColumn(line: firstItem.line, before: firstItem.column) {
                vote(&sequenceVotes, dash - keyMark.column)
            }
            entry.trailingComment = commentAfterColon(afterKey)
        case .scalar(_, .plain, isEmpty: true):
            entry.trailingComment = commentAfterColon(afterKey)
        case let .scalar(start, _, _):
            if entry.value.scalar?.block == nil, start.line == keyMark.line {
                entry.trailingComment = trailing(after: start)
            }
        }
    }

    /// An item of the sequence being built, before its value: its dash, comments and indentation. Returns the
    /// indentation that owns its value.
    private mutating func beginItem(_ mark: YAMLMark, isMapping: Bool) -> Int {
        let dash = dashColumn(line: mark.line, before: mark.column)
        var item = ValuesItem(ValuesNode(.mapping([])))  // (its value comes when read, as an entry's)
        item.leading = leading(before: mark.line)
        item.sourceIndent = (dash ?? max(1, mark.column - 2)) - 1
        see(mark.line)
        if let dash, isMapping { vote(&itemVotes, mark.column - dash) }
        let parent = open.count - 1
        open[parent].pendingItem = item
        if open[parent].firstItem == nil { open[parent].firstItem = mark }
        return (dash ?? mark.column) - 1
    }

    private func dashColumn(line: Int, before column: Int) -> Int? {
        let scalars = source.line(line), base = scalars.startIndex
        var index = min(column - 2, scalars.count - 1)
        while index >= 0, scalars[base + index] == " " { index -= 1 }
        return index >= 0 && scalars[base + index] == "-" ? index + 1 : nil
    }

    private func vote(_ votes: inout [Int: Int], _ value: Int) {
        guard value >= 0, value <= 8 else { return }
        votes[value, default: 0] += 1
    }

    private func commentAfterColon(_ rest: ArraySlice<Unicode.Scalar>?) -> String? {
        guard var rest, rest.first == ":" else { return nil }
        rest.removeFirst()
        return SourceText.trailingComment(rest)
    }

    private func trailing(after mark: YAMLMark) -> String? {
        if let lastToken, lastToken.start == mark { return SourceText.trailingComment(lastToken.rest) }
        guard let split = SourceText.splitToken(source.rest(mark.line, from: mark.column)) else { return nil }
        return SourceText.trailingComment(split.rest)
    }

    private mutating func scalar(_ scalar: YAMLScalarEvent, ownerIndent: Int) -> ValuesScalar {
        let kind: ValuesScalar.Kind
        // A quoted or block scalar without a tag (most values) is a string: said at once, without comparing its tag
        // with the four other kinds' names first.
        if scalar.tag == Self.stringTag {
            kind = .string
        } else {
            switch Self.tagName(tag: scalar.tag, value: scalar.value).rawValue {
            case Tag.Name.null.rawValue: kind = .null
            case Tag.Name.bool.rawValue: kind = .bool
            case Tag.Name.int.rawValue: kind = .int
            case Tag.Name.float.rawValue: kind = .float
            default: kind = .string
            }
        }
        var result = ValuesScalar(value: kind == .null ? "" : scalar.value, kind: kind)
        let mark = scalar.start
        see(mark.line)
        switch scalar.style {
        case .literal, .folded:
            result.block = block(at: mark, ownerIndent: ownerIndent)
        case .plain where scalar.value.isEmpty:
            result.spelling = ""
        default:
            let text = source.rest(mark.line, from: mark.column)
            guard let split = SourceText.splitToken(text) else { break }
            lastToken = (mark, split.rest)
            // Most tokens are their value scalar for scalar (a plain one, or the inside of quotes without escapes):
            // compared in place. Otherwise as strings, as always.
            let inner = split.token.count >= 2 ? split.token.dropFirst().dropLast() : split.token[split.token.endIndex...]
            switch scalar.style {
            case .plain where split.token.elementsEqual(scalar.value.unicodeScalars):
                result.spelling = SourceText.string(split.token)
            case .doubleQuoted where split.token.count >= 2 && inner.first?.isASCII != false && !inner.contains("\\")
                && inner.elementsEqual(scalar.value.unicodeScalars):
                // (An ASCII first character: a combining mark after the quote would make one character of both.)
                result.spelling = SourceText.string(split.token)
            default:
                let token = SourceText.string(split.token)
                switch scalar.style {
                case .plain where token == scalar.value: result.spelling = token
                case .singleQuoted where token.count >= 2 && Self.unquoteSingle(token.dropFirst().dropLast()) == scalar.value:
                    result.spelling = token
                case .doubleQuoted:
                    // Without escapes the value is the text between the quotes; with them, libyaml says (a parser
                    // per scalar, so only then).
                    if !token.utf8.contains(UInt8(ascii: "\\")) {
                        if token.count >= 2, String(token.dropFirst().dropLast()) == scalar.value { result.spelling = token }
                    } else if Self.doubleQuotedValue(token) == scalar.value {
                        result.spelling = token
                    }
                default: break
                }
            }
        }
        return result
    }

    /// A directive (`%YAML 1.1`, `%TAG`) on the lines above a document's content: libyaml reads it; helm 4.1.4 splits a
    /// values file into documents at its `---` lines (k8s.io/apimachinery's YAMLReader) and reads each alone, so the
    /// directive stands without its document and the file is refused ('did not find expected <document start>');
    /// Helm 3's go-yaml refuses `%YAML 1.2` ('found incompatible YAML document'). The values files kept it.
    private mutating func findDirective(before line: Int) {
        defer { directivesFrom = max(directivesFrom, line + 1) }
        guard helmRefuses == nil, directivesFrom < line else { return }
        // `%` cannot start a plain scalar: at the start of a line it is a directive (or inside a quoted value).
        guard let found = (directivesFrom..<line).first(where: { source.line($0).first == "%" }) else { return }
        let name = SourceText.string(source.line(found).prefix { $0 != " " && $0 != "\t" })
        helmRefuses = .invalid(SourceLocation(file: file, line: found, column: 1),
                               message: "the directive '\(name)': Helm 4 splits a values file at its '---' lines and reads each part alone, so the directive stands without its document and Helm refuses the file ('did not find expected <document start>'; Helm 3 refuses %YAML 1.2); remove the line")
    }

    /// Where the double-quoted scalar opened at `mark` writes the escape `\/`, if it does (its text may run over
    /// several lines; an escaped line break continues it).
    private func slashEscape(inQuotedAt mark: YAMLMark) -> YAMLMark? {
        var line = mark.line, column = mark.column + 1
        var scalars = source.rest(line, from: mark.column).dropFirst()
        while true {
            guard let first = scalars.first else {
                line += 1
                guard line <= source.count else { return nil }
                (scalars, column) = (source.line(line), 1)
                continue
            }
            if first == "\"" { return nil }
            if first == "\\" {
                let escaped = scalars.dropFirst().first
                if escaped == "/" { return YAMLMark(line: line, column: column) }
                if escaped != nil { (scalars, column) = (scalars.dropFirst(2), column + 2); continue }
            }
            (scalars, column) = (scalars.dropFirst(), column + 1)
        }
    }

    /// The value of a one-line double-quoted token, as libyaml reads it; nil when it is not one scalar.
    static func doubleQuotedValue(_ token: String) -> String? {
        var value: String?, nodes = 0
        let failure = YAMLEvents.parse(token) { event in
            switch event {
            case let .scalar(scalar): value = scalar.value; nodes += 1
            case .sequenceStart, .mappingStart, .alias: nodes += 1
            default: break
            }
            return true
        }
        return failure == nil && nodes == 1 ? value : nil
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
    static func tagName(tag: String?, value: String) -> Tag.Name {
        // The tag as Yams' composer leaves it before resolving: nil for an implicit plain scalar, `str` for a quoted one.
        guard let tag else { return implicitTagName(value) }
        return Tag.Name(rawValue: tag)
    }

    private static func implicitTagName(_ value: String) -> Tag.Name {
        guard let first = value.unicodeScalars.first else { return .null }
        switch first {
        case "0"..."9", "+", "-", ".", "~", "<", "=", "y", "Y", "n", "N", "t", "T", "f", "F", "o", "O":
            return PlainScalarResolver.tag(ofPlain: value)
        default:
            return .str
        }
    }

    private mutating func block(at mark: YAMLMark, ownerIndent: Int) -> BlockScalar {
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
            return scalars.count <= indent ? "" : SourceText.string(scalars[(scalars.startIndex + indent)...])
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
