import Foundation

/// Turns `tick` and `untick` requests into events, with the guardrails: unknown step ids are refused with the
/// closest ids, and a tick whose prerequisites are open is refused unless forced (and then recorded as forced).
/// All ids of one request are checked before anything is appended: a request is recorded whole or not at all.
public struct ProgressRecorder: Sendable {
    public let runbook: Runbook
    public let clock: ProgressClock
    public let host: String
    let hashes: [String: String]

    public init(runbook: Runbook, clock: ProgressClock = .system, host: String) {
        self.runbook = runbook
        self.hashes = ProgressState.hashes(of: runbook)
        self.clock = clock
        self.host = host
    }

    public struct Request: Sendable {
        public var action: ProgressEvent.Action
        public var steps: [String]
        public var by: String
        public var note: String?
        public var force: Bool
        /// The scenario still holds `TODO-` placeholders and `force` overrides them: ticks are recorded as forced.
        public var placeholders = false

        public init(action: ProgressEvent.Action, steps: [String], by: String, note: String? = nil, force: Bool = false) {
            self.action = action
            self.steps = steps
            self.by = by
            self.note = note
            self.force = force
        }
    }

    /// What happened to one step id of a request.
    public enum Outcome: Sendable, Equatable {
        /// Appended; `previous` is the tick it replaces (a re-tick) or undoes (an untick).
        case recorded(ProgressEvent, previous: ProgressEvent?, overridden: [OpenPrerequisite])
        /// Nothing to undo: the step was not ticked.
        case notTicked(step: String)
    }

    /// Appends the request's events to `file`, or throws and leaves it as it was.
    public func apply(_ request: Request, to file: inout ProgressFile) throws(ProgressError) -> [Outcome] {
        var log = ProgressLog(file)
        let outcomes = try apply(request, to: &log)
        file.events += log.appended
        return outcomes
    }

    /// Appends the request's events to `log`, or throws and leaves it as it was.
    public func apply(_ request: Request, to log: inout ProgressLog) throws(ProgressError) -> [Outcome] {
        try Self.check(by: request.by, note: request.note)
        var ids = request.steps.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        // Ticks in the runbook's order, so that steps done together (both regions' helm upgrades) satisfy each other.
        let order = Dictionary(runbook.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        if request.action == .tick { ids.sort { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) } }
        var working = log
        var outcomes: [Outcome] = []
        for id in ids {
            let state = ProgressState(runbook: runbook, log: working, hashes: hashes)
            let ticked = state.entry(id)?.tick ?? state.removed.first { $0.step == id }
            guard let step = state.step(id) else {
                // A step gone from the runbook can still be unticked, to clear its stale tick.
                if request.action == .untick, let ticked {
                    working.append(event(.untick, id, hash: ticked.contentHash, request, forced: false))
                    outcomes.append(.recorded(working.appended.last!, previous: ticked, overridden: []))
                    continue
                }
                throw .unknownStep(id: id, suggestions: Suggestion.ranked(id, runbook.steps.map(\.id)))
            }
            switch request.action {
            case .tick:
                let open = state.openPrerequisites(of: step)
                if !open.isEmpty && !request.force { throw .blocked(step: id, prerequisites: open) }
                working.append(event(.tick, id, hash: hashes[id] ?? step.contentHash, request, forced: !open.isEmpty || request.placeholders))
                outcomes.append(.recorded(working.appended.last!, previous: ticked, overridden: open))
            case .untick:
                guard let ticked else {
                    outcomes.append(.notTicked(step: id))
                    continue
                }
                working.append(event(.untick, id, hash: hashes[id] ?? step.contentHash, request, forced: false))
                outcomes.append(.recorded(working.appended.last!, previous: ticked, overridden: []))
            }
        }
        log = working
        return outcomes
    }

    private func event(_ action: ProgressEvent.Action, _ step: String, hash: String, _ request: Request, forced: Bool) -> ProgressEvent {
        ProgressEvent(action: action, step: step, contentHash: hash, by: request.by, at: clock.timestamp(), host: host,
                      note: request.note, forced: forced)
    }

    /// Names and notes are single lines of printable text: they end up in Markdown, HTML and terminals.
    static func check(by: String, note: String?) throws(ProgressError) {
        func printable(_ text: String) -> Bool { !text.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        let name = by.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { throw .badValue(option: "--by", reason: "empty; give the name of who did the step") }
        if name.count > 100 || !printable(by) { throw .badValue(option: "--by", reason: "must be one line of at most 100 printable characters") }
        if let note, note.count > 1000 || !printable(note) {
            throw .badValue(option: "--note", reason: "must be one line of at most 1000 printable characters")
        }
    }
}
