/// What `next` shows: the required steps that can be carried out now — open, every prerequisite done — in the
/// runbook's order, both regions' copies of a step together, with their commands (`ProgressState.next`); or, with
/// `all`, every step that can be carried out now.
public struct NextSteps: Sendable, Codable, Equatable {
    public var phase: Phase?
    public var complete: Bool
    public var steps: [Step]
    /// Steps of that phase whose ticks are stale, among `steps`.
    public var stale: [String]

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
        return copy
    }

    /// Text for the terminal: each step's id, title, where, and its commands verbatim (they may be heredocs, so they
    /// are not indented), ending with the `tick` command for the lot. `options` are the words that command needs
    /// to find the same scenario and progress file (`--scenario payments.yml`).
    public func text(scenario: Scenario, options: [String] = []) -> String {
        if complete { return "Every required step is done. 'c8runbook status' shows who did what.\n" }
        guard let phase, !steps.isEmpty else {
            return "Nothing can be done now: every open step waits for another one. 'c8runbook status' shows the open steps.\n"
        }
        var lines = ["Next (\(phase.rawValue)): \(steps.count == 1 ? "1 step" : "\(steps.count) steps")"]
        for step in steps {
            lines.append("")
            lines.append("== \(step.id): \(step.title)")
            let place = step.region.flatMap { id in scenario.regions.first { $0.id == id } }
                .map { "region \($0.id) (\($0.kubeContext) / \($0.namespace))" } ?? "once, for both regions"
            lines.append("   \(place); rules \(step.rules.joined(separator: ", "))"
                + (stale.contains(step.id) ? "; ticked before, but the step changed since" : ""))
            if step.commands.isEmpty {
                lines.append("")
                lines.append(step.body)
            } else {
                for command in step.commands {
                    lines.append("")
                    lines.append(command)
                }
            }
        }
        lines.append("")
        lines.append("When done: " + (["c8runbook tick"] + options.map(ShellWord.quote) + steps.map(\.id)).joined(separator: " "))
        return lines.joined(separator: "\n") + "\n"
    }
}
