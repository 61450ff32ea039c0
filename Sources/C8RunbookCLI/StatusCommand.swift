import ArgumentParser
import C8Runbook
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what is done: overall, per phase, per region, who ticked what and when, stale ticks.",
        discussion: "Progress bars are drawn when standard output is a terminal. With --require-complete the exit status is 3 while a required step is open, for CI gates."
    )

    @OptionGroup var options: ProgressOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: ProgressOutputFormat = .text

    @Flag(name: .long, help: "Exit with status 3 while a required step is open.")
    var requireComplete = false

    func run() throws {
        try Console.run {
            let context = try options.load(mustExist: true)
            let report = ProgressReport(state: options.state(context), progressFile: options.progressPath, hasFile: context.log != nil)
            switch format {
            case .text: print(report.text(bars: isatty(STDOUT_FILENO) == 1, options: options.given), terminator: "")
            case .json: print(JSONText.encode(report), terminator: "")
            }
            if requireComplete && !report.complete {
                Console.printError("error: \(report.required.total - report.required.done) required steps are still open")
                throw ExitCode(ExitStatus.incomplete.rawValue)
            }
        }
    }
}

/// Sorted-key JSON with a final newline.
enum JSONText {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"  // Plain value types.
    }
}
