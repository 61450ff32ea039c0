/// One thing `c8runbook values` did to a file, or left alone on purpose, with the rule that asks for it and where the
/// input said it. Messages name keys and env variable names, never values of secret-like keys.
public struct ValuesChange: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case added, removed, moved, renamed, changed
        /// Left as the team wrote it although Camunda's own 8.8 files differ (not rule-driven, rules.md §D class b/c).
        case kept
        /// Kept or moved, but the tool has no rule for it: a reviewer should look.
        case review
        /// A comment of the input that is not in the output.
        case commentLost = "comment-lost"
    }

    /// The output file, relative to the output folder.
    public var file: String
    /// The key path in the 8.8 file (for removals, in the 8.7 file).
    public var path: String
    public var kind: Kind
    /// The rule of rules.md §B, such as `R16`; nil for review notes.
    public var rule: String?
    /// Where the input says it.
    public var source: SourceLocation?
    public var message: String

    public init(file: String, path: String, kind: Kind, rule: String?, source: SourceLocation?, message: String) {
        self.file = file
        self.path = path
        self.kind = kind
        self.rule = rule
        self.source = source
        self.message = message
    }
}
