import ArgumentParser
import C8Runbook

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Infer a scenario file from your 8.7 Helm values files.",
        discussion: """
            Reads the values as Helm would (the base files in the order given, then each region's file; later files \
            win, lists are replaced) \
            and writes a commented scenario: each inferred field names its source (file:line); what the values do not \
            say is left as a placeholder starting with TODO- (todo- where only lower case is allowed), listed at the \
            top of the file: the title and the installed chart (chart.from) among them, unless --title and \
            --chart-from give them. Review it, then run `c8runbook generate --scenario FILE`. Refused (exit 65, with what to do): \
            files that are not dual-region 8.7 values, duplicate keys, template expressions other than \
            {{ .Release.Name }}, exporters that differ between the regions, the chart's exporter enabled next to \
            zeebe.env exporters, a missing zeebe.clusterSize.
            """
    )

    @OptionGroup var files: ValuesFileOptions

    @Option(name: .long, help: ArgumentHelp("The Helm release name (the same in both regions); inferred from the storage service name otherwise. Also substituted for {{ .Release.Name }} in the values init reads.", valueName: "name"))
    var release: String?

    @Option(name: .long, help: ArgumentHelp("The 13.x chart version to upgrade to (default: \(ChartRelease.newest.chart), the newest known patch).", valueName: "13.x.y"))
    var chartVersion: String?

    @Option(name: .long, help: ArgumentHelp("The installed 12.x chart version (`helm list` shows it), which the rollback restores; left as the placeholder TODO-chart-version-12.x otherwise.", valueName: "12.x.y"))
    var chartFrom: String?

    @Option(name: .long, help: ArgumentHelp("The runbook's title; left as the placeholder TODO-title otherwise.", valueName: "text"))
    var title: String?

    @Option(name: .customLong("kube-context0"), help: ArgumentHelp("Region 0's kube context.", valueName: "context"))
    var kubeContext0: String?

    @Option(name: .customLong("kube-context1"), help: ArgumentHelp("Region 1's kube context.", valueName: "context"))
    var kubeContext1: String?

    @Option(name: .customLong("namespace0"), help: ArgumentHelp("Region 0's namespace; inferred from the exporter URLs otherwise.", valueName: "namespace"))
    var namespace0: String?

    @Option(name: .customLong("namespace1"), help: ArgumentHelp("Region 1's namespace; inferred from the exporter URLs otherwise.", valueName: "namespace"))
    var namespace1: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the scenario; '-' for standard output (the default).", valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var output: String?

    func run() throws {
        try Console.run {
            let inputs = files.bases + [files.region0, files.region1].compactMap { $0 }
            try OutputFile.refuseInputs(output, inputs: inputs)
            let input = try ValuesInput.load(bases: files.bases, region0: files.region0, region1: files.region1)
            let options = ScenarioInference.Options(release: release, chartVersion: chartVersion, chartFrom: chartFrom, title: title,
                                                    kubeContexts: [kubeContext0, kubeContext1], namespaces: [namespace0, namespace1])
            let (text, inferred) = try ScenarioInference(input: input, options: options).scenarioText()
            try OutputFile.write(text, to: output, inputs: inputs)
            for placeholder in inferred.placeholders {
                Console.note("placeholder left in \(placeholder.path): \(placeholder.hint)")
            }
            for secret in inferred.secrets {
                Console.warning(secret.warning)
            }
            for warning in inferred.warnings {
                Console.warning(warning)
            }
        }
    }
}
