import ArgumentParser
import C8Runbook

/// `--scenario` and `--templates` as an option group, for the progress commands (`ProgressOptions`); `generate`
/// declares the same two options itself, with these helps.
struct ScenarioOptions: ParsableArguments {
    /// `generate`'s help of `--scenario`.
    static let scenarioHelp = ArgumentHelp("The scenario file describing your deployment. Without it, the built-in example (Camunda's reference dual-region architecture).", valueName: "file")
    /// The progress commands' help of `--scenario`.
    static let progressScenarioHelp = ArgumentHelp("The scenario file describing your deployment. Without it, the scenario the progress log was started with; needed when there is no log yet.", valueName: "file")
    static let templatesHelp = ArgumentHelp("A folder of templates (*.mustache, named as under Templates/) that replace the built-in wording.", valueName: "dir")

    @Option(name: .long, help: progressScenarioHelp, completion: .file(extensions: ["yml", "yaml"]))
    var scenario: String?

    @Option(name: .long, help: templatesHelp, completion: .directory)
    var templates: String?

    var inputs: ScenarioInputs { ScenarioInputs(scenario: scenario, templates: templates) }

    /// See `ScenarioInputs.scenarioFile`.
    var scenarioFile: String { inputs.scenarioFile }

    func loadScenario() throws(ScenarioError) -> Scenario { try inputs.loadScenario() }

    func loadTemplates() throws(TemplateError) -> TemplateSet { try inputs.loadTemplates() }
}
