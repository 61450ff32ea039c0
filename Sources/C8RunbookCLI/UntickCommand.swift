import ArgumentParser
import C8Runbook

struct UntickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "untick",
        abstract: "Record that steps are not done after all.",
        discussion: "Appends an untick event per step; the earlier tick stays in the log. A step that disappeared from the runbook can be unticked to clear its stale tick."
    )

    @OptionGroup var options: ProgressOptions

    @Argument(help: ArgumentHelp("The ids of the steps to reopen.", valueName: "step-id"), completion: .custom(StepIDCompletion.complete))
    var steps: [String]

    @Option(name: .long, help: ArgumentHelp("Who reopens them. Default: the login name.", valueName: "name"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("Why (one line), kept with each event.", valueName: "text"))
    var note: String?

    func validate() throws {
        if steps.isEmpty { throw ValidationError("give at least one step id") }
    }

    func run() throws {
        try Console.run {
            try ProgressCommand.record(.untick, steps: steps, by: by, note: note, force: false, options: options)
        }
    }
}
