import ArgumentParser
import C8Runbook
import Foundation

/// `--scenario` and `--templates`, shared by the commands that build a runbook.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The scenario file describing your deployment. Without it, generate uses the built-in example (Camunda's reference dual-region architecture); tick, untick, status and next use the scenario their progress log was started with.", valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp("A folder of templates (*.mustache, named as under Templates/) that replace the built-in wording.", valueName: "dir"), completion: .directory)
    var templates: String?

    /// The scenario's path for the commands in the runbook that name it, absolute so that they work from any
    /// folder; without `--scenario`, `scenario.yml` in the scenario's `valuesFiles.directory`.
    var scenarioFile: String { scenario.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "scenario.yml" }

    func loadScenario() throws(ScenarioError) -> Scenario {
        guard let scenario else {
            Console.noteOnSuccess("no --scenario given: using the built-in example scenario (Camunda's reference dual-region architecture)")
            return try Scenario.parse(yaml: Scenario.exampleYAML, file: "<built-in example>")
        }
        return try Scenario.load(contentsOf: scenario)
    }

    /// The files these options read, for `OutputFile.write(_:to:inputs:)`: the scenario and every file under the
    /// templates folder.
    var inputFiles: [String] {
        var files = scenario.map { [$0] } ?? []
        if let templates {
            files += (FileManager.default.subpaths(atPath: templates) ?? []).sorted().map { (templates as NSString).appendingPathComponent($0) }
        }
        return files
    }

    func loadTemplates() throws(TemplateError) -> TemplateSet {
        guard let templates else { return .embedded }
        return try TemplateSet.overriding(with: templates)
    }
}
