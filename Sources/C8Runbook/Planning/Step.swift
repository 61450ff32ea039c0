/// One thing an operator does and ticks off. Its id is stable and readable (`upgrade.helm.region0`): people type it.
public struct Step: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var phase: Phase
    /// The rules (`"R37"`) this step carries out.
    public var rules: [String]
    /// 0 or 1 for a step done in one region, nil for a step done once.
    public var region: Int?
    /// What to do and why, in Markdown.
    public var body: String
    /// Shell commands, each complete and ready to paste.
    public var commands: [String]
    /// Exact file content: values snippets, expected output.
    public var blocks: [Block]
    /// Corrections of the guide, inferences beyond it, warnings.
    public var notes: [Note]
    public var sources: [Source]
    /// Steps that must be done before this one, with the ordering constraint (rules.md §B.7) that says so.
    public var after: [Dependency]
    /// False for remedies and optional checks: the upgrade is complete without them.
    public var required: Bool
    /// The most dangerous of the step's commands, or what its rule says when that is more (issue 10 item 12).
    public var danger: Danger = .readOnly
    /// The class of each command, index for index with `commands`.
    public var commandDangers: [Danger] = []

    public struct Dependency: Sendable, Codable, Equatable, Hashable {
        public var step: String
        public var constraint: String
    }

    /// The stored fields, as JSON names them; the encoding adds `commandLabels` (`Step+JSON.swift`).
    enum CodingKeys: String, CodingKey {
        case id, title, phase, rules, region, body, commands, blocks, notes, sources, after, required, danger, commandDangers
    }
}

/// A piece of exact content, shown in a fenced block.
public struct Block: Sendable, Codable, Equatable {
    /// The fence language: `yaml`, `json`, `promql`, `text`.
    public var language: String
    /// The values file it belongs in, when it is a snippet of one.
    public var file: String?
    /// What it is, when that is not a file (`expected entries`).
    public var label: String?
    public var content: String

    public init(language: String, file: String? = nil, label: String? = nil, content: String) {
        self.language = language
        self.file = file
        self.label = label
        self.content = content
    }
}

/// A callout on a step.
public struct Note: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The guide is wrong here and the runbook does the right thing (rules.md §E).
        case correction
        /// The guide is silent here and the runbook infers what to do.
        case inference
        /// Risk the operator must weigh.
        case warning
    }

    public var kind: Kind
    /// Markdown.
    public var text: String
    /// Where the correction or inference is argued, e.g. `rules.md §E.2d`.
    public var reference: String?
}

/// A document a step comes from.
public struct Source: Sendable, Codable, Equatable, Hashable {
    /// The citation key of rules.md §0, e.g. `SEED`, `BASE`, `MGMT`.
    public var key: String
    /// The section, as its heading reads.
    public var section: String?
    public var url: String?
}
