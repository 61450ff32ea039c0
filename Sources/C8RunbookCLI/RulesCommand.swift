import ArgumentParser
import C8Runbook

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rule catalogue (rules.md §B) and the ordering constraints (§B.7).",
        discussion: "With --scenario, each rule also says whether it applies to that scenario and which steps it contributes."
    )

    @Option(name: .long, help: ArgumentHelp("Mark which rules apply to this scenario.", valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var scenario: String?

    func run() throws {
        try Console.run {
            let loaded = try scenario.map { path throws(ScenarioError) in try Scenario.load(contentsOf: path) }
            try StandardOutput.write(RuleListing(scenario: loaded).text)
        }
    }
}
