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
    }

    private let marks: [String: Mark]

    public init(state: ProgressState) {
        var marks: [String: Mark] = [:]
        for (id, entry) in state.entries {
            guard let tick = entry.tick, entry.status != .open else { continue }
            marks[id] = Mark(done: entry.status == .done, by: tick.by, at: tick.at, forced: tick.forced, note: tick.note)
        }
        self.marks = marks
    }

    /// The tick of a step, done or stale; nil when the step is open.
    public subscript(step: String) -> Mark? { marks[step] }
}

extension ProgressMarks {
    /// The ticks in a progress file for `runbook`; a missing file is an error here (the user named it).
    public static func load(_ path: String, runbook: Runbook) throws(ProgressError) -> ProgressMarks {
        guard let file = try ProgressStore(path: path).load() else { throw .missing(path: path) }
        return ProgressMarks(state: ProgressState(runbook: runbook, file: file))
    }
}
