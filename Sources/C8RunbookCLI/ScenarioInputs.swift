import C8Runbook
import Foundation

/// The scenario file and templates folder a command was given (`--scenario`, `--templates`), and what is read
/// from them. `generate` declares both options itself and `ScenarioOptions` holds them for the progress commands:
/// an option group costs the argument parser a second type to reflect on each of its passes at start-up.
struct ScenarioInputs {
    /// `--scenario`: the scenario file's path as given; nil for the built-in example.
    var scenario: String?
    /// `--templates`: the folder of templates as given; nil for the embedded ones.
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
