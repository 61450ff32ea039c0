/// How much harm a step or one of its commands can do, in the order an operator should weigh it (issue 10 item 12).
///
/// The class of a command follows from the command itself (`CommandDanger.classify`); a rule may raise a step's
/// class where the command alone does not show the consequence (the 8.8 `helm upgrade` cannot be rolled back
/// without restoring the backup). JSON writes the raw values: `read-only`, `changes`, `irreversible`.
public enum Danger: String, Sendable, Codable, CaseIterable, Comparable {
    /// Reads a cluster, a storage or a file; running it twice changes nothing. Local files (values, BPMN) may be written.
    case readOnly = "read-only"
    /// Changes a cluster or a storage in a way a later step can undo.
    case changes
    /// Cannot be undone except by restoring the backup: past the point of no return, or destroying data.
    case irreversible

    public static func < (lhs: Danger, rhs: Danger) -> Bool {
        lhs.rank < rhs.rank
    }

    /// The case's place in `allCases` (a switch: `allCases.firstIndex` built the array for every comparison).
    private var rank: Int {
        switch self {
        case .readOnly: 0
        case .changes: 1
        case .irreversible: 2
        }
    }

    /// The words shown next to a step or command: `read-only`, `changes a cluster`, `irreversible`.
    public var label: String {
        switch self {
        case .readOnly: "read-only"
        case .changes: "changes a cluster"
        case .irreversible: "irreversible"
        }
    }
}
