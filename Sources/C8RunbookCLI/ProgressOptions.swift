import ArgumentParser
import C8Runbook
import Foundation

/// `--scenario`, `--templates` and `--progress`, shared by `tick`, `untick`, `status` and `next`.
struct ProgressOptions: ParsableArguments {
    @OptionGroup var runbook: ScenarioOptions

    @Option(name: .long, help: ArgumentHelp("The progress file. Default: \(ProgressFile.defaultFileName) beside the scenario file (in the current directory without --scenario). Its lock is the same path with '.lock' added. Without --scenario, the scenario the log was started with is used.", valueName: "file"), completion: .file(extensions: ["json"]))
    var progress: String?

    /// `--progress`, or the default file beside the scenario.
    var progressPath: String {
        if let progress { return progress }
        guard let scenario = runbook.scenario else { return ProgressFile.defaultFileName }
        let folder = (scenario as NSString).deletingLastPathComponent
        return folder.isEmpty ? ProgressFile.defaultFileName : (folder as NSString).appendingPathComponent(ProgressFile.defaultFileName)
    }

    var store: ProgressStore { ProgressStore(path: progressPath) }

    /// The options as given, for a command line the user can copy (`c8runbook tick --scenario … STEP`).
    var given: [String] {
        var words: [String] = []
        if let scenario = runbook.scenario { words += ["--scenario", scenario] }
        if let templates = runbook.templates { words += ["--templates", templates] }
        if let progress { words += ["--progress", progress] }
        return words
    }

    func validate() throws {
        if progress?.isEmpty == true { throw ValidationError("--progress needs a file path") }
    }

    /// What a progress command works with: the scenario (given, or the one the log was started with), the log as
    /// read (nil: no file yet), the runbook progress is tracked against (`Planner.planForProgress`) and the same
    /// runbook as `generate` shows it, whose commands name the scenario file.
    struct Context {
        var scenario: Scenario
        /// The scenario file's absolute path; nil for the built-in example.
        var scenarioPath: String?
        var log: ProgressLog?
        var tracked: Runbook
        var planner: Planner
        var scenarioFile: String

        /// The runbook as `generate` shows it (its commands name the scenario file as given).
        var shown: Runbook { planner.plan(scenario, scenarioFile: scenarioFile) }

        var deployment: ProgressDeployment { ProgressDeployment(scenario) }
    }

    /// Reads the log and the scenario. Without `--scenario`, the scenario the log records is used; a log that
    /// records none (an older tool's, or one started with the built-in example for another deployment) is refused,
    /// never read against the built-in example, and without a log `--scenario` is required. A log of another deployment is refused. `mustExist`: an explicit
    /// `--progress` that does not exist is an error (status, next), not an empty log. `events` false reads only
    /// the log's header (tick and untick read the whole log again under the lock).
    func load(mustExist: Bool, events: Bool = true) throws -> Context {
        let store = self.store
        let log = events ? try store.scan() : try store.header()
        if log == nil, mustExist, progress != nil { throw ProgressError.missing(path: progressPath) }
        // Progress is tracked for a deployment: a first tick without --scenario would start a log for the built-in
        // example (Camunda's reference clusters), which a team only notices at its next command.
        if log == nil, runbook.scenario == nil { throw ProgressError.noScenarioToStart(path: progressPath) }
        var options = runbook
        var scenario: Scenario
        if runbook.scenario == nil, let log {
            guard log.formatVersion >= 2 else { throw ProgressError.noScenario(path: progressPath) }
            if let recorded = log.scenario {
                Console.note("using the scenario this progress log was started with: \(recorded)")
                options.scenario = recorded
                scenario = try options.loadScenario()
            } else {
                scenario = try Scenario.parse(yaml: Scenario.exampleYAML, file: "<built-in example>")
                guard log.deployment == ProgressDeployment(scenario) else { throw ProgressError.noScenario(path: progressPath) }
                Console.note("using the built-in example scenario this progress log was started with")
            }
        } else {
            scenario = try options.loadScenario()
        }
        let path = options.scenario.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if let recorded = log?.deployment, recorded != ProgressDeployment(scenario) {
            throw ProgressError.otherDeployment(path: progressPath, recorded: recorded, scenario: options.scenario, given: ProgressDeployment(scenario))
        }
        let planner = Planner(templates: try options.loadTemplates())
        return Context(scenario: scenario, scenarioPath: path, log: log, tracked: planner.planForProgress(scenario),
                       planner: planner, scenarioFile: options.scenarioFile)
    }

    /// The recorded state; with no file yet, an empty log.
    func state(_ context: Context) -> ProgressState {
        ProgressState(runbook: context.tracked, log: context.log ?? ProgressLog(deployment: context.deployment, scenario: context.scenarioPath))
    }
}

/// Output formats of `status` and `next`.
enum ProgressOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
