import Yams

/// A Yams parse error as a place in the file and the problem in words, for every reader of YAML (scenario and
/// values files). Only the problem is kept, never Yams's snippet of the file, which could hold a secret.
struct YAMLSyntaxProblem {
    let location: SourceLocation
    let problem: String

    /// Nil when the error is not about the text (memory, encoding, an emitter error).
    init?(_ error: any Error, file: String) {
        guard let error = error as? YamlError else { return nil }
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml):
            let placed = Self.place(problem: problem, at: (mark.line, mark.column), context: context?.text,
                                    contextAt: context.map { ($0.mark.line, $0.mark.column) })
            location = SourceLocation(file: file, line: placed.line, column: placed.column)
            self.problem = Self.tab(in: yaml, at: location) ? Self.tabHint + placed.problem : placed.problem
        case let .composer(_, problem, mark, _):
            location = at(mark)
            self.problem = Self.plain(problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            location = at(context.mark)
            problem = "duplicate key '\(duplicates.joined(separator: "', '"))'"
        case let .reader(problem, offset, _, yaml):
            location = offset.map { SourceLocation(text: yaml, characterOffset: $0, file: file) } ?? SourceLocation(file: file, line: 1, column: 1)
            self.problem = problem
        default:
            return nil
        }
    }

    /// The same for a failure of `YAMLEvents.parse` over `text`: the location and words Yams gives for it.
    /// Nil when the failure is not about the text (memory).
    init?(_ failure: YAMLParseFailure, text: String, file: String) {
        switch failure.stage {
        case .scanner, .parser:
            let placed = Self.place(problem: failure.problem, at: (failure.mark.line, failure.mark.column), context: failure.context,
                                    contextAt: failure.contextMark.map { ($0.line, $0.column) })
            location = SourceLocation(file: file, line: placed.line, column: placed.column)
            problem = Self.tab(in: text, at: location) ? Self.tabHint + placed.problem : placed.problem
        case .reader:
            // As Yams: the byte offset as a character offset, where it falls on a character.
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: failure.byteOffset, limitedBy: text.utf8.endIndex)?.samePosition(in: text)
            location = index.map { SourceLocation(text: text, characterOffset: text.distance(from: text.startIndex, to: $0), file: file) }
                ?? SourceLocation(file: file, line: 1, column: 1)
            problem = failure.problem
        case .other:
            return nil
        }
    }

    /// Where the mistake is. libyaml places an unclosed quote or bracket, or a key without its colon, where it gave
    /// up (the end of the file, the next key), often many lines below; its context names the place it opened: the
    /// error points there and says where reading stopped (Helm's own message names only the later line).
    static func place(problem: String, at mark: (line: Int, column: Int), context: String?, contextAt contextMark: (line: Int, column: Int)?)
        -> (line: Int, column: Int, problem: String) {
        let plain = Self.plain(problem)
        guard let context, let contextMark, contextMark != mark else { return (mark.line, mark.column, plain) }
        let opened: String
        switch context {
        case "while scanning a quoted scalar": opened = "the quoted value opened here is not closed"
        case "while parsing a flow sequence": opened = "the '[' opened here is not closed where expected"
        case "while parsing a flow mapping": opened = "the '{' opened here is not closed where expected"
        case "while scanning a simple key": opened = "this key has no ':' after it"
        default: return (mark.line, mark.column, plain)
        }
        return (contextMark.line, contextMark.column, "\(opened) (\(plain) at \(mark.line):\(mark.column))")
    }

    /// libyaml's messages, where they speak of its API rather than the file.
    static func plain(_ problem: String) -> String {
        if problem.hasPrefix("Maximum nesting level reached") { return "nested more than 1000 levels deep" }
        if problem == "mapping values are not allowed in this context" {
            return problem + " (a key indented more than the key above it reads as the rest of that key's value: check this line's indentation)"
        }
        // Both come where a line's indentation matches no mapping or list above it (a key one space off, a list
        // item at its key's column after other keys); libyaml and Helm name the line only.
        if problem == "did not find expected key" {
            return problem + " (this line starts in a column where no mapping above it has its keys, or is a list item among keys: check its indentation)"
        }
        if problem == "did not find expected '-' indicator" {
            return problem + " (a key among the items of a list: check this line's indentation, or start it with '- ')"
        }
        return problem
    }

    static let tabHint = "a tab character where YAML expects indentation or a value (YAML indents with spaces only; Helm refuses the file too): "

    /// Whether the character at `location` (1-based line and column, counted in characters) is a tab.
    static func tab(in text: String, at location: SourceLocation) -> Bool {
        var line = 1
        var index = text.startIndex
        while line < location.line, let newline = text[index...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            index = text.index(after: newline)
            line += 1
        }
        guard line == location.line, let at = text.index(index, offsetBy: location.column - 1, limitedBy: text.endIndex), at < text.endIndex else { return false }
        return text[at] == "\t"
    }
}

extension SourceLocation {
    /// The 1-based line and column of a character offset into `text`.
    init(text: String, characterOffset: Int, file: String) {
        var line = 1, column = 1
        for character in text.prefix(characterOffset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.init(file: file, line: line, column: column)
    }
}
