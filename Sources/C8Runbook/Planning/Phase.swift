/// The phases of the upgrade, in the order they are carried out. Troubleshooting comes last: its steps are
/// remedies, used only when something goes wrong.
public enum Phase: String, Sendable, Codable, CaseIterable, Comparable {
    case prepare
    case configure = "configure-values"
    case upgrade
    case migration = "data-migration"
    case verify
    case postMigration = "post-migration"
    case troubleshooting

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The position in `allCases`, without building that array (sorting a runbook's steps compares phases
    /// hundreds of times).
    var ordinal: Int {
        switch self {
        case .prepare: 0
        case .configure: 1
        case .upgrade: 2
        case .migration: 3
        case .verify: 4
        case .postMigration: 5
        case .troubleshooting: 6
        }
    }

    /// The first component of the ids of this phase's steps.
    public var idPrefix: String {
        switch self {
        case .prepare: "prepare"
        case .configure: "values"
        case .upgrade: "upgrade"
        case .migration: "migration"
        case .verify: "verify"
        case .postMigration: "post"
        case .troubleshooting: "troubleshooting"
        }
    }
}
