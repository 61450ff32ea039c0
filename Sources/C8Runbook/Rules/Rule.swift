import Foundation

/// One rule of the guide (rules.md §B): when it applies, the steps it contributes, and where it comes from.
/// Each rule lives in its own file as a static member, and `Rule.catalogue` lists them all in order.
public struct Rule: Sendable {
    public enum Scope: String, Sendable, Codable, CaseIterable {
        /// Done once for the whole stretched cluster.
        case global
        /// Done in each region (one step per region).
        case perRegion = "per-region"
        /// Done once for each secondary storage (two with per-region storage, one when shared).
        case perStorage = "per-storage"
        /// A change to the values file both regions share.
        case valuesBase = "values-base"
        /// A change to each region's overlay.
        case valuesOverlay = "values-overlay"
    }

    public let id: String
    public let title: String
    public let phase: Phase
    public let scope: Scope
    /// When the rule applies, in words.
    public let condition: String
    public let sources: [Source]
    let applies: @Sendable (Scenario) -> Bool
    let contribute: @Sendable (Scenario) -> [StepDraft]

    init(
        id: String, title: String, phase: Phase, scope: Scope, condition: String = "always", sources: [Source],
        applies: @escaping @Sendable (Scenario) -> Bool = { _ in true },
        steps: @escaping @Sendable (Scenario) -> [StepDraft]
    ) {
        self.id = id
        self.title = title
        self.phase = phase
        self.scope = scope
        self.condition = condition
        self.sources = sources
        self.applies = applies
        self.contribute = steps
    }

    public func applies(to scenario: Scenario) -> Bool { applies(scenario) }
}

/// What a rule contributes before the words are rendered: a template name, the values it needs, and the exact
/// commands and blocks the rule computed.
struct StepDraft {
    /// The step's id without the region suffix; also the name of its template under `Templates/steps/`.
    var key: String
    var region: Int?
    /// Overrides the rule's phase (troubleshooting remedies of data-migration rules).
    var phase: Phase?
    var values = StepValues()
    var commands: [String] = []
    var blocks: [Block] = []
    var notes: [NoteDraft] = []
    /// Other rules this step also carries out.
    var alsoRules: [String] = []
    var required = true
    /// Raises the step's danger class above what its commands show (the 8.8 upgrade is irreversible); never lowers it.
    var danger: Danger?

    init(_ key: String, region: Int? = nil, phase: Phase? = nil, values: StepValues = StepValues(), commands: [String] = [],
         blocks: [Block] = [], notes: [NoteDraft] = [], alsoRules: [String] = [], required: Bool = true, danger: Danger? = nil) {
        self.key = key
        self.region = region
        self.phase = phase
        self.values = values
        self.commands = commands
        self.blocks = blocks
        self.notes = notes
        self.alsoRules = alsoRules
        self.required = required
        self.danger = danger
    }

    var id: String { region.map { "\(key).region\($0)" } ?? key }

    /// Commands may name the scenario file as `\(StepDraft.scenarioFile)`; the planner puts in the real path.
    static let scenarioFile = "{scenario-file}"

    /// Puts the real path in place of `scenarioFile` in the commands that name it; the others are left as they are
    /// (not copied into a new list).
    mutating func resolve(scenarioFile: String) {
        for index in commands.indices where commands[index].containsBytes(Self.scenarioFile) {
            commands[index] = commands[index].replacingBytes(of: Self.scenarioFile, with: ShellWord.quote(scenarioFile))
        }
    }
}

/// A callout whose words live in `Templates/notes/<template>.md`.
struct NoteDraft {
    var kind: Note.Kind
    var template: String
    var reference: String?

    static func correction(_ template: String, _ reference: String) -> NoteDraft {
        NoteDraft(kind: .correction, template: template, reference: reference)
    }
    static func inference(_ template: String, _ reference: String? = nil) -> NoteDraft {
        NoteDraft(kind: .inference, template: template, reference: reference)
    }
    static func warning(_ template: String, _ reference: String? = nil) -> NoteDraft {
        NoteDraft(kind: .warning, template: template, reference: reference)
    }
}
