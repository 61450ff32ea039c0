/// One line of the progress log: somebody ticked or unticked a step. Events are only ever appended.
public struct ProgressEvent: Sendable, Codable, Equatable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case tick
        case untick
    }

    public var action: Action
    /// The step id, as in the runbook (`upgrade.helm.region0`).
    public var step: String
    /// `Step.contentHash` of the step as it read when the event was recorded; a tick whose hash no longer
    /// matches the runbook is stale.
    public var contentHash: String
    /// Who: `--by`, or the login name.
    public var by: String
    /// When, in UTC, ISO 8601 to the second (`2026-11-24T21:43:56Z`). Kept as text: the log is never reformatted.
    public var at: String
    /// The machine the command ran on.
    public var host: String
    public var note: String?
    /// True when `--force` overrode open prerequisites, or a tick was recorded against a scenario with `TODO-`
    /// placeholders.
    public var forced: Bool
    /// `Runbook.fingerprint` of the runbook the event was recorded against (version-2 logs; nil in events converted
    /// from version 1).
    public var runbook: String?

    public init(action: Action, step: String, contentHash: String, by: String, at: String, host: String,
                note: String? = nil, forced: Bool = false, runbook: String? = nil) {
        self.action = action
        self.step = step
        self.contentHash = contentHash
        self.by = by
        self.at = at
        self.host = host
        self.note = note
        self.forced = forced
        self.runbook = runbook
    }
}
