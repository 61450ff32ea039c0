/// The progress file: which runbook it was last written for, and the append-only log of ticks and unticks.
/// The current state of every step is derived from the log (`ProgressState`); the log is never rewritten.
public struct ProgressFile: Sendable, Equatable {
    /// The format this version of the tool reads and writes. A file with a larger version is refused, not rewritten.
    public static let formatVersion = 1
    /// The file name used when `--progress` is not given: beside the scenario, or in the current directory.
    public static let defaultFileName = "c8runbook-progress.json"

    public var formatVersion: Int
    /// `Runbook.fingerprint` of the runbook the file was last written against.
    public var runbookFingerprint: String
    public var events: [ProgressEvent]

    public init(runbookFingerprint: String, events: [ProgressEvent] = []) {
        self.formatVersion = Self.formatVersion
        self.runbookFingerprint = runbookFingerprint
        self.events = events
    }
}
