/// Where every step of a runbook stands, derived from the progress log: the last event for a step decides. A tick
/// counts only while the step still reads as it did when it was ticked (same content hash); otherwise it is stale.
public struct ProgressState: Sendable {
    public enum Status: String, Sendable, Codable {
        case open, done, stale
    }

    public enum StaleReason: String, Sendable, Codable {
        /// The step's content (title, body, commands, blocks, notes) changed since it was ticked.
        case changed
        /// The step is no longer in the runbook.
        case removed
    }

    public struct Entry: Sendable, Equatable {
        public var status: Status
        /// The tick that makes the step done, or the stale tick.
        public var tick: ProgressEvent?
        public var staleReason: StaleReason?
    }

    public let runbook: Runbook
    public let log: ProgressLog
    /// Every step of the runbook, by id.
    public let entries: [String: Entry]
    /// Ticks of steps that are gone from the runbook, by step id.
    public let removed: [ProgressEvent]
    let stepsByID: [String: Step]

    /// `hashes` are the steps' content hashes by id, when the caller has them already (they cost a pass over every
    /// step's text).
    public init(runbook: Runbook, file: ProgressFile, hashes: [String: String]? = nil) {
        self.init(runbook: runbook, log: ProgressLog(file), hashes: hashes)
    }

    public init(runbook: Runbook, log: ProgressLog, hashes: [String: String]? = nil) {
        let hashes = hashes ?? Self.hashes(of: runbook)
        let last = log.latest  // The last event of each step in log order, which is the order under the lock.
        let steps = Dictionary(runbook.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [String: Entry] = [:]
        for step in runbook.steps {
            guard let event = last[step.id], event.action == .tick else {
                entries[step.id] = Entry(status: .open, tick: nil, staleReason: nil)
                continue
            }
            entries[step.id] = event.contentHash == hashes[step.id]
                ? Entry(status: .done, tick: event, staleReason: nil)
                : Entry(status: .stale, tick: event, staleReason: .changed)
        }
        self.runbook = runbook
        self.log = log
        self.entries = entries
        self.stepsByID = steps
        self.removed = last.values.filter { $0.action == .tick && steps[$0.step] == nil }.sorted { $0.step < $1.step }
    }

    /// Every step's content hash, by id.
    public static func hashes(of runbook: Runbook) -> [String: String] {
        Dictionary(runbook.steps.map { ($0.id, $0.contentHash) }, uniquingKeysWith: { first, _ in first })
    }

    public func entry(_ id: String) -> Entry? { entries[id] }

    public func step(_ id: String) -> Step? { stepsByID[id] }

    public func isDone(_ id: String) -> Bool { entries[id]?.status == .done }

    /// Ticks that no longer count: the step changed or disappeared. In runbook order, removed steps last.
    public var staleTicks: [(step: String, tick: ProgressEvent, reason: StaleReason)] {
        runbook.steps.compactMap { step in
            guard let entry = entries[step.id], entry.status == .stale, let tick = entry.tick else { return nil }
            return (step.id, tick, .changed)
        } + removed.map { ($0.step, $0, .removed) }
    }

    /// Whether the runbook the file was last written against is the one in hand.
    public var fingerprintMatches: Bool { log.runbookFingerprint.map { $0 == runbook.fingerprint } ?? true }
}
