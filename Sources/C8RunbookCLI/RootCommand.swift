public import ArgumentParser

/// `c8runbook`: turns a description of a dual-region Camunda 8.7 deployment into its 8.8 upgrade runbook.
public struct RootCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "c8runbook",
        abstract: "Tailored runbooks for upgrading a dual-region Camunda 8.7 deployment to 8.8 with Helm.",
        discussion: """
            Describe your deployment in a scenario file (start from `c8runbook example`), then generate \
            its runbook: every step of Camunda's dual-region upgrade guide that applies to it, with exact values \
            snippets and helm, kubectl and curl commands for each region.

            Exit codes: 0 success, 3 required steps open (status --require-complete) or a tick refused, \
            64 usage error, 65 invalid input, 66 input file missing, 70 internal error (the values check caught \
            c8runbook's own rewrite), 73 output not writable (or an input of the command), 74 standard output \
            closed or full.
            """,
        version: "0.1.0",
        subcommands: [GenerateCommand.self, RulesCommand.self, ExampleCommand.self, InitCommand.self, ValuesCommand.self,
                      TickCommand.self, UntickCommand.self, StatusCommand.self, NextCommand.self]
    )

    public init() {}

    /// The argument parser's `main`, with standard output guarded (`Console.prepare`).
    public static func main() {
        Console.prepare()
        main(nil)
    }
}
