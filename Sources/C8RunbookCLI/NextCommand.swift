import ArgumentParser
import C8Runbook

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Show the steps that can be done now, with their commands.",
        discussion: "The first open required step whose prerequisites are all done, in the runbook's order, shown together with the same step for the other region (and its back-to-back partner) when that is ready too. --all lists every step that can be done now; --region keeps to one region's steps and the steps done once. Each step shows where it runs, its danger class (read-only, changes a cluster, IRREVERSIBLE), for an irreversible step the line to write into the change log first, its text (what the commands' output must show), its commands (a change of class or a second terminal as a # comment line), its blocks (values snippets, expected output, PromQL) and its notes, as the runbook does; --format json gives the same, with the confirmation lines under confirmations."
    )

    @OptionGroup var options: ProgressOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: ProgressOutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Only steps of this region (0 or 1) and the steps done once.", valueName: "id"))
    var region: Int?

    @Flag(name: .long, help: "Every step that can be done now, not only the next one.")
    var all = false

    func validate() throws {
        if let region, ![0, 1].contains(region) { throw ValidationError("--region must be 0 or 1") }
    }

    func run() throws {
        try Console.run {
            let context = try options.load(mustExist: true)
            let runbook = context.shown
            let next = NextSteps(state: options.state(context), region: region, all: all).showing(runbook)
            switch format {
            case .text: print(next.text(scenario: runbook.scenario, options: options.given), terminator: "")
            case .json: print(JSONText.encode(next), terminator: "")
            }
        }
    }
}
