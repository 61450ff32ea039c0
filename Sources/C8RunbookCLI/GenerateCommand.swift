public import ArgumentParser
public import C8Runbook
import Foundation

extension RunbookFormat: ExpressibleByArgument {}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the runbook for a scenario.",
        discussion: "Markdown (GitHub/GitLab flavoured, with a task-list checkbox per step), JSON (formatVersion, scenario, phases[].steps[]) or HTML (one self-contained page, or with --fragment its content alone for a wiki). Same input, same bytes."
    )

    // `--scenario` and `--templates` are declared here rather than as `@OptionGroup var options: ScenarioOptions`:
    // the group is a second type the argument parser reflects on, each of the four times it reads this command's
    // arguments (BENCHMARKS.md "Start-up"). Same names, helps and order as the group.
    @Option(name: .long, help: ScenarioOptions.scenarioHelp, completion: .file(extensions: ["yml", "yaml"]))
    var scenario: String?

    @Option(name: .long, help: ScenarioOptions.templatesHelp, completion: .directory)
    var templates: String?

    private var options: ScenarioInputs { ScenarioInputs(scenario: scenario, templates: templates) }

    @Option(name: .long, help: "Output format: markdown, json or html.")
    var format: RunbookFormat = .markdown

    @Flag(name: .long, help: "With --format html: only the runbook's content (one <article>, no <html>, <head> or styles), for pasting into a wiki.")
    var fragment = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the runbook; '-' for standard output (the default).", valueName: "file"), completion: .file())
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The folder holding your 8.7 values files (named as in the scenario's valuesFiles): the runbook then shows the exact diff of each file, as `c8runbook values` writes it, with every secret shown as <redacted: FILE:LINE>, after the same check `values` runs (a broken invariant: one line, exit 65).", valueName: "dir"), completion: .directory)
    var valuesDir: String?

    @Option(name: .long, help: ArgumentHelp("A progress file (see 'tick'): show each step ticked or not, with who and when (Markdown and HTML).", valueName: "file"), completion: .file(extensions: ["json"]))
    var progress: String?

    func validate() throws {
        if progress != nil && format == .json { throw ValidationError("--progress shows ticks in the Markdown and HTML runbooks; the JSON runbook has none (see 'status --format json')") }
        if fragment && format != .html {
            throw ValidationError("--fragment needs --format html")
        }
    }

    /// Every file this command reads or names: the scenario, templates, every values file the scenario names (as
    /// the scenario resolves them, against `valuesFiles.directory`, whether or not `--values-dir` is given), those
    /// of `--values-dir`, the progress file. `-o` must be none of them.
    func inputFiles(_ scenario: Scenario) -> [String] {
        var files = options.inputFiles
        let values = scenario.valuesFiles
        let named = values.bases + [values.region0, values.region1] + [values.users].compactMap { $0 }
        files += named.map(values.absolute)
        if let valuesDir {
            files += named.map { $0.hasPrefix("/") ? $0 : (valuesDir as NSString).appendingPathComponent($0) }
        }
        return files + (progress.map { [$0] } ?? [])
    }

    func run() throws {
        try Console.run {
            let scenario = try options.loadScenario()
            let templates = try options.loadTemplates()
            let review = try valuesDir.map { folder in try ValuesReview.make(scenario: scenario, valuesFolder: folder) }
            let runbook = Planner(templates: templates).plan(scenario, review: review, scenarioFile: options.scenarioFile)
            runbook.warnings.forEach(Console.warning)
            let marks = try progress.map { path in try ProgressMarks.load(path, runbook: Planner(templates: templates).planForProgress(scenario), scenario: self.scenario) }
            let text = fragment
                ? HTMLRenderer(templates: templates, progress: marks).fragment(runbook)
                : runbook.rendered(as: format, templates: templates, progress: marks)
            try OutputFile.write(text, to: output, inputs: inputFiles(scenario))
        }
    }
}
