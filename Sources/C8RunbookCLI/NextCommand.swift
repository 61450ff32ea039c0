import ArgumentParser
import C8Runbook

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Show the steps that can be done now, with their commands.",
        discussion: "The open required steps whose prerequisites are all done, from the earliest phase that has any; steps of both regions that run side by side are shown together."
    )

    @OptionGroup var options: ProgressOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: ProgressOutputFormat = .text

    func run() throws {
        try Console.run {
            let runbook = try options.loadRunbook()
            let next = NextSteps(state: try options.loadState(runbook).state)
            switch format {
            case .text: print(next.text(scenario: runbook.scenario), terminator: "")
            case .json: print(JSONText.encode(next), terminator: "")
            }
        }
    }
}
