/// The GFM runbook: the `runbook` template over a view of the runbook. Each step gets a task-list checkbox
/// and its id; commands and blocks are fenced; guide corrections and inferences are quoted callouts.
public struct MarkdownRenderer: Sendable {
    public let templates: TemplateSet
    /// Ticks to show (`generate --progress`); nil renders every box empty.
    public let progress: ProgressMarks?

    public init(templates: TemplateSet = .embedded, progress: ProgressMarks? = nil) {
        self.templates = templates
        self.progress = progress
    }

    public func render(_ runbook: Runbook) -> String {
        templates.render("runbook", RunbookView(runbook: runbook, progress: progress).values).trimmed + "\n"
    }
}

/// The values the page templates see: Markdown-safe text, numbered phases and steps.
struct RunbookView {
    let runbook: Runbook
    var progress: ProgressMarks? = nil

    var values: [String: Any] {
        let s = runbook.scenario
        let prerequisites = runbook.immediatePrerequisites
        var stepNumber = 0
        let phases = runbook.phases.enumerated().map { index, phase -> [String: Any] in
            let steps = phase.steps.enumerated().map { offset, step -> [String: Any] in
                stepNumber += 1
                return stepValues(step, number: "\(index + 1).\(offset + 1)", prerequisites: prerequisites[step.id] ?? [])
            }
            return [
                "number": index + 1,
                "title": phase.title,
                "summary": phase.summary,
                "phase": phase.phase.rawValue,
                "anchor": HeadingAnchor.slug("\(index + 1). \(phase.title)"),
                "stepCount": phase.steps.count,
                "optionalCount": phase.steps.filter { !$0.required }.count,
                "hasOptional": phase.steps.contains { !$0.required },
                "steps": steps,
            ]
        }
        return [
            "title": s.title.map(MarkdownText.escape) ?? "",
            "hasTitle": s.title != nil,
            "release": s.release,
            "chartFrom": s.chart.from,
            "chartTo": s.chart.to,
            "region0": regionValues(s.region0, s),
            "region1": regionValues(s.region1, s),
            "storage": s.storageName,
            "layout": s.secondaryStorage.layout.rawValue,
            "provisioning": s.secondaryStorage.provisioning.rawValue,
            "management": s.exporters.management.rawValue,
            "legacyIDs": s.legacyExporterIDs.map(MarkdownText.code).joined(separator: ", "),
            "camundaIDs": s.camundaExporterIDs.map(MarkdownText.code).joined(separator: ", "),
            "compression": s.messageCompression.rawValue,
            "identity": s.identity ? "yes" : "no",
            "optimize": s.optimize ? "yes" : "no",
            "apiSecurity": s.apiSecurity.rawValue,
            "users": s.basicAuthUsers.isEmpty ? "none" : s.basicAuthUsers.map(MarkdownText.code).joined(separator: ", "),
            "valuesFiles": s.valuesFiles.base.map { MarkdownText.cell($0) + " + " } ?? "",
            "warnings": runbook.warnings.map { ["text": MarkdownText.escape($0)] },
            "hasWarnings": !runbook.warnings.isEmpty,
            "stepCount": stepNumber,
            "phases": phases,
        ]
    }

    private func regionValues(_ region: Region, _ s: Scenario) -> [String: Any] {
        [
            "id": region.id,
            // Table cells: a `|` in a name would otherwise split the cell.
            "kubeContext": MarkdownText.cell(region.kubeContext),
            "namespace": MarkdownText.cell(region.namespace),
            "valuesFile": MarkdownText.cell(s.valuesFiles.overlay(for: region.id)),
            "storageURL": MarkdownText.cell(s.secondaryStorage.url(for: region.id)),
            "migrates": s.migrationRegions.contains(region.id) ? "yes" : "no",
        ]
    }

    func stepValues(_ step: Step, number: String, prerequisites: [Step.Dependency]) -> [String: Any] {
        let s = runbook.scenario
        let after = prerequisites.filter { !Self.phaseWideConstraints.contains($0.constraint) }
        let where_: String = step.region.map { "region \($0) (\(MarkdownText.code(s.regions[$0].kubeContext)) / \(MarkdownText.code(s.regions[$0].namespace)))" } ?? "once, for both regions"
        var values: [String: Any] = [
            "number": number,
            "id": step.id,
            "title": step.title,
            "where": where_,
            "rules": step.rules.joined(separator: ", "),
            "optional": !step.required,
            "body": step.body,
            "hasCommands": !step.commands.isEmpty,
            "commandGroups": CommandGroup.groups(of: step).map { group -> [String: Any] in
                let commands = group.commands.joined(separator: "\n")
                return ["commands": commands, "fence": MarkdownText.fence(for: commands), "label": group.label ?? "", "hasLabel": group.label != nil]
            },
            "danger": step.danger.rawValue,
            "dangerMark": Self.mark(step.danger),
            "irreversible": step.danger == .irreversible,
            "confirmation": Self.confirmation(step, s),
            "blocks": step.blocks.map { block -> [String: Any] in
                [
                    "language": block.language, "content": block.content, "fence": MarkdownText.fence(for: block.content),
                    "file": block.file.map(MarkdownText.code) ?? "", "hasFile": block.file != nil,
                    "label": block.label.map(MarkdownText.escape) ?? "", "hasLabel": block.label != nil,
                ]
            },
            "notes": step.notes.map { note -> [String: Any] in
                ["label": Self.label(note.kind), "text": note.text, "reference": note.reference ?? "", "hasReference": note.reference != nil]
            },
            "checkbox": progress?[step.id]?.done == true ? "x" : " ",
            // Phase-wide constraints (O1, O2) are visible from the runbook's structure; name the specific ones.
            "hasAfter": !after.isEmpty,
            "after": after.map { "[`\($0.step)`](#\($0.step)) (\($0.constraint))" }.joined(separator: ", "),
            "sources": step.sources.map { source in
                let label = source.section.map { "\(source.key) § \($0)" } ?? source.key
                return source.url.map { "[\(label)](\($0))" } ?? label
            }.joined(separator: " · "),
        ]
        values.merge(progressValues(step)) { _, new in new }
        return values
    }

    /// `done`, `doneBy`, `doneAt`, `stale` and the `progress` line ("done by alice at …"); absent when open.
    func progressValues(_ step: Step) -> [String: Any] {
        guard let mark = progress?[step.id] else { return ["done": false, "stale": false] }
        let who = "\(MarkdownText.escape(mark.by)) at \(mark.at)"
        let note = mark.note.map { ": “\(MarkdownText.escape($0))”" } ?? ""
        let line = mark.reopened ? "reopened by \(who)" : mark.done ? "done by \(who)\(mark.forced ? " (forced)" : "")"
            : "**stale**: ticked by \(who), but the step changed since"
        return [
            "done": mark.done, "stale": !mark.done && !mark.reopened, "doneBy": MarkdownText.escape(mark.by), "doneAt": mark.at,
            "progress": line + note,
        ]
    }

    /// The danger mark on a step's line: plain for read-only, bold for changes, a warning sign for irreversible.
    static func mark(_ danger: Danger) -> String {
        switch danger {
        case .readOnly: "read-only"
        case .changes: "**changes a cluster**"
        case .irreversible: "⚠️ **irreversible**"
        }
    }

    /// The line an operator writes into the change log before an irreversible step, naming where it runs.
    static func confirmation(_ step: Step, _ s: Scenario) -> String {
        let target = step.region.map { "\(s.regions[$0].kubeContext)/\(s.regions[$0].namespace)" } ?? "both regions"
        return "I confirm \(step.id) on \(target): the backup is verified and the abort plan is read."
    }

    static let phaseWideConstraints: Set<String> = ["O1", "O2"]

    static func label(_ kind: Note.Kind) -> String {
        switch kind {
        case .correction: "Correction of the guide"
        case .inference: "Inference (the guide is silent)"
        case .warning: "Warning"
        }
    }
}
