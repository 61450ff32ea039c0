/// An invariant the 8.8 values `c8runbook values` would write does not hold (issue 9 item 7). Nothing is written.
/// Names the file, the region whose effective values break it, the key and the rule; never a value of the files.
public struct ValuesVerificationError: DiagnosticError, Equatable {
    /// Whether the input causes it (exit 65) or the tool's own rewrite does (exit 70, a bug to report).
    public enum Fault: Sendable, Equatable {
        case input, tool
    }

    /// The output file (relative to the out-dir), with a position when the check can name one.
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The region whose effective values (base, then its overlay) break the invariant; nil for a file-level check.
    public var region: Int?
    public var key: String
    /// The rule of rules.md that the invariant stands for (`R13`), or the check's name (`V-PORTS`).
    public var rule: String
    public var message: String
    public var fault: Fault

    public var exitStatus: ExitStatus { fault == .input ? .dataError : .internalSoftware }
}

extension ValuesVerificationError: CustomStringConvertible {
    public var description: String {
        let place = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
        let region = region.map { "region \($0): " } ?? ""
        let suffix = fault == .tool ? " (this is a c8runbook bug: please report it with the input files' layout)" : ""
        return "\(place): error: \(region)'\(key)' (\(rule)): \(message); nothing was written\(suffix)"
    }
}
