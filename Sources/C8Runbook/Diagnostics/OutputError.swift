/// Why an output could not be written. A file that cannot be written is exit 73; standard output (or error) that is
/// closed or full is exit 74.
public enum OutputError: DiagnosticError, Equatable {
    /// The target cannot be written or replaced; `reason` is `strerror` text or the refusal.
    case cannotWrite(path: String, reason: String)
    /// The target is a file this same command reads (same device and inode): writing it would destroy the input.
    case isInput(path: String, input: String)
    /// Standard output (`<stdout>`) or another inherited descriptor failed (`EPIPE`, `ENOSPC`, `EBADF`).
    case stream(name: String, reason: String)

    public var exitStatus: ExitStatus {
        switch self {
        case .cannotWrite, .isInput: .cannotCreate
        case .stream: .ioError
        }
    }

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): "\(path): error: cannot write: \(reason)"
        case let .isInput(path, input):
            "\(path): error: refusing to write: it is '\(input)', an input of this command; choose another output file"
        case let .stream(name, reason): "\(name): error: cannot write: \(reason)"
        }
    }
}
