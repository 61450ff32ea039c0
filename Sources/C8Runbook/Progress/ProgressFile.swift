/// A progress log held whole in memory: the deployment it tracks, the scenario it was started with, and the
/// append-only log of ticks and unticks. Commands read logs with `ProgressStore.scan` (`LogScanner`) instead, which
/// keeps only the last event of each step; this type is for conversion, tests and fuzzing. The current state of every step is
/// derived from the log (`ProgressState`); an event is never rewritten.
///
/// On disk (format version 2, JSON Lines): a header line
/// `{"deployment":{"regions":[{"kubeContext":…,"namespace":…},…],"release":…,"storage":…},"formatVersion":2,"scenario":…}`
/// then one event per line (`{"action":…,"at":…,"by":…,"contentHash":…,"forced":…,"host":…,"note":…,"runbook":…,"step":…}`),
/// keys sorted, each line ended by a line feed. A last line without its line feed is a write cut short by a crash:
/// readers ignore it and the next writer cuts it. Version-1 files (one pretty JSON object) are read and converted to
/// version 2 by the first write.
public struct ProgressFile: Sendable, Equatable {
    /// The format this version of the tool writes. A file with a larger version is refused, not rewritten.
    public static let formatVersion = 2
    /// The file name used when `--progress` is not given: beside the scenario, or in the current directory.
    public static let defaultFileName = "c8runbook-progress.json"

    /// The version the file was read as (1 for a file not yet converted).
    public var formatVersion: Int
    /// nil in a file converted from version 1 without a scenario, or made by a test.
    public var deployment: ProgressDeployment?
    /// The absolute path of the scenario file the log was started with; nil: the built-in example.
    public var scenario: String?
    /// `Runbook.fingerprint` of the runbook the file was last written against (the last event's).
    public var runbookFingerprint: String
    public var events: [ProgressEvent]

    public init(runbookFingerprint: String, events: [ProgressEvent] = [], deployment: ProgressDeployment? = nil, scenario: String? = nil) {
        self.formatVersion = Self.formatVersion
        self.runbookFingerprint = runbookFingerprint
        self.events = events
        self.deployment = deployment
        self.scenario = scenario
    }
}
