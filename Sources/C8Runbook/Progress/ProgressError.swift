/// Everything that can go wrong reading, checking or writing progress. Every case names the progress file or the
/// step; a file that is not valid progress is refused and left exactly as it is.
public enum ProgressError: DiagnosticError, Equatable {
    /// The file is not JSON at all, or is cut short.
    case corrupt(path: String, reason: String)
    /// The file is JSON but not a c8runbook progress file.
    case foreign(path: String, reason: String)
    /// A progress file written by a newer c8runbook.
    case futureVersion(path: String, version: Int)
    /// A progress file of a known version whose content breaks the format, at a JSON path of a version-1 file
    /// (`events[3].action`).
    case invalid(path: String, at: String, reason: String)
    /// A line of a version-2 log that breaks the format, at its line and column (the key or value at fault).
    case invalidLine(SourceLocation, reason: String)
    /// A progress file named on the command line that does not exist (where it is read, not created).
    case missing(path: String)
    /// The file, its folder or its lock cannot be read or written.
    case io(path: String, reason: String)
    /// A step id that is not in the runbook.
    case unknownStep(id: String, suggestions: [String])
    /// Ticking a step whose prerequisites are open, without `--force`.
    case blocked(step: String, prerequisites: [OpenPrerequisite])
    /// A `--by` or `--note` value that cannot go into the log.
    case badValue(option: String, reason: String)
    /// The log tracks another deployment than the scenario in hand (`scenario`: the file that describes it, nil for
    /// the built-in example).
    case otherDeployment(path: String, recorded: ProgressDeployment, scenario: String?, given: ProgressDeployment)
    /// The command names no scenario and the log does not record one (a version-1 log).
    case noScenario(path: String)
    /// The command names no scenario and there is no log yet to take it from: a new log is never started for the
    /// built-in example by default.
    case noScenarioToStart(path: String)
    /// Ticking against a scenario that still holds `TODO-` placeholders, without `--force`.
    case placeholders([String])

    public var exitStatus: ExitStatus {
        switch self {
        case .corrupt, .foreign, .futureVersion, .invalid, .invalidLine, .otherDeployment: .dataError
        case .noScenario, .noScenarioToStart: .usage
        case .placeholders: .incomplete
        case .io: .cannotCreate
        case .missing: .noInput
        case .unknownStep, .badValue: .usage
        case .blocked: .incomplete
        }
    }
}

/// A prerequisite that is not done, and the ordering constraint (rules.md §B.7) that makes it one.
public struct OpenPrerequisite: Sendable, Codable, Equatable {
    public var step: String
    public var constraint: String
    /// The constraint's text, e.g. "Legacy exporters are disabled only after every data-migration job is Complete…".
    public var reason: String
}

extension ProgressError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .corrupt(path, reason):
            "\(path): error: not a readable progress file (\(reason)); it was left untouched"
        case let .foreign(path, reason):
            "\(path): error: not a c8runbook progress file (\(reason)); it was left untouched"
        case let .futureVersion(path, version):
            "\(path): error: progress file formatVersion \(version) was written by a newer c8runbook (this one reads up to \(ProgressFile.formatVersion)); it was left untouched"
        case let .invalid(path, at, reason):
            "\(path): error: invalid progress file at '\(at)': \(reason); it was left untouched"
        case let .invalidLine(location, reason):
            "\(location): error: invalid progress file: \(reason); it was left untouched"
        case let .missing(path):
            "\(path): error: no such progress file"
        case let .io(path, reason):
            "\(path): error: \(reason)"
        case let .unknownStep(id, suggestions):
            "error: no step '\(id)' in this runbook" + (suggestions.isEmpty
                ? "; 'c8runbook status' lists the step ids"
                : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)")
        case let .blocked(step, prerequisites):
            "error: cannot tick '\(step)': " + Self.grouped(prerequisites).joined(separator: "; ") + "; tick those first, or use --force to record it anyway"
        case let .badValue(option, reason):
            "error: \(option): \(reason)"
        case let .otherDeployment(path, recorded, scenario, given):
            "\(path): error: this progress log tracks \(recorded.description), not \(given.description) of \(scenario.map { "'\($0)'" } ?? "the built-in example"); give the log of that deployment with --progress; it was left untouched"
        case let .noScenario(path):
            "\(path): error: this progress log does not record its scenario file (an older c8runbook wrote it); give --scenario once"
        case let .noScenarioToStart(path):
            "\(path): error: no progress log yet, and no --scenario to start one with: give --scenario with your deployment's scenario file (c8runbook init writes one; c8runbook example -o FILE writes the built-in example's); nothing was written"
        case let .placeholders(fields):
            "error: the scenario still has placeholders: \(fields.joined(separator: ", ")); replace them first, or use --force to record anyway"
        }
    }
}

extension ProgressError {
    /// "'a' and 'b' are not done (O5: …)": one clause per constraint, in the order the prerequisites come.
    public static func grouped(_ prerequisites: [OpenPrerequisite]) -> [String] {
        var order: [String] = []
        var steps: [String: [String]] = [:]
        var reasons: [String: String] = [:]
        for prerequisite in prerequisites {
            if steps[prerequisite.constraint] == nil { order.append(prerequisite.constraint) }
            steps[prerequisite.constraint, default: []].append("'\(prerequisite.step)'")
            reasons[prerequisite.constraint] = prerequisite.reason
        }
        return order.map { constraint in
            let names = steps[constraint]!
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            return "\(list) \(names.count == 1 ? "is" : "are") not done (\(constraint): \(reasons[constraint]!))"
        }
    }
}
