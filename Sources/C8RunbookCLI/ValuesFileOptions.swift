import ArgumentParser

/// `--values`, `--region0-values`, `--region1-values`: the 8.7 values files, shared by `init` and `values`.
struct ValuesFileOptions: ParsableArguments {
    @Option(name: .customLong("values"), help: ArgumentHelp("An 8.7 base values file shared by both regions (camunda-values.yml). Repeat it for several base files, in helm -f order (later files win, lists are replaced). Without it, --region0-values and --region1-values are complete per-region files.", valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var bases: [String] = []

    @Option(name: .customLong("region0-values"), help: ArgumentHelp("Region 0's overlay (region0/camunda-values.yml), or its complete file when --values is not given.", valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var region0: String?

    @Option(name: .customLong("region1-values"), help: ArgumentHelp("Region 1's overlay (region1/camunda-values.yml), or its complete file when --values is not given.", valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var region1: String?

    func validate() throws {
        if bases.isEmpty, region0 == nil || region1 == nil {
            throw ValidationError("give --values BASE (with the region overlays), or both --region0-values and --region1-values as complete files")
        }
    }
}
