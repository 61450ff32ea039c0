/// Ticks by step id, for renderers: `generate --progress` shows each step ticked or not, with who and when.
public struct ProgressMarks: Sendable, Equatable {
    public struct Mark: Sendable, Equatable {
        /// True for a tick that counts; false for a stale one (the step changed since it was ticked).
        public var done: Bool
        public var by: String
        /// UTC, ISO 8601.
        public var at: String
        public var forced: Bool
        public var note: String?
        /// For an open step whose last event is an untick: that untick (`by`, `at` and `note` are its own).
        public var reopened: Bool = false
    }

    private let marks: [String: Mark]

    public init(state: ProgressState) {
        var marks: [String: Mark] = [:]
        for (id, entry) in state.entries {
            guard let tick = entry.tick, entry.status != .open else {
                if let untick = state.log.latest[id], untick.action == .untick, untick.note != nil {
                    marks[id] = Mark(done: false, by: untick.by, at: untick.at, forced: false, note: untick.note, reopened: true)
                }
                continue
            }
            marks[id] = Mark(done: entry.status == .done, by: tick.by, at: tick.at, forced: tick.forced, note: tick.note)
        }
        self.marks = marks
    }

    /// Marks as given, by step id.
    init(marks: [String: Mark]) {
        self.marks = marks
    }

    /// The tick of a step, done or stale, or the untick (with a note) that reopened it; nil when the step is open.
    public subscript(step: String) -> Mark? { marks[step] }
}

extension ProgressMarks {
    /// The ticks in a progress log for `runbook`; a missing file is an error here (the user named it), and so is
    /// the log of another deployment. `scenario` names the scenario file in that error.
    public static func load(_ path: String, runbook: Runbook, scenario: String?) throws(ProgressError) -> ProgressMarks {
        guard let log = try ProgressStore(path: path).scan() else { throw .missing(path: path) }
        let deployment = ProgressDeployment(runbook.scenario)
        if let recorded = log.deployment, recorded != deployment {
            throw .otherDeployment(path: path, recorded: recorded, scenario: scenario, given: deployment)
        }
        return ProgressMarks(state: ProgressState(runbook: runbook, log: log))
    }
}
