/// Everything that can be wrong with the values files `init` and `values` read, or with writing their results.
/// Every case names the file; content errors name line and column. No case ever carries a value from the files
/// (values may be secrets): only key paths, file names and positions.
public enum ValuesError: DiagnosticError, Equatable {
    /// An input file does not exist.
    case fileNotFound(path: String)
    /// An input file exists but cannot be read (permissions, a directory, not UTF-8, too large).
    case unreadable(path: String, reason: String)
    /// The YAML itself is malformed.
    case syntax(SourceLocation, problem: String)
    /// Well-formed YAML that a Helm values file cannot be, or that contradicts another input (two overlays
    /// claiming one region id, a file given as region 0 saying `regionId: 1`).
    case invalid(SourceLocation, message: String)
    /// The values do not say enough, or say contradictory things, to infer a loadable scenario.
    case cannotInfer(SourceLocation, message: String)
    /// The output folder or a file in it could not be written.
    case cannotWrite(path: String, reason: String)
    /// Standard output could not take the report of what is written (`values --diff` into a closed pipe or a full
    /// device); the files were staged but none was renamed in, so `directory` is as it was.
    case reportNotDelivered(directory: String, reason: String)

    public var exitStatus: ExitStatus {
        switch self {
        case .fileNotFound: .noInput
        case .unreadable, .syntax, .invalid, .cannotInfer: .dataError
        case .cannotWrite: .cannotCreate
        case .reportNotDelivered: .ioError
        }
    }
}

extension ValuesError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .fileNotFound(path): "\(path): error: no such file"
        case let .unreadable(path, reason): "\(path): error: cannot read values file: \(reason)"
        case let .syntax(location, problem): "\(location): error: malformed YAML: \(problem)"
        case let .invalid(location, message): "\(location): error: \(message)"
        case let .cannotInfer(location, message): "\(location): error: cannot infer the scenario: \(message)"
        case let .cannotWrite(path, reason): "\(path): error: cannot write: \(reason)"
        case let .reportNotDelivered(directory, reason):
            "<stdout>: error: cannot write the diff: \(reason); nothing was written to '\(directory)'"
        }
    }
}
