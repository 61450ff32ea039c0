/// What the Markdown layout (`runbook`) sees: Markdown-safe text, numbered phases and steps, and the ticks of
/// `generate --progress`. The built-in layout is compiled against these fields (`CompiledTemplates`); a team's own
/// renders over the same struct through swift-mustache.
struct RunbookView: Sendable {
    var title: String
    var hasTitle: Bool
    var release: String
    var chartFrom: String
    var chartTo: String
    var region0: RegionEntry
    var region1: RegionEntry
    var storage: String
    var layout: String
    var provisioning: String
    var management: String
    /// The ids as code spans, comma-separated.
    var legacyIDs: String
    var camundaIDs: String
    var compression: String
    /// `yes` or `no`.
    var identity: String
    var optimize: String
    var apiSecurity: String
    var users: String
    /// The base file's name and ` + ` (a table cell's prefix before each overlay); empty without a base file.
    var valuesFiles: String
    var warnings: [WarningEntry]
    var hasWarnings: Bool
    var stepCount: Int
    var phases: [PhaseEntry]

    struct RegionEntry: Sendable {
        var id: Int
        // Table cells: a `|` in a name would otherwise split the cell.
        var kubeContext: String
        var namespace: String
        var valuesFile: String
        var storageURL: String
        var migrates: String
    }

    struct WarningEntry: Sendable {
        var text: String
    }

    struct PhaseEntry: Sendable {
        var number: Int
        var title: String
        var summary: String
        var phase: String
        var anchor: String
        var stepCount: Int
        var optionalCount: Int
        var hasOptional: Bool
        var steps: [StepEntry]
    }

    struct StepEntry: Sendable {
        /// `2.3`: the third step of the second phase.
        var number: String
        var id: String
        var title: String
        var `where`: String
        var rules: String
        var optional: Bool
        var body: String
        var hasCommands: Bool
        var commandGroups: [CommandGroupEntry]
        var danger: String
        var dangerMark: String
        var irreversible: Bool
        /// The line to sign before an irreversible step; nil for any other.
        var confirmation: String?
        var blocks: [BlockEntry]
        var notes: [NoteEntry]
        /// `x` when ticked, a space otherwise.
        var checkbox: String
        var hasAfter: Bool
        var after: String
        var sources: String
        var done: Bool
        var stale: Bool
        /// Present only for a step with a mark.
        var doneBy: String?
        var doneAt: String?
        /// "done by alice at …"; nil when open.
        var progress: String?
    }

    struct CommandGroupEntry: Sendable {
        var commands: String
        var fence: String
        var label: String
        var hasLabel: Bool
    }

    struct BlockEntry: Sendable {
        var language: String
        var content: String
        var fence: String
        var file: String
        var hasFile: Bool
        var label: String
        var hasLabel: Bool
    }

    struct NoteEntry: Sendable {
        var label: String
        var text: String
        var reference: String
        var hasReference: Bool
    }

    init(runbook: Runbook, progress: ProgressMarks? = nil) {
        let s = runbook.scenario
        let prerequisites = runbook.immediatePrerequisitesInOrder
        var stepNumber = 0
        phases = runbook.phases.enumerated().map { index, phase in
            let steps = phase.steps.enumerated().map { offset, step in
                stepNumber += 1
                return Self.step(step, s, number: "\(index + 1).\(offset + 1)", prerequisites: prerequisites[stepNumber - 1], mark: progress?[step.id])
            }
            return PhaseEntry(
                number: index + 1, title: phase.title, summary: phase.summary, phase: phase.phase.rawValue,
                anchor: HeadingAnchor.slug("\(index + 1). \(phase.title)"), stepCount: phase.steps.count,
                optionalCount: phase.steps.filter { !$0.required }.count, hasOptional: phase.steps.contains { !$0.required },
                steps: steps
            )
        }
        title = s.title.map(MarkdownText.escape) ?? ""
        hasTitle = s.title != nil
        release = s.release
        chartFrom = s.chart.from
        chartTo = s.chart.to
        region0 = Self.region(s.region0, s)
        region1 = Self.region(s.region1, s)
        storage = s.storageName
        layout = s.secondaryStorage.layout.rawValue
        provisioning = s.secondaryStorage.provisioning.rawValue
        management = s.exporters.management.rawValue
        legacyIDs = s.legacyExporterIDs.map(MarkdownText.code).joined(separator: ", ")
        camundaIDs = s.camundaExporterIDs.map(MarkdownText.code).joined(separator: ", ")
        compression = s.messageCompression.rawValue
        identity = s.identity ? "yes" : "no"
        optimize = s.optimize ? "yes" : "no"
        apiSecurity = s.apiSecurity.rawValue
        users = s.basicAuthUsers.isEmpty ? "none" : s.basicAuthUsers.map(MarkdownText.code).joined(separator: ", ")
        valuesFiles = s.valuesFiles.base.map { MarkdownText.cell($0) + " + " } ?? ""
        warnings = runbook.warnings.map { WarningEntry(text: MarkdownText.escape($0)) }
        hasWarnings = !runbook.warnings.isEmpty
        stepCount = stepNumber
    }

    private static func region(_ region: Region, _ s: Scenario) -> RegionEntry {
        RegionEntry(
            id: region.id,
            kubeContext: MarkdownText.cell(region.kubeContext),
            namespace: MarkdownText.cell(region.namespace),
            valuesFile: MarkdownText.cell(s.valuesFiles.overlay(for: region.id)),
            storageURL: MarkdownText.cell(s.secondaryStorage.url(for: region.id)),
            migrates: s.migrationRegions.contains(region.id) ? "yes" : "no"
        )
    }

    static func step(_ step: Step, _ s: Scenario, number: String, prerequisites: [Step.Dependency], mark: ProgressMarks.Mark?) -> StepEntry {
        let place: String = step.region.map { "region \($0) (\(MarkdownText.code(s.regions[$0].kubeContext)) / \(MarkdownText.code(s.regions[$0].namespace)))" } ?? "once, for both regions"
        // Phase-wide constraints (O1, O2) are visible from the runbook's structure; name the specific ones.
        // The list and the sources are written into one string each, without a string per item and a join.
        var after = ""
        for dependency in prerequisites where !Self.phaseWideConstraints.contains(dependency.constraint) {
            if !after.isEmpty { after += ", " }
            after += "[`"; after += dependency.step; after += "`](#"; after += dependency.step; after += ") ("
            after += dependency.constraint; after += ")"
        }
        var sources = ""
        for source in step.sources {
            if !sources.isEmpty { sources += " · " }
            if source.url != nil { sources += "[" }
            sources += source.key
            if let section = source.section { sources += " § "; sources += section }
            if let url = source.url { sources += "]("; sources += url; sources += ")" }
        }
        var entry = StepEntry(
            number: number,
            id: step.id,
            title: step.title,
            where: place,
            rules: step.rules.joined(separator: ", "),
            optional: !step.required,
            body: step.body,
            hasCommands: !step.commands.isEmpty,
            commandGroups: CommandGroup.groups(of: step).map { group in
                let commands = group.commands.joined(separator: "\n")
                return CommandGroupEntry(commands: commands, fence: MarkdownText.fence(for: commands), label: group.label ?? "", hasLabel: group.label != nil)
            },
            danger: step.danger.rawValue,
            dangerMark: Self.mark(step.danger),
            irreversible: step.danger == .irreversible,
            confirmation: step.confirmation(in: s),
            blocks: step.blocks.map { block in
                BlockEntry(
                    language: block.language, content: block.content, fence: MarkdownText.fence(for: block.content),
                    file: block.file.map(MarkdownText.code) ?? "", hasFile: block.file != nil,
                    label: block.label.map(MarkdownText.escape) ?? "", hasLabel: block.label != nil
                )
            },
            notes: step.notes.map { note in
                NoteEntry(label: note.kind.label, text: note.text, reference: note.reference ?? "", hasReference: note.reference != nil)
            },
            checkbox: mark?.done == true ? "x" : " ",
            hasAfter: !after.isEmpty,
            after: after,
            sources: sources,
            done: false,
            stale: false
        )
        if let mark {
            let who = "\(MarkdownText.escape(mark.by)) at \(mark.at)"
            let note = mark.note.map { ": “\(MarkdownText.escape($0))”" } ?? ""
            let line = mark.reopened ? "reopened by \(who)" : mark.done ? "done by \(who)\(mark.forced ? " (forced)" : "")"
                : "**stale**: ticked by \(who), but the step changed since"
            entry.done = mark.done
            entry.stale = !mark.done && !mark.reopened
            entry.doneBy = MarkdownText.escape(mark.by)
            entry.doneAt = mark.at
            entry.progress = line + note
        }
        return entry
    }

    /// The danger mark on a step's line: plain for read-only, bold for changes, a warning sign for irreversible.
    static func mark(_ danger: Danger) -> String {
        switch danger {
        case .readOnly: "read-only"
        case .changes: "**changes a cluster**"
        case .irreversible: "⚠️ **irreversible**"
        }
    }

    static let phaseWideConstraints: Set<String> = ["O1", "O2"]
}
