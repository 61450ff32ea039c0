/// What a shell completes for a step-id argument (`tick`, `untick`): the ids of the runbook that progress is
/// tracked against, for the scenario on the command line being completed.
public enum StepCompletion {
    /// - Parameters:
    ///   - scenarioFile: the `--scenario` value typed so far on the command line, relative to the shell's folder;
    ///   nil for the built-in example.
    ///   - prefix: the part of the id typed so far.
    /// - Returns: the ids starting with `prefix`, in runbook order; none when the scenario cannot be read (a
    ///   completion never prints an error into the user's prompt).
    public static func ids(scenarioFile: String?, prefix: String) -> [String] {
        let scenario: Scenario
        do {
            scenario = try scenarioFile.map { path throws(ScenarioError) in try Scenario.load(contentsOf: path) }
                ?? Scenario.parse(yaml: Scenario.exampleYAML, file: "<built-in example>")
        } catch {
            return []
        }
        return Planner().planForProgress(scenario).steps.map(\.id).filter { $0.hasPrefix(prefix) }
    }

    /// The value of `--scenario` among the words of a command line (`--scenario FILE` or `--scenario=FILE`), the
    /// last one winning as it does for the argument parser.
    public static func scenarioFile(in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == "--scenario", index + 1 < words.count { found = words[index + 1] }
            if word.hasPrefix("--scenario=") { found = String(word.dropFirst("--scenario=".count)) }
        }
        return found
    }
}
