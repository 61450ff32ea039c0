extension NextSteps {
    /// Text for the terminal, with what the Markdown and HTML runbooks say about each step that matters at the
    /// keyboard: its id and title; where it runs, its rules and its danger class (`read-only`, `changes a cluster`,
    /// `IRREVERSIBLE`); for an irreversible step the line to write into the change log first; its prose (what the
    /// commands' output must show); its commands verbatim
    /// (they may be heredocs, so they are not indented), each run of them under a `# …` comment line when the
    /// runbook labels it (a port-forward in a second terminal, a change of danger class), so that pasting the label
    /// too is harmless; its blocks (values snippets, expected output, PromQL) fenced with their language and file;
    /// its notes (warnings, corrections of the guide, inferences). It ends with the `tick` command for the lot.
    /// `options` are the words that command needs to find the same scenario and progress file
    /// (`--scenario payments.yml`). Same input, same bytes.
    public func text(scenario: Scenario, options: [String] = []) -> String {
        let status = (["c8runbook status"] + options.map(ShellWord.quote)).joined(separator: " ")
        if complete { return "Every required step is done. '\(status)' shows who did what.\n" }
        guard let phase, !steps.isEmpty else {
            return "Nothing can be done now: every open step waits for another one. '\(status)' shows the open steps.\n"
        }
        // With --all the steps may span phases: each is named, in the runbook's order.
        var phases: [Phase] = [phase]
        for step in steps where !phases.contains(step.phase) { phases.append(step.phase) }
        var lines = ["Next (\(phases.map(\.rawValue).joined(separator: ", "))): \(steps.count == 1 ? "1 step" : "\(steps.count) steps")"]
        for step in steps {
            lines.append("")
            lines += Self.text(of: step, scenario: scenario, stale: stale.contains(step.id))
        }
        lines.append("")
        lines.append("When done: " + (["c8runbook tick"] + options.map(ShellWord.quote) + steps.map(\.id)).joined(separator: " "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One step's lines, without the blank line before it.
    static func text(of step: Step, scenario: Scenario, stale: Bool) -> [String] {
        var lines = ["== \(step.id): \(step.title)"]
        let place = step.region.flatMap { id in scenario.regions.first { $0.id == id } }
            .map { "region \($0.id) (\($0.kubeContext) / \($0.namespace))" } ?? "once, for both regions"
        lines.append("   \(place); rules \(step.rules.joined(separator: ", ")); \(mark(step.danger))"
            + (stale ? "; ticked before, but the step changed since" : ""))
        if let confirmation = step.confirmation(in: scenario) {
            lines.append("   IRREVERSIBLE: this step cannot be undone. Before you run it, write this line into the change log, signed:")
            lines.append("   \(confirmation)")
        }
        // The prose first, also above commands: it says what their output must show ("Expect 8 brokers").
        lines.append("")
        lines.append(step.body)
        for group in CommandGroup.groups(of: step) {
            for (index, command) in group.commands.enumerated() {
                lines.append("")
                if index == 0, let label = group.label { lines.append("# \(label):") }
                lines.append(command)
            }
        }
        for block in step.blocks {
            lines.append("")
            if let file = block.file { lines.append("In \(file):") }
            if let label = block.label { lines.append("\(label):") }
            let fence = MarkdownText.fence(for: block.content)
            lines.append(fence + block.language)
            lines.append(block.content.hasSuffix("\n") ? String(block.content.dropLast()) : block.content)
            lines.append(fence)
        }
        for note in step.notes {
            lines.append("")
            lines.append(note.kind.label + (note.reference.map { " (\($0))" } ?? "") + ": " + note.text)
        }
        return lines
    }

    /// The danger class on a step's line; an irreversible step in capitals, as the HTML page shows it.
    static func mark(_ danger: Danger) -> String {
        danger == .irreversible ? danger.label.uppercased() : danger.label
    }
}
