public import ArgumentParser
import C8Runbook

extension MigrationStage: ExpressibleByArgument {}
extension ChangeReport.Format: ExpressibleByArgument {}

struct ValuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "Write the 8.8 values files for a scenario from its 8.7 values files.",
        discussion: """
            Writes the files under the same names and layout as the input (each base file by its name, each overlay by \
            its path relative to the first base file's folder) into --out-dir, with a change report (values-report.md or \
            values-report.json) listing each change with its rule (rules.md) and input location. Everything the rules \
            do not touch is kept as written, in its order, with its comments; a file no rule touches is copied byte for \
            byte. Nothing is written when an input is invalid, is not dual-region 8.7 values, or contradicts the scenario \
            (storage type or layout, exporters, compression: exit 65). Plaintext secrets are reported by key and location only; the diff and the report show them as <redacted: FILE:LINE>.

            Before anything is written, an independent check re-reads the files about to be written, merges the base \
            files (--values, repeated in helm -f order) with each overlay as Helm does, and checks each region's effective \
            8.8 values: no 8.7-only key, no duplicate key, no port twice in one Service or in the orchestration \
            container, no volume name or mount path twice in one pod, every 8.7 env entry carried with its effective \
            value (the last of a repeated name) or dropped by a named rule, each Camunda Exporter on its region's storage, data migration where \
            the storage layout needs it (and none in --stage final). A broken check is one error line naming the file, \
            region, key and rule, exit 65 (70 when c8runbook itself is at fault), and nothing is written.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The scenario file (from c8runbook init, reviewed).", valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var scenario: String

    @OptionGroup var files: ValuesFileOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the 8.8 files and the report into (created if missing, written in place; must not be or hold an input file, nor contain a symbolic link on the way to a file it writes).", valueName: "dir"), completion: .directory)
    var outDir: String

    @Option(name: .long, help: "migration: the files to upgrade with (default); final: the end state after the post-migration clean-up.")
    var stage: MigrationStage = .migration

    @Option(name: .long, help: "Change report format: markdown or json.")
    var reportFormat: ChangeReport.Format = .markdown

    @Flag(name: .long, help: "Also print the unified diff between the 8.7 and the 8.8 files on standard output, before the files are put in place: when it cannot be written (a closed pipe, a full device), no file is written (exit 74).")
    var diff = false

    func run() throws {
        try Console.run {
            // The verifier's own reading of the 8.7 files needs nothing of the reader or the migration: on a second core
            // while they run.
            let originals = ValuesVerifier.OriginalReading(bases: files.bases, region0: files.region0, region1: files.region1)
            let scenario = try Scenario.load(contentsOf: self.scenario)
            let input = try ValuesInput.load(bases: files.bases, region0: files.region0, region1: files.region1)
            try ScenarioInference.checkAgreement(of: input, with: scenario)
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            if let problem = result.problems.first { throw problem }
            // The diff needs nothing of the verifier: made while it checks, and printed only once it has passed.
            let patch = diff ? ConcurrentValue { result.diffRedactingConcurrently } : nil
            try ValuesVerifier.verify(result, input: input, scenario: scenario, originals: originals)
            let report = ChangeReport(result: result, scenarioName: scenario.title ?? "release \(scenario.release)")
            var outputs = result.files.map { (path: $0.path, text: $0.text) }
            outputs.append((path: reportFormat.fileName, text: report.rendered(as: reportFormat)))
            // The diff is the report of what is written: printed before the files are renamed in, so that a diff that
            // cannot be delivered leaves nothing written (exit 74).
            let removed = try ValuesOutput.write(outputs, to: outDir, inputs: [self.scenario] + input.files.map(\.document.path),
                                                 report: patch?.value)
            if !removed.isEmpty {
                Console.note("removed \(removed.count) temporary file(s) an interrupted run left in \(outDir): \(removed.joined(separator: ", "))")
            }
            for secret in result.secrets {
                Console.warning(secret.warning)
            }
            let rewritten = result.files.filter(\.changed).count
            let review = result.changes.filter { $0.kind == .review }.count
            Console.note("wrote \(result.files.count) values files to \(outDir) (\(rewritten) rewritten, \(result.files.count - rewritten) unchanged) and \(reportFormat.fileName); \(review) item(s) to review")
        }
    }
}
