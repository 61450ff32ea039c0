extension Planner {
    /// The runbook progress is tracked against: planned without a values review and with the default scenario file
    /// name. Ticks then do not go stale because a command names the scenario by another path (`./scenario.yml`,
    /// an absolute path) or because `generate --values-dir` showed the diff of the values files in a step.
    public func planForProgress(_ scenario: Scenario) -> Runbook {
        plan(scenario)
    }
}
