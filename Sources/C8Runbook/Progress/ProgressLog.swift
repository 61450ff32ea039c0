/// What the commands need of a progress log, without holding every event: the deployment and scenario it records,
/// the number of events, the last event of each step (which decides the step's state), the runbook the last event
/// was recorded against, events whose times look wrong, and the events appended since it was read.
/// `ProgressStore.scan` reads it from disk in one pass over the bytes; `init(_:)` makes it from a whole file.
public struct ProgressLog: Sendable {
    /// An event whose time is later than the reading clock, or earlier than the event before it (a machine with a
    /// wrong clock, or a hand edit): reported by `status`, never corrected.
    public struct TimeIssue: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable { case future, outOfOrder }
        public var kind: Kind
        /// 1-based line of the log (the header is line 1); for a version-1 file, the event's index + 2.
        public var line: Int
        public var step: String
        public var at: String
        /// The time of the event before it (outOfOrder), or the reading clock's time (future).
        public var reference: String
    }

    /// The version the file was read as: 1 until the first write converts it.
    public internal(set) var formatVersion: Int
    public internal(set) var deployment: ProgressDeployment?
    /// The absolute path of the scenario file the log was started with; nil: the built-in example, or unknown in a
    /// version-1 file (`formatVersion` 1).
    public internal(set) var scenario: String?
    public private(set) var count: Int
    /// The last event of every step that has one, by step id.
    public private(set) var latest: [String: ProgressEvent]
    /// The fingerprint of the runbook the last event was recorded against (nil: no event, or a converted one).
    public internal(set) var runbookFingerprint: String?
    /// The first twenty time issues, in log order, and how many there are in all.
    public internal(set) var timeIssues: [TimeIssue] = []
    public internal(set) var timeIssueCount = 0
    /// Events appended since the log was read, in order.
    public private(set) var appended: [ProgressEvent] = []

    /// Set by the store: bytes up to the end of the last complete line, and the bytes of a torn last line after it.
    var completeLength = 0
    var tornLength = 0
    /// A version-1 file as read, for its conversion by the first write.
    var version1: ProgressFile?

    /// An empty log for a deployment.
    public init(deployment: ProgressDeployment?, scenario: String?) {
        self.formatVersion = ProgressFile.formatVersion
        self.deployment = deployment
        self.scenario = scenario
        self.count = 0
        self.latest = [:]
    }

    /// The log of a whole file. `now` (the log's time format) reports events later than it.
    public init(_ file: ProgressFile, now: String? = nil) {
        self.init(deployment: file.deployment, scenario: file.scenario)
        formatVersion = file.formatVersion
        var previous: String?
        for (index, event) in file.events.enumerated() {
            latest[event.step] = event
            noteTime(event.at, step: event.step, line: index + 2, previous: previous, now: now)
            previous = event.at
        }
        count = file.events.count
        runbookFingerprint = file.events.last.map { $0.runbook ?? file.runbookFingerprint } ?? file.runbookFingerprint
    }

    /// Records `event` as the newest.
    public mutating func append(_ event: ProgressEvent) {
        latest[event.step] = event
        count += 1
        appended.append(event)
        runbookFingerprint = event.runbook ?? runbookFingerprint
    }

    mutating func set(latest event: ProgressEvent) { latest[event.step] = event }

    mutating func set(count: Int) { self.count = count }

    mutating func noteTime(_ at: String, step: String, line: Int, previous: String?, now: String?) {
        if let now, at > now {
            record(TimeIssue(kind: .future, line: line, step: step, at: at, reference: now))
        } else if let previous, at < previous {
            record(TimeIssue(kind: .outOfOrder, line: line, step: step, at: at, reference: previous))
        }
    }

    mutating func record(_ issue: TimeIssue) {
        timeIssueCount += 1
        if timeIssues.count < 20 { timeIssues.append(issue) }
    }
}
