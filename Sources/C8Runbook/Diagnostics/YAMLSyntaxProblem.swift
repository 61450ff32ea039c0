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
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
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
            location = SourceLocation(file: file, line: failure.mark.line, column: failure.mark.column)
            problem = Self.plain(failure.problem)
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

    /// libyaml's messages, where they speak of its API rather than the file.
    static func plain(_ problem: String) -> String {
        problem.hasPrefix("Maximum nesting level reached") ? "nested more than 1000 levels deep" : problem
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
