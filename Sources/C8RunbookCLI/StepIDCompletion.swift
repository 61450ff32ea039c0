import C8Runbook

/// The shell completion of step ids (`tick`, `untick`): the generated bash, zsh and fish scripts run
/// `c8runbook ---completion …` with the words typed so far, and this lists the ids of the scenario named by
/// `--scenario` among them (the built-in example's without it).
enum StepIDCompletion {
    @Sendable static func complete(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        StepCompletion.ids(scenarioFile: StepCompletion.scenarioFile(in: words), prefix: prefix)
    }
}
