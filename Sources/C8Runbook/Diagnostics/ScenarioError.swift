/// Everything that can be wrong with a scenario file. Every case names the file; content errors name line and column.
public enum ScenarioError: DiagnosticError, Equatable {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but cannot be read (permissions, a directory, not UTF-8).
    case unreadable(path: String, reason: String)
    /// The YAML itself is malformed.
    case syntax(SourceLocation, problem: String)
    /// The YAML is well formed but says something the scenario format does not allow.
    case invalid(SourceLocation, message: String)

    public var exitStatus: ExitStatus {
        switch self {
        case .fileNotFound: .noInput
        case .unreadable, .syntax, .invalid: .dataError
        }
    }
}

extension ScenarioError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .fileNotFound(path): "\(path): error: no such file"
        case let .unreadable(path, reason): "\(path): error: cannot read scenario: \(reason)"
        case let .syntax(location, problem): "\(location): error: malformed YAML: \(problem)"
        case let .invalid(location, message): "\(location): error: \(message)"
        }
    }
}
