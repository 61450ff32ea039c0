import Foundation

extension Scenario {
    /// The top-level keys of format version 1, in the order the documentation lists them.
    public static let keys = [
        "version", "title", "release", "chart", "valuesFiles", "regions", "secondaryStorage", "exporters",
        "messageCompression", "gatewayEnv", "identity", "identityProvider", "optimize", "basicAuthUsers", "apiSecurity",
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
        if let syntax = YAMLSyntaxProblem(yamlError, file: file) {
            self = .syntax(syntax.location, problem: syntax.problem)
        } else {
            self = .unreadable(path: file, reason: "\(yamlError)")
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
        }
    }
}
