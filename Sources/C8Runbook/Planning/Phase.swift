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

    public static func < (lhs: Phase, rhs: Phase) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
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
