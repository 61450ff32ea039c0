import ArgumentParser
import C8Runbook

struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Print the built-in example scenario: Camunda's reference dual-region architecture, a starting point for yours.",
        discussion: "c8runbook example > scenario.yml, edit it, then: c8runbook generate --scenario scenario.yml"
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it; '-' for standard output (the default).", valueName: "file"), completion: .file())
    var output: String?

    func run() throws {
        try Console.run { try OutputFile.write(Scenario.exampleYAML, to: output) }
    }
}
