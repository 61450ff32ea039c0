import ArgumentParser
import C8Runbook
import Foundation

/// `--scenario`, `--templates` and `--progress`, shared by `tick`, `untick`, `status` and `next`.
struct ProgressOptions: ParsableArguments {
    @OptionGroup var runbook: ScenarioOptions

    @Option(name: .long, help: ArgumentHelp("The progress file. Default: \(ProgressFile.defaultFileName) beside the scenario file (in the current directory without --scenario). Its lock is the same path with '.lock' added.", valueName: "file"), completion: .file(extensions: ["json"]))
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

    /// The runbook progress is tracked against (`Planner.planForProgress`), and the same runbook as `generate`
    /// shows it, whose commands name the scenario file as it was given.
    func loadRunbooks() throws -> (tracked: Runbook, shown: Runbook) {
        let scenario = try runbook.loadScenario()
        let planner = Planner(templates: try runbook.loadTemplates())
        return (planner.planForProgress(scenario), planner.plan(scenario, scenarioFile: runbook.scenarioFile))
    }

    /// The runbook progress is tracked against.
    func loadRunbook() throws -> Runbook {
        let scenario = try runbook.loadScenario()
        return Planner(templates: try runbook.loadTemplates()).planForProgress(scenario)
    }

    /// The recorded state; with no file yet, an empty log.
    func loadState(_ runbook: Runbook) throws -> (state: ProgressState, hasFile: Bool) {
        let file = try store.load()
        return (ProgressState(runbook: runbook, file: file ?? ProgressFile(runbookFingerprint: runbook.fingerprint)), file != nil)
    }
}

/// Output formats of `status` and `next`.
enum ProgressOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
