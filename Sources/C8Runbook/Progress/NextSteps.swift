/// What `next` shows: the required steps that can be carried out now — open, every prerequisite done — in the
/// runbook's order, both regions' copies of a step together, with their commands (`ProgressState.next`); or, with
/// `all`, every step that can be carried out now.
public struct NextSteps: Sendable, Codable, Equatable {
    public var phase: Phase?
    public var complete: Bool
    public var steps: [Step]
    /// Steps of that phase whose ticks are stale, among `steps`.
    public var stale: [String]
    /// The line to write into the change log, signed, before each irreversible step among `steps`, by step id
    /// (`Step.confirmation(in:)`); filled by `showing(_:)`, which knows the scenario.
    public var confirmations: [String: String] = [:]

    public init(state: ProgressState, region: Int? = nil, all: Bool = false) {
        steps = all ? state.ready.filter { region == nil || $0.region == nil || $0.region == region } : state.next(region: region)
        phase = steps.first?.phase
        complete = state.isComplete
        stale = steps.filter { state.entry($0.id)?.status == .stale }.map(\.id)
    }

    /// The same steps as `runbook` words them (the commands name the scenario file as the user typed it).
    public func showing(_ runbook: Runbook) -> NextSteps {
        var copy = self
        copy.steps = steps.map { runbook.step(id: $0.id) ?? $0 }
        copy.confirmations = Dictionary(uniqueKeysWithValues: copy.steps.compactMap { step in
            step.confirmation(in: runbook.scenario).map { (step.id, $0) }
        })
        return copy
    }
}
