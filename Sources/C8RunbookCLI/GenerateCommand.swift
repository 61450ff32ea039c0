public import ArgumentParser
public import C8Runbook

extension RunbookFormat: ExpressibleByArgument {}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the runbook for a scenario.",
        discussion: "Markdown (GitHub/GitLab flavoured, with a task-list checkbox per step), JSON (formatVersion, scenario, phases[].steps[]) or HTML (one self-contained page, or with --fragment its content alone for a wiki). Same input, same bytes."
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .long, help: "Output format: markdown, json or html.")
    var format: RunbookFormat = .markdown

    @Flag(name: .long, help: "With --format html: only the runbook's content (one <article>, no <html>, <head> or styles), for pasting into a wiki.")
    var fragment = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the runbook; '-' for standard output (the default).", valueName: "file"))
    var output: String?

    func validate() throws {
        if fragment && format != .html {
            throw ValidationError("--fragment needs --format html")
        }
    }

    func run() throws {
        try Console.run {
            let scenario = try options.loadScenario()
            let templates = try options.loadTemplates()
            let runbook = Planner(templates: templates).plan(scenario)
            runbook.warnings.forEach(Console.warning)
            let text = fragment ? HTMLRenderer(templates: templates).fragment(runbook) : runbook.rendered(as: format, templates: templates)
            try OutputFile.write(text, to: output)
        }
    }
}
