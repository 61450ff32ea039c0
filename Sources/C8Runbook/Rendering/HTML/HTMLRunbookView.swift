/// The values the HTML templates see. Plain strings are escaped by the `.html` templates (`{{name}}`); the only
/// values inserted unescaped (`{{{nameHTML}}}`) are cmark's safe-mode output for the runbook's Markdown prose.
struct HTMLRunbookView {
    let runbook: Runbook
    var progress: ProgressMarks? = nil

    var values: [String: Any] {
        let s = runbook.scenario
        let numbers = stepNumbers
        let prerequisites = runbook.immediatePrerequisites
        let steps = runbook.steps
        let phases = runbook.phases.enumerated().map { index, phase -> [String: Any] in
            [
                "number": index + 1,
                "anchor": "phase-\(phase.phase.rawValue)",
                "phase": phase.phase.rawValue,
                "titleHTML": Self.inline(phase.title),
                "summaryHTML": CommonMark.html(phase.summary).trimmed,
                "stepCount": phase.steps.count,
                "stepCountLabel": Self.count(phase.steps.count, "step"),
                "optionalCount": phase.steps.filter { !$0.required }.count,
                "hasOptional": phase.steps.contains { !$0.required },
                "steps": phase.steps.map { stepValues($0, numbers: numbers, prerequisites: prerequisites[$0.id] ?? []) },
            ]
        }
        var values: [String: Any] = [
            "title": s.title ?? "",
            "hasTitle": s.title != nil,
            "release": s.release,
            "chartFrom": s.chart.from,
            "chartTo": s.chart.to,
            "regions": s.regions.map { regionValues($0, s) },
            "valuesBase": s.valuesFiles.base ?? "",
            "hasValuesBase": s.valuesFiles.base != nil,
            "storage": s.storageName,
            "layout": s.secondaryStorage.layout.rawValue,
            "provisioning": s.secondaryStorage.provisioning.rawValue,
            "management": s.exporters.management.rawValue,
            "legacyIDs": s.legacyExporterIDs.map { ["id": $0] },
            "camundaIDs": s.camundaExporterIDs.map { ["id": $0] },
            "compression": s.messageCompression.rawValue,
            "identity": s.identity ? "yes" : "no",
            "optimize": s.optimize ? "yes" : "no",
            "apiSecurity": s.apiSecurity.rawValue,
            "users": s.basicAuthUsers.map { ["name": $0] },
            "hasUsers": !s.basicAuthUsers.isEmpty,
            "warnings": runbook.warnings.map { ["text": $0] },
            "hasWarnings": !runbook.warnings.isEmpty,
            "stepCount": steps.count,
            "requiredCount": steps.filter(\.required).count,
            "optionalCount": steps.filter { !$0.required }.count,
            "phaseCount": runbook.phases.count,
            "formatVersion": runbook.formatVersion,
            "phases": phases,
        ]
        for (key, value) in TemplateContext.sizing(s.cluster) { values[key] = value }
        return values
    }

    /// `2.3` for the third step of the second phase, by step id.
    private var stepNumbers: [String: (number: String, title: String)] {
        var numbers: [String: (String, String)] = [:]
        for (index, phase) in runbook.phases.enumerated() {
            for (offset, step) in phase.steps.enumerated() {
                numbers[step.id] = ("\(index + 1).\(offset + 1)", step.title)
            }
        }
        return numbers
    }

    private func regionValues(_ region: Region, _ s: Scenario) -> [String: Any] {
        [
            "id": region.id,
            "kubeContext": region.kubeContext,
            "namespace": region.namespace,
            "valuesFile": s.valuesFiles.overlay(for: region.id),
            "storageURL": s.secondaryStorage.url(for: region.id),
            "migrates": s.migrationRegions.contains(region.id) ? "yes" : "no",
        ]
    }

    private func stepValues(_ step: Step, numbers: [String: (number: String, title: String)], prerequisites: [Step.Dependency]) -> [String: Any] {
        let region = step.region.map { runbook.scenario.regions[$0] }
        let after = prerequisites.filter { !RunbookView.phaseWideConstraints.contains($0.constraint) }
        let mark = progress?[step.id]
        return [
            "done": mark?.done == true,
            "stale": mark.map { !$0.done && !$0.reopened } ?? false,
            "reopened": mark?.reopened == true,
            "hasNote": mark?.note != nil,
            "markNote": mark?.note ?? "",
            "hasMark": mark != nil,
            "markBy": mark?.by ?? "",
            "markAt": mark?.at ?? "",
            "markForced": mark?.forced == true,
            "number": numbers[step.id]?.number ?? "",
            "id": step.id,
            "titleHTML": Self.inline(step.title),
            "hasRegion": region != nil,
            "regionID": region?.id ?? 0,
            "kubeContext": region?.kubeContext ?? "",
            "namespace": region?.namespace ?? "",
            "rules": step.rules.map { ["rule": $0] },
            "optional": !step.required,
            "bodyHTML": CommonMark.html(step.body).trimmed,
            "hasCommands": !step.commands.isEmpty,
            "commandGroups": CommandGroup.groups(of: step).map { group -> [String: Any] in
                [
                    "label": group.label ?? "", "hasLabel": group.label != nil, "isPortForward": group.isPortForward,
                    "commands": group.commands.map { ["command": $0, "danger": group.danger.rawValue, "dangerLabel": group.danger.label] },
                ]
            },
            "danger": step.danger.rawValue,
            "dangerLabel": step.danger.label,
            "dangerTitle": Self.dangerTitle(step.danger),
            "irreversible": step.danger == .irreversible,
            "confirmation": RunbookView.confirmation(step, runbook.scenario),
            "blocks": step.blocks.map { block -> [String: Any] in
                [
                    "language": block.language, "content": block.content,
                    "file": block.file ?? "", "hasFile": block.file != nil,
                    "label": block.label ?? "", "hasLabel": block.label != nil,
                    "hasCaption": block.file != nil || block.label != nil,
                    "isDiff": block.language == "diff",
                    "diffLines": block.language == "diff" ? Self.diffLines(block.content) : [],
                ]
            },
            "notes": step.notes.map { note -> [String: Any] in
                [
                    "kind": note.kind.rawValue,
                    "label": RunbookView.label(note.kind),
                    "textHTML": CommonMark.html(note.text).trimmed,
                    "reference": note.reference ?? "",
                    "hasReference": note.reference != nil,
                ]
            },
            // Phase-wide constraints (O1, O2) are visible from the page's structure; name the specific ones.
            "hasAfter": !after.isEmpty,
            "after": after.map { dependency -> [String: Any] in
                [
                    "step": dependency.step,
                    "number": numbers[dependency.step]?.number ?? "",
                    "titleHTML": numbers[dependency.step].map { Self.inline($0.title) } ?? XMLText.escaped(dependency.step),
                    "constraint": dependency.constraint,
                ]
            },
            "hasSources": !step.sources.isEmpty,
            "sources": step.sources.map { source -> [String: Any] in
                let url = source.url.flatMap(Self.webURL)
                return [
                    "label": source.section.map { "\(source.key) § \($0)" } ?? source.key,
                    "url": url ?? "",
                    "hasURL": url != nil,
                ]
            },
        ]
    }

    /// A step title's inline Markdown (code spans) as HTML; escaped text when it is not one paragraph.
    static func inline(_ title: String) -> String {
        CommonMark.inlineHTML(title) ?? XMLText.escaped(title)
    }

    /// Only http(s) links become `href`s.
    static func webURL(_ url: String) -> String? {
        url.hasPrefix("https://") || url.hasPrefix("http://") ? url : nil
    }

    /// A unified diff's lines, each with its kind (`added`, `removed`, `hunk`, `context`) for colouring.
    static func diffLines(_ diff: String) -> [[String: Any]] {
        diff.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let kind = line.hasPrefix("+++") || line.hasPrefix("---") ? "file"
                : line.hasPrefix("+") ? "added" : line.hasPrefix("-") ? "removed" : line.hasPrefix("@@") ? "hunk" : "context"
            return ["text": String(line), "kind": kind]
        }
    }

    static func dangerTitle(_ danger: Danger) -> String {
        switch danger {
        case .readOnly: "Reads only: safe to run again"
        case .changes: "Changes a cluster or a storage"
        case .irreversible: "Cannot be undone without restoring the backup"
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
