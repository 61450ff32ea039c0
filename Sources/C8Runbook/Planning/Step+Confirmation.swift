extension Step {
    /// The line an operator writes into the change log, signed, before an irreversible step, naming where it runs
    /// (`I confirm upgrade.helm.region0 on cluster-london/camunda-london: …`); nil for a step that can be undone.
    /// `next` shows it in text and JSON; the Markdown and HTML runbooks show the same line.
    public func confirmation(in scenario: Scenario) -> String? {
        guard danger == .irreversible else { return nil }
        let target = region.flatMap { id in scenario.regions.first { $0.id == id } }
            .map { "\($0.kubeContext)/\($0.namespace)" } ?? "both regions"
        return "I confirm \(id) on \(target): the backup is verified and the abort plan is read."
    }
}
