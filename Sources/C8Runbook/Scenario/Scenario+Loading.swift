import Foundation
import Yams

extension Scenario {
    /// The top-level keys of format version 1, in the order the documentation lists them.
    public static let keys = [
        "version", "title", "release", "chart", "valuesFiles", "regions", "secondaryStorage", "exporters",
        "messageCompression", "gatewayEnv", "identity", "optimize", "basicAuthUsers", "apiSecurity",
        "cluster", "connectors", "backupRepository", "plaintextSecrets", "customIndexPrefixes", "contextPath",
        "multiTenancy", "ingress",
    ]

    /// Scenario files are a few dozen lines; anything far larger is not a scenario.
    static let maximumFileSize = 1 << 20

    /// Reads and validates a scenario file.
    public static func load(contentsOf path: String) throws(ScenarioError) -> Scenario {
        let text = try InputFile.readText(at: path, maximumSize: maximumFileSize, what: "scenario")
        return try parse(yaml: text, file: path)
    }

    /// Parses and validates scenario YAML; `file` names the source in diagnostics.
    public static func parse(yaml: String, file: String) throws(ScenarioError) -> Scenario {
        do {
            return try ScenarioParser(file: file).parse(yaml)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw .unreadable(path: file, reason: "\(error)")
        }
    }
}

/// Turns Yams errors into `file:line:column` diagnostics.
extension ScenarioError {
    init(yamlError: any Error, file: String) {
        guard let error = yamlError as? YamlError else {
            self = .unreadable(path: file, reason: "\(yamlError)")
            return
        }
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            self = .syntax(at(mark), problem: Self.plain(problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            self = .syntax(at(context.mark), problem: "duplicate key '\(duplicates.joined(separator: "', '"))'")
        case let .reader(problem, offset, _, yaml):
            let location = offset.map { SourceLocation(text: yaml, characterOffset: $0, file: file) }
                ?? SourceLocation(file: file, line: 1, column: 1)
            self = .syntax(location, problem: problem)
        default:
            self = .unreadable(path: file, reason: "\(error)")
        }
    }
}

extension ScenarioError {
    /// An alias that would blow the composed tree up (found before Yams composes it).
    init(_ problem: AliasExpansion.Problem, file: String) {
        switch problem {
        case let .tooLarge(line, column, limit):
            self = .invalid(SourceLocation(file: file, line: line, column: column),
                            message: "aliases (*name) copy more than \(limit) nodes into this file; a scenario is a few dozen lines, write the values out")
        case let .tooDeep(line, column, limit):
            self = .invalid(SourceLocation(file: file, line: line, column: column),
                            message: "aliases (*name) nest this file more than \(limit) levels deep; write the values out")
        case let .anchorOrAlias(line, column):
            self = .invalid(SourceLocation(file: file, line: line, column: column), message: "anchors and aliases (&name, *name) are not allowed here")
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
