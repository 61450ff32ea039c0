import ArgumentParser
import C8Runbook
import Foundation

struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Record that steps are done.",
        discussion: """
            Appends one line per step to the progress file (who, when in UTC, host, the step's content hash, the note), \
            under an exclusive lock and flushed to disk, so operators in several shells can tick at once. \
            A step ticked before a step the runbook says to do it after (rules.md §B.7) is refused (exit 3) unless \
            --force, which is recorded; so is a tick against a scenario that still has TODO- placeholders. \
            All steps of one command are recorded together or not at all, in the runbook's order. Without --scenario, \
            the scenario the progress file was started with is used; a progress file of another deployment is refused.
            """
    )

    @OptionGroup var options: ProgressOptions

    @Argument(help: ArgumentHelp("The ids of the steps done, as the runbook shows them (e.g. upgrade.helm.region0).", valueName: "step-id"), completion: .custom(StepIDCompletion.complete))
    var steps: [String]

    @Option(name: .long, help: ArgumentHelp("Who did the steps. Default: the login name.", valueName: "name"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("A note kept with each tick (one line).", valueName: "text"))
    var note: String?

    @Flag(name: .long, help: "Tick even though prerequisites are open; the tick is recorded as forced.")
    var force = false

    func validate() throws {
        if steps.isEmpty { throw ValidationError("give at least one step id; 'c8runbook next' shows what can be ticked now") }
    }

    func run() throws {
        try Console.run {
            try ProgressCommand.record(.tick, steps: steps, by: by, note: note, force: force, options: options)
        }
    }
}
