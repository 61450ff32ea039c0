/// What `status` shows: done/total overall, per phase and per region, who ticked what and when, stale ticks and
/// what can be done next. Counts are of required steps; optional steps (remedies, optional checks) are counted
/// apart and never make a runbook incomplete.
public struct ProgressReport: Sendable, Codable, Equatable {
    public struct Count: Sendable, Codable, Equatable {
        public var done: Int
        public var total: Int
    }

    public struct PhaseCount: Sendable, Codable, Equatable {
        public var phase: Phase
        public var title: String
        public var done: Int
        public var total: Int
    }

    public struct RegionCount: Sendable, Codable, Equatable {
        /// 0 or 1; nil for the steps done once for both regions.
        public var region: Int?
        public var kubeContext: String?
        public var namespace: String?
        public var done: Int
        public var total: Int
    }

    public struct StepLine: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var phase: Phase
        public var region: Int?
        public var required: Bool
        public var status: ProgressState.Status
        /// The tick behind `done` or `stale`.
        public var tick: ProgressEvent?
        public var staleReason: ProgressState.StaleReason?
    }

    public struct StaleTick: Sendable, Codable, Equatable {
        public var step: String
        public var reason: ProgressState.StaleReason
        public var tick: ProgressEvent
    }

    public var progressFile: String
    /// The fingerprint of the runbook in hand, and the one the file was last written against (nil: no file yet).
    public var runbookFingerprint: String
    public var recordedFingerprint: String?
    public var events: Int
    public var required: Count
    public var optional: Count
    public var complete: Bool
    public var phases: [PhaseCount]
    public var regions: [RegionCount]
    public var steps: [StepLine]
    public var stale: [StaleTick]
    /// The ids `next` would show.
    public var next: [String]
    /// Events whose times are later than the clock, or earlier than the event before them (the first twenty), and
    /// how many in all.
    public var timeIssues: [ProgressLog.TimeIssue]
    public var timeIssueCount: Int
    /// Steps whose last event is an untick (with its note), in runbook order.
    public var reopened: [ProgressEvent]

    /// `hasFile` false: nothing has been recorded yet.
    public init(state: ProgressState, progressFile: String, hasFile: Bool) {
        let runbook = state.runbook
        func count(_ steps: [Step]) -> (done: Int, total: Int) {
            (steps.filter { state.isDone($0.id) }.count, steps.count)
        }
        let required = runbook.steps.filter(\.required)
        let optional = runbook.steps.filter { !$0.required }
        self.progressFile = progressFile
        self.runbookFingerprint = runbook.fingerprint
        self.recordedFingerprint = hasFile ? state.log.runbookFingerprint : nil
        self.events = state.log.count
        self.timeIssues = state.log.timeIssues
        self.timeIssueCount = state.log.timeIssueCount
        self.reopened = runbook.steps.compactMap { step in
            guard let event = state.log.latest[step.id], event.action == .untick else { return nil }
            return event
        }
        self.required = Count(done: count(required).done, total: required.count)
        self.optional = Count(done: count(optional).done, total: optional.count)
        self.complete = state.isComplete
        self.phases = runbook.phases.compactMap { phase in
            let steps = phase.steps.filter(\.required)
            guard !steps.isEmpty else { return nil }
            return PhaseCount(phase: phase.phase, title: phase.title, done: count(steps).done, total: steps.count)
        }
        let regionIDs: [Int?] = runbook.scenario.regions.map(\.id) + [nil]
        self.regions = regionIDs.compactMap { id in
            let steps = required.filter { $0.region == id }
            guard !steps.isEmpty else { return nil }
            let region = id.flatMap { id in runbook.scenario.regions.first { $0.id == id } }
            return RegionCount(region: id, kubeContext: region?.kubeContext, namespace: region?.namespace,
                               done: count(steps).done, total: steps.count)
        }
        self.steps = runbook.steps.map { step in
            let entry = state.entry(step.id)
            return StepLine(id: step.id, title: step.title, phase: step.phase, region: step.region, required: step.required,
                            status: entry?.status ?? .open, tick: entry?.tick, staleReason: entry?.staleReason)
        }
        self.stale = state.staleTicks.map { StaleTick(step: $0.step, reason: $0.reason, tick: $0.tick) }
        self.next = state.next().map(\.id)
    }

    public var fingerprintMatches: Bool { recordedFingerprint.map { $0 == runbookFingerprint } ?? true }
}
