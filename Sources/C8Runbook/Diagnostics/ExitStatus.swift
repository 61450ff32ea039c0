/// The process exit codes the tool uses, after BSD `sysexits.h`, so that scripts can tell failures apart.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// A required step is still open (`status --require-complete`).
    case incomplete = 3
    /// The command line was wrong.
    case usage = 64
    /// An input file was read but its content is invalid.
    case dataError = 65
    /// An input file does not exist or cannot be opened.
    case noInput = 66
    /// The tool itself went wrong (the values verifier caught a rewrite that breaks an invariant).
    case internalSoftware = 70
    /// An output file could not be written.
    case cannotCreate = 73
    /// Standard output could not be written: a closed pipe (`EPIPE`) or a full device (`ENOSPC`).
    case ioError = 74
}

/// An error that the command line reports as one line on standard error and an exit code.
public protocol DiagnosticError: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}
