/// The values the HTML templates see. Plain strings are escaped by the `.html` templates (`{{name}}`); the only
/// values inserted unescaped (`{{{nameHTML}}}`) are cmark's safe-mode output for the runbook's Markdown prose.
struct HTMLRunbookView: Sendable {
    var title: String
    var hasTitle: Bool
    var release: String
    var chartFrom: String
    var chartTo: String
    var regions: [RegionEntry]
    var valuesBase: String
    var hasValuesBase: Bool
    var storage: String
    var layout: String
    var provisioning: String
    var management: String
    var legacyIDs: [IDEntry]
    var camundaIDs: [IDEntry]
    var compression: String
    /// `yes` or `no`.
    var identity: String
    var optimize: String
    var apiSecurity: String
    var users: [UserEntry]
    var hasUsers: Bool
    var warnings: [WarningEntry]
    var hasWarnings: Bool
    var stepCount: Int
    var requiredCount: Int
    var optionalCount: Int
    var phaseCount: Int
    var formatVersion: Int
    var phases: [PhaseEntry]
    /// The cluster's size, only when the scenario has a `cluster:` block.
    var clusterKnown: Bool
    var clusterSize: Int?
    var brokersPerRegion: Int?
    var partitions: Int?
    var replicationFactor: Int?
    /// The page's parts (`html/page.html`): the rendered `html/runbook.html` and the stylesheet; empty before.
    var contentHTML = ""
    var styleCSS = ""

    struct RegionEntry: Sendable {
        var id: Int
        var kubeContext: String
        var namespace: String
        var valuesFile: String
        var storageURL: String
        var migrates: String
    }

    struct IDEntry: Sendable { var id: String }
    struct UserEntry: Sendable { var name: String }
    struct WarningEntry: Sendable { var text: String }
    struct RuleEntry: Sendable { var rule: String }

    struct PhaseEntry: Sendable {
        var number: Int
        var anchor: String
        var phase: String
        var titleHTML: String
        var summaryHTML: String
        var stepCount: Int
        var stepCountLabel: String
        var optionalCount: Int
        var hasOptional: Bool
        var steps: [StepEntry]
    }

    struct StepEntry: Sendable {
        var done: Bool
        var stale: Bool
        var reopened: Bool
        var hasNote: Bool
        var markNote: String
        var hasMark: Bool
        var markBy: String
        var markAt: String
        var markForced: Bool
        var number: String
        var id: String
        var titleHTML: String
        var hasRegion: Bool
        var regionID: Int
        var kubeContext: String
        var namespace: String
        var rules: [RuleEntry]
        var optional: Bool
        var bodyHTML: String
        var hasCommands: Bool
        var commandGroups: [CommandGroupEntry]
        var danger: String
        var dangerLabel: String
        var dangerTitle: String
        var irreversible: Bool
        /// The line to sign before an irreversible step; nil for any other.
        var confirmation: String?
        var blocks: [BlockEntry]
        var notes: [NoteEntry]
        var hasAfter: Bool
        var after: [AfterEntry]
        var hasSources: Bool
        var sources: [SourceEntry]
    }

    struct CommandGroupEntry: Sendable {
        var label: String
        var hasLabel: Bool
        var isPortForward: Bool
        var commands: [CommandEntry]
    }

    struct CommandEntry: Sendable {
        var command: String
        var danger: String
        var dangerLabel: String
    }

    struct BlockEntry: Sendable {
        var language: String
        var content: String
        var file: String
        var hasFile: Bool
        var label: String
        var hasLabel: Bool
        var hasCaption: Bool
        var isDiff: Bool
        var diffLines: [DiffLine]
    }

    struct DiffLine: Sendable {
        var text: String
        /// `added`, `removed`, `hunk`, `file` or `context`.
        var kind: String
    }

    struct NoteEntry: Sendable {
        var kind: String
        var label: String
        var textHTML: String
        var reference: String
        var hasReference: Bool
    }

    struct AfterEntry: Sendable {
        var step: String
        var number: String
        var titleHTML: String
        var constraint: String
    }

    struct SourceEntry: Sendable {
        var label: String
        var url: String
        var hasURL: Bool
    }

    init(runbook: Runbook, progress: ProgressMarks? = nil) {
        let s = runbook.scenario
        let numbers = Self.stepNumbers(runbook)
        let prerequisites = runbook.immediatePrerequisitesInOrder
        var position = 0
        phases = runbook.phases.enumerated().map { index, phase in
            PhaseEntry(
                number: index + 1,
                anchor: "phase-\(phase.phase.rawValue)",
                phase: phase.phase.rawValue,
                titleHTML: Self.inline(phase.title),
                summaryHTML: CommonMark.trimmedHTML(phase.summary),
                stepCount: phase.steps.count,
                stepCountLabel: Self.count(phase.steps.count, "step"),
                optionalCount: phase.steps.filter { !$0.required }.count,
                hasOptional: phase.steps.contains { !$0.required },
                steps: phase.steps.map {
                    position += 1
                    return Self.step($0, s, numbers: numbers, prerequisites: prerequisites[position - 1], mark: progress?[$0.id])
                }
            )
        }
        title = s.title ?? ""
        hasTitle = s.title != nil
        release = s.release
        chartFrom = s.chart.from
        chartTo = s.chart.to
        regions = s.regions.map { region in
            RegionEntry(
                id: region.id, kubeContext: region.kubeContext, namespace: region.namespace,
                valuesFile: s.valuesFiles.overlay(for: region.id), storageURL: s.secondaryStorage.url(for: region.id),
                migrates: s.migrationRegions.contains(region.id) ? "yes" : "no"
            )
        }
        valuesBase = s.valuesFiles.base ?? ""
        hasValuesBase = s.valuesFiles.base != nil
        storage = s.storageName
        layout = s.secondaryStorage.layout.rawValue
        provisioning = s.secondaryStorage.provisioning.rawValue
        management = s.exporters.management.rawValue
        legacyIDs = s.legacyExporterIDs.map { IDEntry(id: $0) }
        camundaIDs = s.camundaExporterIDs.map { IDEntry(id: $0) }
        compression = s.messageCompression.rawValue
        identity = s.identity ? "yes" : "no"
        optimize = s.optimize ? "yes" : "no"
        apiSecurity = s.apiSecurity.rawValue
        users = s.basicAuthUsers.map { UserEntry(name: $0) }
        hasUsers = !s.basicAuthUsers.isEmpty
        warnings = runbook.warnings.map { WarningEntry(text: $0) }
        hasWarnings = !runbook.warnings.isEmpty
        stepCount = position
        requiredCount = runbook.phases.reduce(0) { $0 + $1.steps.count { $0.required } }
        optionalCount = position - requiredCount
        phaseCount = runbook.phases.count
        formatVersion = runbook.formatVersion
        let sizing = TemplateContext.sizing(s.cluster)
        clusterKnown = sizing.known
        clusterSize = sizing.size
        brokersPerRegion = sizing.brokersPerRegion
        partitions = sizing.partitions
        replicationFactor = sizing.replicationFactor
    }

    /// `2.3` for the third step of the second phase, and the step's title as inline HTML, by step id: each title
    /// goes through cmark once, however many steps name it as a prerequisite.
    private static func stepNumbers(_ runbook: Runbook) -> [String: (number: String, titleHTML: String)] {
        var numbers: [String: (String, String)] = [:]
        for (index, phase) in runbook.phases.enumerated() {
            for (offset, step) in phase.steps.enumerated() {
                numbers[step.id] = ("\(index + 1).\(offset + 1)", Self.inline(step.title))
            }
        }
        return numbers
    }

    private static func step(_ step: Step, _ s: Scenario, numbers: [String: (number: String, titleHTML: String)],
                             prerequisites: [Step.Dependency], mark: ProgressMarks.Mark?) -> StepEntry {
        let region = step.region.map { s.regions[$0] }
        let after = prerequisites.filter { !RunbookView.phaseWideConstraints.contains($0.constraint) }
        return StepEntry(
            done: mark?.done == true,
            stale: mark.map { !$0.done && !$0.reopened } ?? false,
            reopened: mark?.reopened == true,
            hasNote: mark?.note != nil,
            markNote: mark?.note ?? "",
            hasMark: mark != nil,
            markBy: mark?.by ?? "",
            markAt: mark?.at ?? "",
            markForced: mark?.forced == true,
            number: numbers[step.id]?.number ?? "",
            id: step.id,
            titleHTML: numbers[step.id]?.titleHTML ?? Self.inline(step.title),
            hasRegion: region != nil,
            regionID: region?.id ?? 0,
            kubeContext: region?.kubeContext ?? "",
            namespace: region?.namespace ?? "",
            rules: step.rules.map { RuleEntry(rule: $0) },
            optional: !step.required,
            bodyHTML: CommonMark.trimmedHTML(step.body),
            hasCommands: !step.commands.isEmpty,
            commandGroups: CommandGroup.groups(of: step).map { group in
                CommandGroupEntry(
                    label: group.label ?? "", hasLabel: group.label != nil, isPortForward: group.isPortForward,
                    commands: group.commands.map { CommandEntry(command: $0, danger: group.danger.rawValue, dangerLabel: group.danger.label) }
                )
            },
            danger: step.danger.rawValue,
            dangerLabel: step.danger.label,
            dangerTitle: Self.dangerTitle(step.danger),
            irreversible: step.danger == .irreversible,
            confirmation: step.confirmation(in: s),
            blocks: step.blocks.map { block in
                BlockEntry(
                    language: block.language, content: block.content,
                    file: block.file ?? "", hasFile: block.file != nil,
                    label: block.label ?? "", hasLabel: block.label != nil,
                    hasCaption: block.file != nil || block.label != nil,
                    isDiff: block.language == "diff",
                    diffLines: block.language == "diff" ? Self.diffLines(block.content) : []
                )
            },
            notes: step.notes.map { note in
                NoteEntry(kind: note.kind.rawValue, label: note.kind.label, textHTML: CommonMark.trimmedHTML(note.text),
                          reference: note.reference ?? "", hasReference: note.reference != nil)
            },
            // Phase-wide constraints (O1, O2) are visible from the page's structure; name the specific ones.
            hasAfter: !after.isEmpty,
            after: after.map { dependency in
                AfterEntry(
                    step: dependency.step,
                    number: numbers[dependency.step]?.number ?? "",
                    titleHTML: numbers[dependency.step]?.titleHTML ?? XMLText.escaped(dependency.step),
                    constraint: dependency.constraint
                )
            },
            hasSources: !step.sources.isEmpty,
            sources: step.sources.map { source in
                let url = source.url.flatMap(Self.webURL)
                return SourceEntry(label: source.section.map { "\(source.key) § \($0)" } ?? source.key, url: url ?? "", hasURL: url != nil)
            }
        )
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
    static func diffLines(_ diff: String) -> [DiffLine] {
        diff.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let kind = line.hasPrefix("+++") || line.hasPrefix("---") ? "file"
                : line.hasPrefix("+") ? "added" : line.hasPrefix("-") ? "removed" : line.hasPrefix("@@") ? "hunk" : "context"
            return DiffLine(text: String(line), kind: kind)
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
